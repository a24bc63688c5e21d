// Group commit: small writes (request nonces, heartbeats) that arrive in the
// same event-loop turn share one transaction. A commit costs far more than the
// row it writes, and every signed request writes a nonce: one commit per
// request capped the collector at ~2,000 heartbeats/s. Each caller's promise
// settles after the commit that holds its write, so nothing is acknowledged
// before it is durable; if the transaction fails, every write in it is refused.
import type Database from 'better-sqlite3';

interface Pending {
  op: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Database.Database) {}

  run<T>(op: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ op, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    let results: unknown[];
    try {
      results = this.db.transaction(() => batch.map((p) => p.op()))();
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }
}
