// Puts a host into `terminating` with a termination in flight by writing the
// SQLite file directly (its own connection; WAL lets a running collector keep
// its own), standing in for the governor and termination runner, which are
// built elsewhere. And reads terminations back for the tests of the directive,
// for as long as the store's own reader (sqlite-terminations.ts) is a stub.
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

interface Row {
  id: number; host_id: string; state: TerminationState; rule: string; reason: string; event_seq: number; requested_at: number;
  hold_reason: string; decided_by: string; decided_at: number | null; decision_reason: string; terminator: string;
  started_at: number | null; finished_at: number | null; attempts: number; result: string;
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

function toRecord(r: Row): TerminationRecord {
  return {
    id: r.id, hostId: r.host_id, state: r.state, rule: r.rule, reason: r.reason, eventSeq: r.event_seq, requestedAt: new Date(r.requested_at),
    holdReason: r.hold_reason, decidedBy: r.decided_by, decidedAt: date(r.decided_at), decisionReason: r.decision_reason, terminator: r.terminator,
    startedAt: date(r.started_at), finishedAt: date(r.finished_at), attempts: r.attempts, result: JSON.parse(r.result) as Record<string, unknown>,
  };
}

/** Whether the store reads terminations itself (false while sqlite-terminations.ts is the groundwork stub). */
export async function storeReadsTerminations(store: Store): Promise<boolean> {
  try {
    await store.listTerminations({ limit: 1 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The store, with its termination reads counted, and served from the file
 * directly while the store's own are the stub. `calls` counts listTerminations.
 */
export async function countingStore(store: Store, dbPath: string): Promise<{ store: Store; calls: { list: number } }> {
  const calls = { list: 0 };
  const own = await storeReadsTerminations(store);
  const db = new Database(dbPath, { readonly: true });
  const list = async (f: TerminationFilter): Promise<TerminationRecord[]> => {
    calls.list += 1;
    if (own) return store.listTerminations(f);
    const states = f.states ?? [];
    const rows = db.prepare(`SELECT * FROM terminations WHERE (? IS NULL OR host_id = ?) ${states.length === 0 ? '' : `AND state IN (${states.map(() => '?').join(', ')})`}
      ORDER BY id DESC LIMIT ?`).all(f.hostId ?? null, f.hostId ?? null, ...states, f.limit) as Row[];
    return rows.map(toRecord);
  };
  const get = async (id: number): Promise<TerminationRecord | undefined> => {
    if (own) return store.getTermination(id);
    const r = db.prepare('SELECT * FROM terminations WHERE id = ?').get(id) as Row | undefined;
    return r === undefined ? undefined : toRecord(r);
  };
  const wrapped = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'listTerminations') return list;
      if (prop === 'getTermination') return get;
      if (prop === 'close') return async () => { db.close(); await target.close(); };
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { store: wrapped, calls };
}
