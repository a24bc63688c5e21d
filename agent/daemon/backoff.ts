// Retry pacing for talking to the collector: capped exponential backoff with
// full jitter, so a fleet whose collector comes back does not reconnect in
// lockstep. Sleeps end early when the agent is stopping.

export class Backoff {
  private failures = 0;

  constructor(private readonly baseMs = 500, private readonly capMs = 60_000, private readonly random: () => number = Math.random) {}

  /** The delay before the next attempt, after one more failure. */
  next(): number {
    this.failures += 1;
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.failures - 1, 30));
    // Never below half the ceiling: "full jitter" down to 0 would retry a dead collector in a tight loop.
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}

/** Resolves after `ms`, or at once when `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
