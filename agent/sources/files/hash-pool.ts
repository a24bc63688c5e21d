// A pool of hash workers, one per core. Jobs are queued and handed out in
// batches; each worker keeps a few batches in flight (enough to stay busy while
// the main thread walks or decodes a baseline) but few enough that a worker
// stuck on one large file never holds back work another worker could take.
import { availableParallelism } from 'node:os';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { HashJob, HashResult } from './hash-protocol.js';

const BATCH_FILES = 128;
const BATCH_BYTES = 16 << 20;
const MAX_IN_FLIGHT = 4;

interface Slot {
  worker: Worker;
  inFlight: number;
}

export class HashPool {
  private readonly slots: Slot[] = [];
  private queue: HashJob[] = [];
  private head = 0; // queue[head..] is pending; shift() would be O(n) on a long queue
  private outstanding = 0;
  private onResult: (r: HashResult) => void = () => undefined;
  private idle: (() => void) | undefined;
  private failure: Error | undefined;

  private readonly size: number;
  // Rate cap (token bucket in bytes): background rescans must not starve the host's own I/O.
  private readonly bytesPerMs: number;
  private budget = 0;
  private budgetAt = 0;
  private retry: NodeJS.Timeout | undefined;

  /**
   * Workers start on the first job: a quick check with nothing changed needs none.
   * `maxBytesPerS` (0: unlimited) caps how fast file content is handed to the workers.
   */
  constructor(size = availableParallelism(), maxBytesPerS = 0) {
    this.size = Math.max(1, size);
    this.bytesPerMs = maxBytesPerS / 1000;
  }

  /**
   * True, and the bytes charged, when the rate cap's budget covers a batch of
   * `bytes`; else false, and a dispatch scheduled for when it will. A batch is
   * paid for before it is handed out (paying after let a whole batch, up to
   * 16 MiB, through above the cap); one file larger than the bucket waits
   * for a full bucket and leaves a debt.
   */
  private withinRate(bytes: number): boolean {
    if (this.bytesPerMs === 0) return true;
    const capacity = this.bytesPerMs * 1000;
    const now = performance.now();
    // At most one second's worth saved up, so an idle pool cannot burst far above the cap.
    this.budget = Math.min(capacity, this.budget + (now - this.budgetAt) * this.bytesPerMs);
    this.budgetAt = now;
    const need = Math.min(bytes, capacity);
    if (this.budget >= need) {
      this.budget -= bytes;
      return true;
    }
    this.retry ??= setTimeout(() => {
      this.retry = undefined;
      this.dispatch();
    }, Math.ceil((need - this.budget) / this.bytesPerMs));
    return false;
  }

  private start(): void {
    for (let i = 0; i < this.size; i++) {
      // A worker allocates little (a 1 MiB read buffer outside the heap and small results):
      // a small young generation keeps each one's footprint to a few MB.
      const worker = new Worker(new URL('./hash-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      const slot: Slot = { worker, inFlight: 0 };
      worker.on('message', (results: HashResult[]) => {
        slot.inFlight--;
        this.outstanding -= results.length;
        for (const r of results) this.onResult(r);
        this.dispatch();
        if (this.outstanding === 0) this.idle?.();
      });
      worker.on('error', (err) => {
        this.failure = err;
        this.idle?.();
      });
      this.slots.push(slot);
    }
  }

  /** Where results go; set before submitting. */
  setResultHandler(handler: (r: HashResult) => void): void {
    this.onResult = handler;
  }

  submit(job: HashJob): void {
    if (this.slots.length === 0) this.start();
    this.queue.push(job);
    this.outstanding++;
    if (this.queue.length - this.head >= BATCH_FILES) this.dispatch();
  }

  /** Resolves when every submitted job has a result. */
  async drain(): Promise<void> {
    this.dispatch();
    if (this.outstanding > 0 && this.failure === undefined) {
      await new Promise<void>((resolve) => { this.idle = resolve; });
      this.idle = undefined;
    }
    if (this.failure !== undefined) throw this.failure;
  }

  /** Stops the workers once they are idle (see the worker's 'stop'). */
  async close(): Promise<void> {
    clearTimeout(this.retry);
    await Promise.all(this.slots.map(async (s) => {
      const exited = once(s.worker, 'exit');
      s.worker.postMessage('stop');
      await exited;
    }));
  }

  private dispatch(): void {
    for (;;) {
      if (this.head === this.queue.length) {
        this.queue = [];
        this.head = 0;
        return;
      }
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight < MAX_IN_FLIGHT && (best === undefined || s.inFlight < best.inFlight)) best = s;
      if (best === undefined) return;
      // Under a cap, a batch holds at most one second's worth, so the budget can cover it.
      const maxBytes = this.bytesPerMs === 0 ? BATCH_BYTES : Math.min(BATCH_BYTES, this.bytesPerMs * 1000);
      let end = this.head;
      let bytes = 0;
      while (end - this.head < BATCH_FILES && bytes < maxBytes && end < this.queue.length) bytes += this.queue[end++]!.size;
      if (!this.withinRate(bytes)) return;
      const batch = this.queue.slice(this.head, end);
      this.head = end;
      best.inFlight++;
      best.worker.postMessage(batch);
      if (this.head > 8192) { // let handed-out jobs be collected
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
    }
  }
}
