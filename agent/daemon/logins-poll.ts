// Interactive logins: on an immutable server, somebody logging in is itself a
// change worth knowing. utmp is polled (a stat every interval, a read only
// when it moved): a watch on one small file would cost as much and miss
// nothing more. Sessions already known are persisted in the outbox's meta, so
// a restart neither repeats them nor forgets one that began while it was down.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { newSessions, readSessions, sessionKey, type Session } from '../sources/logins.js';

const MAX_REMEMBERED = 4096;

export interface LoginsPollOptions {
  root: string;
  intervalMs: number;
  log: Logger;
  /** Sessions known at the last run ('' when never run). */
  loadKnown: () => string;
  saveKnown: (keys: string) => void;
  /** Before this time, a session is part of the sealed state (first run only). */
  sealedAt: Date;
  onLogin: (s: Session) => void;
  onError: (detail: string) => void;
}

function stamp(root: string): string {
  for (const rel of ['run/utmp', 'var/run/utmp']) {
    const st = statSync(join(root, rel), { throwIfNoEntry: false });
    if (st !== undefined) return `${rel}:${st.ino}:${st.size}:${st.mtimeMs}`;
  }
  return 'none';
}

export function startLoginsPoll(opts: LoginsPollOptions): { stop: () => void; poll: () => Promise<void> } {
  let last = '';
  let known: Session[] | undefined;
  let failing = false;
  const knownKeys = new Set(opts.loadKnown().split('\n').filter((k) => k !== ''));
  const poll = async (): Promise<void> => {
    const now = stamp(opts.root);
    if (now === last && known !== undefined) return;
    last = now;
    try {
      const sessions = await readSessions(opts.root);
      failing = false;
      if (known === undefined) {
        // First look: sessions remembered from the last run, or begun before the seal, are not news.
        known = sessions.filter((s) => knownKeys.has(sessionKey(s)) || (knownKeys.size === 0 && s.loginAt <= opts.sealedAt));
      }
      for (const s of newSessions(known, sessions)) opts.onLogin(s);
      known = sessions;
      opts.saveKnown(sessions.slice(-MAX_REMEMBERED).map(sessionKey).join('\n'));
    } catch (err) {
      if (!failing) opts.onError(`logins cannot be read: ${err instanceof Error ? err.message : String(err)}`);
      failing = true;
    }
  };
  const timer = setInterval(() => { void poll(); }, opts.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), poll };
}
