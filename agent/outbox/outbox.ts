// The agent's durable event queue. Every event is sequenced, chained and
// committed here before it is sent, and leaves only when the collector
// acknowledges its sequence.
//
// The state in memory is the truth; the file is brought up to it by one
// transaction after every change (flush). When that write fails (a full disk,
// an I/O error, a read-only file), the new events wait in memory, already
// sequenced and chained so they can still be sent, and the next change
// retries: a broken disk costs durability for a while, never the agent, the
// sequence or the chain. Memory and file together never hold more than
// maxEvents queued events: the queue is always the contiguous range
// (floor, head.seq], where floor = max(ackedSeq, droppedThrough).
import type Database from 'better-sqlite3';
import { DriftwatchError } from '../../common/errors.js';
import type { driftwatch } from '../../proto/gen/driftwatch.js';
import { chainEvents, checkAppendable, droppedEvent, type ChainHead, type HeldEvent, type QueuedEvent } from './outbox-chain.js';
import { describeFailure, isSqliteFailure, openForReading, openForWriting, outboxFailed } from './outbox-file.js';
import { migrate, unusableVersion, userVersion } from './outbox-schema.js';
import { MAX_META_KEY, MAX_META_VALUE, OutboxStore, statusOf, type OutboxStatus, type PersistedState } from './outbox-store.js';

export type { QueuedEvent } from './outbox-chain.js';
export type { OutboxStatus } from './outbox-store.js';

/**
 * A full outbox drops at least this fraction of maxEvents at once. Dropping
 * only what one append needs would, while the collector stays away, add a
 * coverage_gap with every event: half the queue would become gaps, the rest
 * dropped two by two. Dropping 1% makes a gap per 1% of traffic.
 */
const DROP_AT_LEAST = 0.01;

export interface OutboxOptions {
  /** The most events queued (unacknowledged) at once; beyond it the oldest are dropped. */
  maxEvents: number;
  /** The clock for queued_at and the coverage_gap's observed_at (tests). */
  now?: () => Date;
  /** Sees the connection once it is configured, before the schema is touched (tests: PRAGMA max_page_count fills the "disk"). */
  onConnection?: (db: Database.Database) => void;
}

/**
 * Brings the schema up to date (or, read-only, checks it is), loads the
 * checked state and hands it to @use. Closes the connection if any of it fails.
 */
function withStore<T>(file: string, db: Database.Database, canMigrate: boolean, use: (store: OutboxStore, state: PersistedState) => T): T {
  try {
    const why = unusableVersion(userVersion(db), canMigrate);
    if (why !== undefined) throw outboxFailed(file, why);
    if (canMigrate) migrate(db);
    const store = new OutboxStore(db, file);
    return use(store, store.load());
  } catch (err) {
    db.close();
    throw describeFailure(file, err);
  }
}

export class Outbox {
  private head: ChainHead;
  private acked: number;
  private droppedThrough: number;
  private droppedTotal: number;
  private readonly meta: Map<string, string>;
  /** Events sequenced but not yet on disk, ascending: the newest ones. */
  private unwritten: HeldEvent[] = [];
  private readonly unwrittenMeta = new Set<string>();
  /** The head.seq of the last successful commit: events up to it are on disk. */
  private writtenSeq: number;
  private dirty = false;
  private writeFailure: string | undefined;
  private readFailure: string | undefined;

  private constructor(
    private readonly file: string, private readonly db: Database.Database, private readonly store: OutboxStore,
    state: PersistedState, private readonly maxEvents: number, private readonly now: () => Date,
  ) {
    this.head = state.head;
    this.acked = state.ackedSeq;
    this.droppedThrough = state.droppedThrough;
    this.droppedTotal = state.droppedTotal;
    this.meta = state.meta;
    this.writtenSeq = state.head.seq;
  }

  static open(file: string, opts: OutboxOptions): Outbox {
    if (!Number.isSafeInteger(opts.maxEvents) || opts.maxEvents < 1) {
      throw new DriftwatchError('AGENT_OUTBOX_FAILED', `outbox ${file}: maxEvents must be a positive integer, got ${opts.maxEvents}`);
    }
    const db = openForWriting(file);
    try {
      opts.onConnection?.(db);
    } catch (err) {
      db.close();
      throw err;
    }
    return withStore(file, db, true, (store, state) =>
      new Outbox(file, db, store, state, opts.maxEvents, opts.now ?? (() => new Date())));
  }

  static inspect(file: string): OutboxStatus {
    const db = openForReading(file);
    const status = withStore(file, db, false, (store, state) => {
      const floor = Math.max(state.ackedSeq, state.droppedThrough);
      return statusOf(state, store.countAfter(floor), store.oldestQueuedAt(floor));
    });
    db.close();
    return status;
  }

  get lastSeq(): number { return this.head.seq; }
  get ackedSeq(): number { return this.acked; }
  private get floor(): number { return Math.max(this.acked, this.droppedThrough); }
  queued(): number { return this.head.seq - this.floor; }
  /** Why writes to the file are failing (events then wait in memory), or undefined when all is on disk. */
  degraded(): string | undefined { return this.writeFailure ?? this.readFailure; }

  append(events: driftwatch.v1.IDriftEvent[]): QueuedEvent[] {
    checkAppendable(events);
    if (events.length === 0) {
      this.flush();
      return [];
    }
    const now = this.now();
    const chained = chainEvents(events, this.head, now.getTime());
    this.head = chained.head;
    let added = chained.events;
    // Room for the new events and, if anything must go, the coverage_gap that says so.
    const excess = this.head.seq - this.floor - this.maxEvents;
    if (excess > 0) {
      const from = this.floor + 1;
      const through = this.floor + Math.max(excess + 1, Math.ceil(this.maxEvents * DROP_AT_LEAST));
      this.droppedThrough = through;
      this.droppedTotal += through - from + 1;
      added = added.filter((e) => e.seq > through);
      // Sequenced after the dropped ones, so this append cannot drop it.
      const gap = chainEvents([droppedEvent(this.maxEvents, from, through, now)], this.head, now.getTime());
      this.head = gap.head;
      added.push(...gap.events);
    }
    this.unwritten = this.unwritten.filter((e) => e.seq > this.floor);
    this.unwritten.push(...added);
    this.dirty = true;
    this.flush();
    return added.map(({ seq, bytes }) => ({ seq, bytes }));
  }

  pending(max: number): QueuedEvent[] {
    if (!Number.isSafeInteger(max) || max < 1) throw new RangeError(`outbox.pending: max must be a positive integer, got ${max}`);
    const floor = this.floor;
    const onDisk = Math.min(max, this.writtenSeq - floor);
    let out: HeldEvent[] = [];
    if (onDisk > 0) {
      try {
        out = this.store.readAfter(floor, onDisk);
      } catch (err) {
        if (!isSqliteFailure(err)) throw err;
        // Sending the newer events in memory first would skip these at the
        // collector for good: send nothing until they can be read.
        this.readFailure = `reading queued events from ${this.file} failed: ${err.message} (${err.code})`;
        return [];
      }
      this.readFailure = undefined;
    }
    for (const e of this.unwritten) {
      if (out.length >= max) break;
      if (e.seq > floor) out.push(e);
    }
    return out.map(({ seq, bytes }) => ({ seq, bytes }));
  }

  acknowledge(ackedSeq: number): void {
    if (!Number.isSafeInteger(ackedSeq) || ackedSeq < 0) throw new RangeError(`outbox.acknowledge: bad sequence ${ackedSeq}`);
    if (ackedSeq > this.head.seq) {
      // The collector's record of this host goes beyond anything this outbox
      // numbered: it belongs to another outbox (a wiped state directory).
      throw new RangeError(`outbox.acknowledge: the collector acknowledged event ${ackedSeq}, but this outbox has numbered only up to ${this.head.seq}`);
    }
    if (ackedSeq > this.acked) {
      this.acked = ackedSeq;
      this.unwritten = this.unwritten.filter((e) => e.seq > this.floor);
      this.dirty = true;
    }
    this.flush();
  }

  setMeta(key: string, value: string): void {
    if (key.length === 0 || key.length > MAX_META_KEY || value.length > MAX_META_VALUE) {
      throw new RangeError(`outbox.setMeta: key must be 1..${MAX_META_KEY} characters and value at most ${MAX_META_VALUE}`);
    }
    this.meta.set(key, value);
    this.unwrittenMeta.add(key);
    this.dirty = true;
    this.flush();
  }

  getMeta(key: string): string | undefined {
    return this.meta.get(key);
  }

  /** This process's view, including events still waiting in memory. */
  status(): OutboxStatus {
    const floor = this.floor;
    let oldest = this.unwritten.find((e) => e.seq > floor)?.queuedAt;
    if (this.writtenSeq > floor) {
      try {
        oldest = this.store.oldestQueuedAt(floor) ?? oldest;
      } catch (err) {
        if (!isSqliteFailure(err)) throw err;
      }
    }
    return statusOf({ head: this.head, ackedSeq: this.acked, droppedThrough: this.droppedThrough, droppedTotal: this.droppedTotal, meta: this.meta },
      this.queued(), oldest);
  }

  /**
   * Writes whatever is not on disk yet, in one transaction. True when all of
   * it is on disk; false (and degraded() says why) when it stays in memory.
   * append, acknowledge and setMeta call it; a daemon may also call it on a
   * timer so a recovered disk is used before the next event.
   */
  flush(): boolean {
    if (!this.dirty) return true;
    const meta = [...this.unwrittenMeta].map((k) => [k, this.meta.get(k) ?? ''] as const);
    try {
      this.store.write({
        events: this.unwritten, head: this.head, ackedSeq: this.acked,
        droppedThrough: this.droppedThrough, droppedTotal: this.droppedTotal, meta,
      });
    } catch (err) {
      if (!isSqliteFailure(err)) throw err;
      this.writeFailure = `writing ${this.file} failed: ${err.message} (${err.code}); ${this.unwritten.length} events wait in memory`;
      return false;
    }
    this.unwritten = [];
    this.unwrittenMeta.clear();
    this.writtenSeq = this.head.seq;
    this.dirty = false;
    this.writeFailure = undefined;
    return true;
  }

  /** A last attempt to write what waits in memory (lost if it fails), then closes the file. */
  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}

