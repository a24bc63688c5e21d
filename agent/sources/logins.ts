// The logins source: interactive sessions read from the utmp file of a scan
// root, and the pure diff that turns two readings into "who logged in since".
// Parsing lives in utmp-parse.ts; this file owns the file access and its errors.
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { DriftwatchError, describeFsError, errnoCode } from '../../common/errors.js';
import { parseUtmpSessions, type Session } from './utmp-parse.js';

export type { Session } from './utmp-parse.js';

// utmp holds one 384-byte slot per terminal line, reused across logins, so a
// busy host has a few hundred records at most. 4 MiB (10,922 records) is far
// beyond that; a larger file is not a utmp we trust to parse on every poll.
export const MAX_UTMP_BYTES = 4 * 1024 * 1024;

function unreadable(file: string, why: string, cause?: unknown): DriftwatchError {
  return new DriftwatchError('AGENT_LOGINS_UNREADABLE', `cannot read ${file}: ${why}`, { cause });
}

/** A missing file, or a missing directory on the way to it. */
function isAbsent(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file's bytes, or undefined when it does not exist. */
async function readBounded(file: string): Promise<Buffer | undefined> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO planted at the path must not hang the agent in open().
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if (isAbsent(err)) return undefined;
    throw unreadable(file, describeFsError(err), err);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw unreadable(file, 'not a regular file');
    if (stat.size > MAX_UTMP_BYTES) throw unreadable(file, `${stat.size} bytes exceeds the ${MAX_UTMP_BYTES}-byte bound`);
    // Read at most the size seen by fstat: a record appended meanwhile is seen
    // on the next poll, and one cut short here is dropped by the parser.
    const buf = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } catch (err) {
    if (err instanceof DriftwatchError) throw err;
    throw unreadable(file, describeFsError(err), err);
  } finally {
    await handle.close();
  }
}

/**
 * Where utmp lives under a root: run/utmp, else var/run/utmp. The fallback is
 * skipped when var/run is a symlink: on current systems it is "/run", which
 * under a root other than "/" would leave the root and read this machine's
 * utmp; and under any root it leads back to the run/utmp already tried.
 */
async function utmpCandidates(root: string): Promise<string[]> {
  const primary = join(root, 'run/utmp');
  try {
    if ((await lstat(join(root, 'var/run'))).isSymbolicLink()) return [primary];
  } catch {
    // No var/run (or no access to it): the fallback read reports what it finds.
  }
  return [primary, join(root, 'var/run/utmp')];
}

/**
 * The interactive sessions recorded in the root's utmp. No utmp file means no
 * sessions (containers and logind-only hosts have none). A utmp that exists
 * but cannot be read throws AGENT_LOGINS_UNREADABLE, for the caller to report
 * as a coverage gap rather than as "nobody is logged in".
 */
export async function readSessions(root: string): Promise<Session[]> {
  for (const file of await utmpCandidates(root)) {
    const buf = await readBounded(file);
    if (buf !== undefined) return parseUtmpSessions(buf);
  }
  return [];
}

/**
 * A session's identity across readings. The tty alone is not enough (a slot
 * is reused by the next login on that line); pid and login time tell a
 * re-login apart from the session that was already there.
 */
export function sessionKey(s: Session): string {
  return `${s.tty}\u0000${s.pid}\u0000${s.loginAt.getTime()}`;
}

/** Sessions present in `current` and not in `previous`, each once, in `current`'s order. */
export function newSessions(previous: readonly Session[], current: readonly Session[]): Session[] {
  const seen = new Set(previous.map(sessionKey));
  const added: Session[] = [];
  for (const s of current) {
    const key = sessionKey(s);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(s);
  }
  return added;
}
