// Puts a host into `terminating` with a termination in flight by writing the
// SQLite file directly (its own connection; WAL lets a running collector keep
// its own), so the directive's tests need not drive a drift through the
// governor first; and counts the store's termination reads.
import Database from 'better-sqlite3';
import type { Store } from '../../collector/store/store.js';
import type { TerminationFilter, TerminationRecord, TerminationState } from '../../collector/store/response-store.js';

export interface TerminationRow {
  hostId: string;
  state: TerminationState;
  terminator: string;
  rule?: string;
  reason?: string;
}

/** Inserts the termination and sets the host's state, in one transaction; returns the termination id. */
export function putTerminating(dbPath: string, row: TerminationRow, hostState = 'terminating'): number {
  const db = new Database(dbPath);
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    return db.transaction(() => {
      db.prepare('UPDATE hosts SET state = ? WHERE id = ?').run(hostState, row.hostId);
      const r = db.prepare(
        `INSERT INTO terminations (host_id, state, rule, reason, event_seq, requested_at, decided_by, decided_at, terminator, started_at, attempts)
         VALUES (?, ?, ?, ?, 1, ?, 'governor', ?, ?, ?, 1)`,
      ).run(row.hostId, row.state, row.rule ?? 'binaries', row.reason ?? 'file_added /usr/bin/nc', now, now, row.terminator, now);
      return Number(r.lastInsertRowid);
    })();
  } finally {
    db.close();
  }
}

/** The store with its listTerminations calls counted (the directive must cost ordinary hosts none). */
export function countingStore(store: Store): { store: Store; calls: { list: number } } {
  const calls = { list: 0 };
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listTerminations') {
        return (f: TerminationFilter): Promise<TerminationRecord[]> => { calls.list += 1; return target.listTerminations(f); };
      }
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { store: wrapped, calls };
}
