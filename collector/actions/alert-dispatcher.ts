// The alert step of the response loop. Each tick: close the alerts whose
// grouping window ended (their deliveries are queued in the same store
// transaction), then send the deliveries that are due, a few at a time, and
// record every attempt. A failed delivery is retried with capped exponential
// backoff and jitter until it is delivered or its TTL ends; a receiver's
// refusal (a 4xx) expires it at once. Everything lives in the store, so a
// restart or a receiver's outage loses nothing: the next tick carries on.
// Logs name the notifier and the delivery, never a URL or a secret.
import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryRecord, ResponseStore } from '../store/response-store.js';
import { driftMessage } from './alert-message.js';
import { NotifyError, type Notifier } from './notifier.js';
import type { ResponseStep } from './response-engine.js';
import { notifierNamesFor } from './route.js';

export interface DispatchSettings {
  /** A delivery not made by then is given up (alerts.delivery_ttl_hours). */
  deliveryTtlMs: number;
  /** For the alert's action text: without a terminator, terminate verdicts terminate nothing. */
  terminatorConfigured: boolean;
  /** Deliveries sent per tick at most (default 50): a backlog drains over ticks, not in one burst. */
  maxPerTick?: number;
  /** Sends in flight at once (default 4). */
  concurrency?: number;
  /** First retry after about this long (default 10 s), doubling per attempt up to maxRetryMs (default 15 min). */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** [0, 1): the jitter's source (tests pin it). */
  random?: () => number;
  /** How long stop() lets sends finish before cancelling them (default 5 s); a cancelled send is retried after a restart. */
  stopGraceMs?: number;
}

/** Runs `fn` over the items with at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export class AlertDispatcher implements ResponseStep {
  readonly name = 'alerts';
  private readonly byName: ReadonlyMap<string, Notifier>;
  private readonly log: FastifyBaseLogger;
  private readonly stopping = new AbortController();
  private inFlight: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: ResponseStore,
    private readonly notifiers: readonly Notifier[],
    private readonly settings: DispatchSettings,
    logger: FastifyBaseLogger,
  ) {
    this.byName = new Map(notifiers.map((n) => [n.name, n]));
    this.log = logger.child({ component: 'alerts' });
  }

  async tick(now: Date): Promise<void> {
    if (this.stopped) return;
    const run = this.run(now);
    this.inFlight = run;
    try {
      await run;
    } finally {
      if (this.inFlight === run) this.inFlight = undefined;
    }
  }

  /** Lets in-flight sends finish (up to the grace period, then cancels them); sends nothing more and takes no more ticks. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running = this.inFlight;
    if (running === undefined) return;
    const grace = setTimeout(() => this.stopping.abort(), this.settings.stopGraceMs ?? 5000);
    try {
      await running.catch(() => undefined);
    } finally {
      clearTimeout(grace);
    }
  }

  private async run(now: Date): Promise<void> {
    const closed = await this.store.closeDueAlerts(
      now,
      (alert, host) => driftMessage(alert, host, { terminatorConfigured: this.settings.terminatorConfigured }),
      (message) => notifierNamesFor(this.notifiers, message),
      this.settings.deliveryTtlMs,
    );
    if (closed > 0) this.log.info({ alerts: closed }, 'alerts closed; deliveries queued');
    const { due, expired } = await this.store.dueDeliveries(now, this.settings.maxPerTick ?? 50);
    for (const d of expired) {
      this.log.error({ notifier: d.notifier, delivery: d.id, attempts: d.attempts, error: d.lastError }, 'delivery expired undelivered');
    }
    await eachLimited(due, this.settings.concurrency ?? 4, async (d) => {
      // Stopping: what is not yet sent waits for the next start.
      if (this.stopped) return;
      try {
        await this.deliver(d, now);
      } catch (err) {
        // The store failed to record it: the delivery stays pending and is tried again next tick.
        this.log.error({ err, notifier: d.notifier, delivery: d.id }, 'recording a delivery attempt failed');
      }
    });
  }

  private async deliver(d: DeliveryRecord, now: Date): Promise<void> {
    const attempt = d.attempts + 1;
    const fields = { notifier: d.notifier, delivery: d.id, attempt };
    const notifier = this.byName.get(d.notifier);
    if (notifier === undefined) {
      const error = `notifier "${d.notifier}" is no longer configured`;
      await this.store.recordDeliveryAttempt(d.id, now, { delivered: false, error, retryAt: null });
      this.log.error({ ...fields, error }, 'delivery expired: its notifier is gone');
      return;
    }
    let failure: NotifyError;
    try {
      await notifier.send(d.message, d.uuid, this.stopping.signal);
      await this.store.recordDeliveryAttempt(d.id, now, { delivered: true });
      this.log.info(fields, 'alert delivered');
      return;
    } catch (err) {
      // Anything but a NotifyError is a fault of ours; its message is not
      // logged, since it could quote a request (and so the URL).
      failure = err instanceof NotifyError ? err : new NotifyError(`internal error in the ${notifier.type} notifier (${(err as Error).name})`, true);
    }
    const retryAt = failure.retriable ? this.retryAt(attempt, now, failure.retryAfterMs) : null;
    // A retry that would fall after the TTL is none: give up now, and say why.
    const next = retryAt !== null && retryAt < d.expiresAt ? retryAt : null;
    const error = failure.retriable ? failure.message : `refused: ${failure.message}`;
    await this.store.recordDeliveryAttempt(d.id, now, { delivered: false, error, retryAt: next });
    if (next !== null) {
      this.log.warn({ ...fields, error, retry_at: next.toISOString() }, 'delivery failed; retrying later');
    } else {
      this.log.error({ ...fields, error }, failure.retriable ? 'delivery expired: its TTL ends before another attempt' : 'delivery expired: the receiver refused it');
    }
  }

  /** Capped exponential backoff with "equal jitter": half the step fixed, half random, so retries of many deliveries spread out. */
  private retryAt(attempt: number, now: Date, retryAfterMs: number | undefined): Date {
    const first = this.settings.firstRetryMs ?? 10_000;
    const step = Math.min(this.settings.maxRetryMs ?? 900_000, first * 2 ** Math.min(attempt - 1, 30));
    const jittered = step / 2 + (this.settings.random ?? Math.random)() * (step / 2);
    return new Date(now.getTime() + Math.max(jittered, retryAfterMs ?? 0));
  }
}
