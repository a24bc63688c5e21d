// The outbox's rows: the one write transaction, reading queued events back,
// the status snapshot made from them, and loading the persisted state with everything read back checked, so a
// damaged or hand-edited file is AGENT_OUTBOX_FAILED with a reason, not a
// wrong sequence sent to the collector or a crash deep inside.
import type Database from 'better-sqlite3';
import { chainHash } from '../../common/event-chain.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import type { ChainHead, HeldEvent } from './outbox-chain.js';
import { outboxFailed } from './outbox-file.js';

/** What the file says, after checking; the Outbox keeps it in memory from then on. */
export interface PersistedState {
  head: ChainHead;
  ackedSeq: number;
  droppedThrough: number;
  droppedTotal: number;
  meta: Map<string, string>;
}

/** Everything one commit writes: the events not yet on disk, the head and floor, changed meta. */
export interface OutboxWrite {
  events: readonly HeldEvent[];
  head: ChainHead;
  ackedSeq: number;
  droppedThrough: number;
  droppedTotal: number;
  meta: ReadonlyArray<readonly [string, string]>;
}

/** What `drift-agent status` shows about the outbox. */
export interface OutboxStatus {
  lastSeq: number;
  ackedSeq: number;
  queued: number;
  oldestQueuedAt: Date | undefined;
  droppedTotal: number;
  meta: Record<string, string>;
}

// Meta holds a few short facts, rewritten often: bounded so a runaway caller
// (a huge error message each retry) cannot grow the file or the status output.
export const MAX_META_KEY = 100;
export const MAX_META_VALUE = 4096;

export function statusOf(state: PersistedState, queued: number, oldestQueuedAt: number | undefined): OutboxStatus {
  return {
    lastSeq: state.head.seq,
    ackedSeq: state.ackedSeq,
    queued,
    oldestQueuedAt: oldestQueuedAt === undefined ? undefined : new Date(oldestQueuedAt),
    droppedTotal: state.droppedTotal,
    meta: Object.fromEntries([...state.meta].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

interface HeadRow { id: number; last_seq: number; last_hash: Buffer; acked_seq: number; dropped_through: number; dropped_total: number }
interface EventRow { seq: number; bytes: Buffer; queued_at: number }

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** Stored bytes decoded, if they are the chained event @seq; otherwise why not. */
function checkEvent(bytes: Buffer, seq: number, prevHash: Buffer | undefined): driftwatch.v1.DriftEvent | string {
  let e: driftwatch.v1.DriftEvent;
  try {
    e = driftwatch.v1.DriftEvent.decode(bytes);
  } catch (err) {
    return `event ${seq} is not a driftwatch.v1.DriftEvent (${err instanceof Error ? err.message : String(err)})`;
  }
  if (e.seq !== seq) return `the row of event ${seq} holds event ${e.seq}`;
  // The collector refuses an event whose hash does not match its bytes, and
  // would refuse every later batch with it: better to stop here, saying why.
  if (!chainHash(e.prevHash, bytes).equals(e.hash)) return `event ${seq} does not match its own hash`;
  if (prevHash !== undefined && !prevHash.equals(e.prevHash)) return `event ${seq} does not chain to event ${seq - 1}`;
  return e;
}

export class OutboxStore {
  private readonly s;

  /** The tables must exist (migrated, or checked to be at the latest version). */
  constructor(private readonly db: Database.Database, private readonly file: string) {
    this.s = {
      head: db.prepare<[], HeadRow>('SELECT * FROM head'),
      span: db.prepare<[number], { n: number; lo: number | null; hi: number | null }>(
        'SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi FROM events WHERE seq > ?'),
      one: db.prepare<[number], EventRow>('SELECT seq, bytes, queued_at FROM events WHERE seq = ?'),
      from: db.prepare<[number, number], EventRow>('SELECT seq, bytes, queued_at FROM events WHERE seq > ? ORDER BY seq LIMIT ?'),
      oldest: db.prepare<[number], number>('SELECT queued_at FROM events WHERE seq > ? ORDER BY seq LIMIT 1').pluck(),
      meta: db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta'),
      // A failed commit can leave its rows behind only if SQLite reported a
      // failure that did not roll back; then the retry's bytes are the same.
      insert: db.prepare<{ seq: number; bytes: Buffer; at: number }>(
        `INSERT INTO events (seq, bytes, queued_at) VALUES (@seq, @bytes, @at)
         ON CONFLICT (seq) DO UPDATE SET bytes = excluded.bytes, queued_at = excluded.queued_at`),
      deleteThrough: db.prepare<[number]>('DELETE FROM events WHERE seq <= ?'),
      updateHead: db.prepare<{ seq: number; hash: Buffer; acked: number; through: number; total: number }>(
        `UPDATE head SET last_seq = @seq, last_hash = @hash, acked_seq = @acked,
           dropped_through = @through, dropped_total = @total WHERE id = 1`),
      upsertMeta: db.prepare<[string, string]>(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    };
  }

  private damaged(why: string): Error {
    return outboxFailed(this.file, `the file is damaged: ${why}`);
  }

  /** The persisted state, checked for consistency with the queued rows. */
  load(): PersistedState {
    const rows = this.s.head.all();
    const h = rows[0];
    if (h === undefined || rows.length !== 1) throw this.damaged(`the head table has ${rows.length} rows, expected 1`);
    if (![h.last_seq, h.acked_seq, h.dropped_through, h.dropped_total].every(isCount)) throw this.damaged('the head holds a non-integer');
    if (!Buffer.isBuffer(h.last_hash) || h.last_hash.length !== (h.last_seq === 0 ? 0 : 32)) throw this.damaged('the head\'s last hash is malformed');
    if (h.acked_seq > h.last_seq || h.dropped_through > h.last_seq) throw this.damaged('the head\'s floor is above its last sequence');
    const floor = Math.max(h.acked_seq, h.dropped_through);
    const span = this.s.span.get(floor)!;
    const want = h.last_seq - floor;
    if (span.n !== want || (want > 0 && (span.lo !== floor + 1 || span.hi !== h.last_seq))) {
      const have = span.n === 0 ? 'none' : `${span.n} (seq ${span.lo ?? '?'}..${span.hi ?? '?'})`;
      throw this.damaged(`the head says events ${floor + 1}..${h.last_seq} are queued (${want}), the table holds ${have}`);
    }
    if (want > 0) {
      const last = this.s.one.get(h.last_seq)!;
      const e = checkEvent(last.bytes, h.last_seq, undefined);
      if (typeof e === 'string') throw this.damaged(e);
      if (!h.last_hash.equals(e.hash)) throw this.damaged(`event ${h.last_seq} is not the head of the chain`);
    }
    const meta = new Map<string, string>();
    for (const { key, value } of this.s.meta.all()) {
      if (typeof key !== 'string' || typeof value !== 'string') throw this.damaged('a meta row is not text');
      meta.set(key, value);
    }
    return {
      head: { seq: h.last_seq, hash: h.last_hash }, ackedSeq: h.acked_seq,
      droppedThrough: h.dropped_through, droppedTotal: h.dropped_total, meta,
    };
  }

  /** Everything in one transaction: all of it is durable when this returns, or none of it. Throws SqliteError. */
  write(w: OutboxWrite): void {
    this.db.transaction(() => {
      // Deleting first lets the inserts reuse the pages an acknowledgement
      // freed: on a full disk, an ack is what makes room again.
      this.s.deleteThrough.run(Math.max(w.ackedSeq, w.droppedThrough));
      for (const e of w.events) this.s.insert.run({ seq: e.seq, bytes: asBuffer(e.bytes), at: e.queuedAt });
      this.s.updateHead.run({ seq: w.head.seq, hash: w.head.hash, acked: w.ackedSeq, through: w.droppedThrough, total: w.droppedTotal });
      for (const [key, value] of w.meta) this.s.upsertMeta.run(key, value);
    })();
  }

  /**
   * The @count events after @floor, ascending, each checked (its seq, its own
   * hash, its link to the one before). Throws SqliteError if reading fails,
   * AGENT_OUTBOX_FAILED if a row is missing or damaged.
   */
  readAfter(floor: number, count: number): HeldEvent[] {
    const rows = this.s.from.all(floor, count);
    const out: HeldEvent[] = [];
    let prev: Buffer | undefined;
    for (const [i, row] of rows.entries()) {
      const seq = floor + 1 + i;
      if (row.seq !== seq) throw this.damaged(`event ${seq} is missing`);
      const e = checkEvent(row.bytes, seq, prev);
      if (typeof e === 'string') throw this.damaged(e);
      prev = Buffer.from(e.hash);
      out.push({ seq, bytes: row.bytes, queuedAt: row.queued_at });
    }
    if (out.length !== count) throw this.damaged(`events ${floor + out.length + 1}..${floor + count} are missing`);
    return out;
  }

  /** When the oldest event above @floor was queued, if any is on disk. */
  oldestQueuedAt(floor: number): number | undefined {
    return this.s.oldest.get(floor);
  }

  /** How many events above @floor are on disk. */
  countAfter(floor: number): number {
    return this.s.span.get(floor)!.n;
  }
}
