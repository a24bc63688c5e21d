// What the termination runner's parts share: the store, the terminator (if
// one is configured), where messages go, the options with their defaults,
// and the logger.
import type { FastifyBaseLogger } from 'fastify';
import type { Severity } from '../policy/policy-types.js';
import type { Store } from '../store/store.js';
import type { AlertMessage, Enqueue } from '../store/response-store.js';
import { notifierNamesFor } from './route.js';
import type { Terminator } from './terminator.js';

export interface TerminationRunnerOptions {
  /** A host not heard from for this long is gone: heartbeat interval x silent_after_intervals. */
  silentAfterMs: number;
  /** How long the runner's messages (pages, resolves) are retried before they expire: alerts.delivery_ttl. */
  alertTtlMs: number;
  /** A terminator call that has not answered by then is aborted and counts as a failed attempt. Default 120 s. */
  callTimeoutMs?: number;
  /** Terminator calls in flight at once. Default 4. */
  concurrency?: number;
  /** Calls per termination before it is failed (and paged). Default 3. */
  maxAttempts?: number;
  /** Wait before the first retry; doubles each time (at most an hour). Default 30 s. */
  retryBaseMs?: number;
  /**
   * A 'sent' termination whose host is still heard from this long after the
   * terminator asked it to go has failed (paged; the host is drifted again):
   * an auto-scaling group that never acts must not leave it terminating forever. Default 30 min.
   */
  sentTimeoutMs?: number;
  /** The time of terminator outcomes (decisions use the tick's time). Default: the system clock. */
  clock?: () => Date;
}

export interface RunnerContext {
  store: Store;
  terminator: Terminator | undefined;
  notifiers: readonly { name: string; minSeverity: Severity }[];
  opts: Required<TerminationRunnerOptions>;
  logger: FastifyBaseLogger;
}

export function withDefaults(opts: TerminationRunnerOptions): Required<TerminationRunnerOptions> {
  return {
    callTimeoutMs: 120_000, concurrency: 4, maxAttempts: 3, retryBaseMs: 30_000, sentTimeoutMs: 30 * 60_000, clock: () => new Date(), ...opts,
  };
}

/** The message queued to every notifier it is routed to, or nothing when none is configured. */
export function enqueueFor(ctx: RunnerContext, message: AlertMessage): Enqueue | undefined {
  const notifiers = notifierNamesFor(ctx.notifiers, message);
  return notifiers.length === 0 ? undefined : { notifiers, message, ttlMs: ctx.opts.alertTtlMs };
}
