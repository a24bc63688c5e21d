// Dashboard sessions, kept in this process's memory: a collector restart
// signs everyone out, and several collector replicas behind one address would
// each need sticky sessions (docs/dashboard.md). A session is found by the
// SHA-256 of its id (the id itself is only in the browser's cookie), expires
// after IDLE_MS without use and ABSOLUTE_MS after sign-in whatever happens,
// and the table is bounded: the least recently used session goes first.
// A session remembers the hash of the stored token it was made from, never
// the token, so a revoked token ends its sessions at their next request.
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../api/operator-auth.js';

export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;
export const MAX_SESSIONS = 10_000;

export interface Session {
  /** Hex SHA-256 of the cookie's id: the table's key. */
  readonly key: string;
  readonly principal: Principal;
  /** The stored token's hash (undefined for the --admin-token): checked for revocation on use. */
  readonly tokenHash: Buffer | undefined;
  /** Goes in every form as a hidden field; compared in constant time. */
  readonly csrf: string;
  readonly createdAt: number;
  lastUsedAt: number;
}

const keyOf = (id: string): string => createHash('sha256').update(id, 'utf8').digest('hex');

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
  maxSessions: number;
}

export class SessionTable {
  // A Map iterates in insertion order; touching a session re-inserts it, so the first one is the least recently used.
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly limits: SessionLimits = { idleMs: IDLE_MS, absoluteMs: ABSOLUTE_MS, maxSessions: MAX_SESSIONS }, private readonly clock: () => number = Date.now) {}

  /** A new session; returns the id for the cookie (256 random bits). */
  create(principal: Principal, tokenHash: Buffer | undefined): { id: string; session: Session } {
    const now = this.clock();
    this.sweep(now);
    while (this.sessions.size >= this.limits.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    const session: Session = { key: keyOf(id), principal, tokenHash, csrf: randomBytes(32).toString('base64url'), createdAt: now, lastUsedAt: now };
    this.sessions.set(session.key, session);
    return { id, session };
  }

  /** The live session with this cookie id, marked used now; an expired one is removed. */
  use(id: string): Session | undefined {
    const key = keyOf(id);
    const s = this.sessions.get(key);
    if (s === undefined) return undefined;
    const now = this.clock();
    this.sessions.delete(key);
    if (this.expired(s, now)) return undefined;
    s.lastUsedAt = now;
    this.sessions.set(key, s);
    return s;
  }

  /** Still live (without marking it used): for long-lived streams. */
  live(s: Session): boolean {
    return this.sessions.get(s.key) === s && !this.expired(s, this.clock());
  }

  end(s: Session): void {
    this.sessions.delete(s.key);
  }

  get size(): number {
    return this.sessions.size;
  }

  private expired(s: Session, now: number): boolean {
    return now - s.lastUsedAt >= this.limits.idleMs || now - s.createdAt >= this.limits.absoluteMs;
  }

  /** Drops expired sessions from the least recently used end (where the idle ones are). */
  private sweep(now: number): void {
    for (const s of this.sessions.values()) {
      if (now - s.lastUsedAt < this.limits.idleMs) break;
      this.sessions.delete(s.key);
    }
  }
}
