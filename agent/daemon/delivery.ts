// Sends the outbox to the collector: oldest events first, in batches, each
// removed only once the collector acknowledges its sequence. A failed send is
// retried with backoff; nothing is dropped here (the outbox bounds itself).
// Heartbeats go on their own timer and carry the current Merkle root and the
// last sequence written, so the collector can tell "quiet" from "stuck".
import type { Logger } from 'pino';
import type { driftwatch } from '../../proto/gen/driftwatch.js';
import type { Outbox, QueuedEvent } from '../outbox/outbox.js';
import { Backoff, sleep } from './backoff.js';
import { CollectorError, type CollectorClient } from '../report/collector-client.js';

/**
 * Bytes of events in one request, at most (one larger event goes alone): events
 * may carry file content, and the collector's default max_body_bytes is 4 MiB.
 */
const BATCH_MAX_BYTES = 1 << 20;

function withinBytes(batch: QueuedEvent[]): QueuedEvent[] {
  let total = 0;
  const n = batch.findIndex((e, i) => (total += e.bytes.length) > BATCH_MAX_BYTES && i > 0);
  return n < 0 ? batch : batch.slice(0, n);
}

export interface DeliveryOptions {
  batchMaxEvents: number;
  heartbeatIntervalMs: number;
  /** Hex Merkle root of what the host looks like now. */
  currentRoot: () => Promise<string>;
  onDirective: (d: driftwatch.v1.IDirective) => void;
}

export class Delivery {
  private wakeUp: (() => void) | undefined;
  private readonly stopping = new AbortController();
  private readonly backoff = new Backoff();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly client: CollectorClient, private readonly outbox: Outbox,
    private readonly log: Logger, private readonly opts: DeliveryOptions,
  ) {}

  start(): void {
    this.loops = [this.sendLoop(), this.heartbeatLoop()];
  }

  /** New events are in the outbox: send now rather than on the next tick. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Sends what is queued, for at most `timeoutMs`; true if the outbox emptied. */
  async drain(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.outbox.pending(1).length > 0 && Date.now() < until) {
      this.wake();
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.outbox.pending(1).length === 0;
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake();
    await Promise.all(this.loops);
  }

  private async sendLoop(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const batch = withinBytes(this.outbox.pending(this.opts.batchMaxEvents));
      if (batch.length === 0) {
        await new Promise<void>((resolve) => { this.wakeUp = resolve; });
        this.wakeUp = undefined;
        continue;
      }
      try {
        const ack = await this.client.sendEvents(batch.map((e) => e.bytes));
        this.acknowledged(ack);
        this.backoff.reset();
      } catch (err) {
        await this.failed(err, `sending ${batch.length} events from seq ${batch[0]!.seq}`);
      }
    }
  }

  private async heartbeatLoop(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      // Events kept in memory while the disk was full go to disk as soon as it has room again.
      if (this.outbox.degraded() !== undefined && !this.outbox.flush()) this.log.warn({ why: this.outbox.degraded() }, 'outbox still cannot write to disk');
      try {
        const root = Buffer.from(await this.opts.currentRoot(), 'hex');
        this.acknowledged(await this.client.heartbeat(root, this.outbox.lastSeq));
      } catch (err) {
        this.noteFailure(err, 'heartbeat');
      }
      await sleep(this.opts.heartbeatIntervalMs, signal);
    }
  }

  private acknowledged(ack: driftwatch.v1.Ack): void {
    if (ack.ackedSeq > this.outbox.lastSeq) {
      // The collector holds more than we ever wrote: another agent with our key, or a wiped outbox.
      this.log.error({ ackedSeq: ack.ackedSeq, lastSeq: this.outbox.lastSeq }, 'collector acknowledged sequences this agent never wrote');
    }
    this.outbox.acknowledge(Math.min(ack.ackedSeq, this.outbox.lastSeq));
    // Each meta write is a synced transaction: only what changed.
    this.setIfChanged('last_contact_at', new Date().toISOString());
    this.setIfChanged('last_ack_seq', String(ack.ackedSeq));
    this.setIfChanged('last_error', '');
    for (const d of ack.directives) this.opts.onDirective(d);
  }

  private setIfChanged(key: string, value: string): void {
    if (this.outbox.getMeta(key) !== value) this.outbox.setMeta(key, value);
  }

  private noteFailure(err: unknown, what: string): void {
    const message = err instanceof Error ? err.message : String(err);
    this.outbox.setMeta('last_error', `${new Date().toISOString()} ${what}: ${message}`);
    this.log.warn({ err: message, retriable: err instanceof CollectorError ? err.retriable : true }, `${what} failed`);
  }

  private async failed(err: unknown, what: string): Promise<void> {
    this.noteFailure(err, what);
    // A refusal that retrying cannot fix still must not drop events: keep them and retry slowly.
    const delay = err instanceof CollectorError && !err.retriable ? 60_000 : this.backoff.next();
    await sleep(delay, this.stopping.signal);
  }
}
