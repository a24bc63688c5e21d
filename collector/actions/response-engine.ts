// The response loop: every tick, turn newly stored verdicts into alerts and
// termination requests (the store's foldNewVerdicts), then let the alert
// dispatcher and the termination runner do their step. One tick at a time;
// a failing step is logged and retried next tick, never a crash.
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/store.js';

/** One stage of the response: the dispatcher (alerts, deliveries) or the runner (governor, terminators). */
export interface ResponseStep {
  readonly name: string;
  tick(now: Date): Promise<void>;
  /** Settle in-flight work (sends, terminator calls) before the store closes. */
  stop(): Promise<void>;
}

export interface ResponseEngine {
  /** Runs one tick now (tests, and after ingest to cut latency); resolves when it is done. */
  tickNow(): Promise<void>;
  stop(): Promise<void>;
}

/** Events folded per transaction: bounded, so a backlog does not hold the write lock long. */
const FOLD_BATCH = 500;

export function startResponseEngine(
  store: Store, steps: readonly ResponseStep[], opts: { alertWindowMs: number; intervalMs: number }, logger: FastifyBaseLogger,
): ResponseEngine {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let stopped = false;
  const tick = async (): Promise<void> => {
    const now = new Date();
    try {
      // A backlog drains a batch at a time, letting requests in between: a
      // synchronous store would otherwise hold the event loop for all of it.
      while ((await store.foldNewVerdicts(now, opts.alertWindowMs, FOLD_BATCH)) === FOLD_BATCH && !stopped) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (err) {
      logger.error({ err }, 'response: folding new verdicts failed');
    }
    for (const step of steps) {
      if (stopped) break;
      try {
        await step.tick(now);
      } catch (err) {
        logger.error({ err, step: step.name }, 'response step failed');
      }
    }
  };
  // Ticks never overlap: a slow step delays the next tick instead of racing it.
  // A call during a tick gets one more tick after it, which sees what the call's
  // caller stored before calling.
  const tickNow = (): Promise<void> => {
    if (running === undefined) {
      running = tick().finally(() => { running = undefined; });
      return running;
    }
    queued ??= running.then(() => { queued = undefined; return tickNow(); });
    return queued;
  };
  const timer = setInterval(() => { if (!stopped) void tickNow(); }, opts.intervalMs);
  timer.unref();
  return {
    tickNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // The steps stop while a tick runs, not after it: a tick sending a
      // backlog to a receiver that hangs would otherwise hold a shutdown for
      // every send's timeout in turn.
      await Promise.all([running, ...steps.map((s) => s.stop())]);
    },
  };
}
