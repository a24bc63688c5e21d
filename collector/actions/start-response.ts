// Everything that acts on verdicts, built from the settings and started: the
// notifiers and the alert dispatcher, the terminator (the AWS SDK is loaded
// here only when an AWS terminator is configured) and the termination runner
// with the governor, ticked by one response loop. serve starts it after the
// store is migrated and stops it before the store closes.
import type { FastifyBaseLogger } from 'fastify';
import type { CollectorConfig } from '../config.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import type { Store } from '../store/store.js';
import { AlertDispatcher } from './alert-dispatcher.js';
import { createTerminator } from './create-terminator.js';
import { createNotifiers } from './notifiers.js';
import { startResponseEngine, type ResponseEngine } from './response-engine.js';
import { createTerminationRunner } from './termination-runner.js';

/** How often the loop looks for new verdicts, closed alert windows, due deliveries and terminations. */
export const RESPONSE_INTERVAL_MS = 1000;
/** A terminator call may take its own timeout plus this before the runner gives up on it. */
const CALL_TIMEOUT_MARGIN_MS = 10_000;
const DEFAULT_CALL_TIMEOUT_MS = 30_000;

export async function startResponse(
  store: Store, config: Readonly<CollectorConfig>, policy: PolicyHolder, logger: FastifyBaseLogger, intervalMs = RESPONSE_INTERVAL_MS,
): Promise<ResponseEngine> {
  const notifiers = createNotifiers(config.notifiers);
  const terminator = config.terminator === undefined ? undefined : await createTerminator(config.terminator, store);
  const alerts = new AlertDispatcher(store, notifiers, {
    deliveryTtlMs: config.alerts.deliveryTtlMs, terminatorConfigured: terminator !== undefined,
  }, logger);
  const t = config.terminator;
  const runner = createTerminationRunner(store, terminator, () => policy.current.governor, config.notifiers, {
    silentAfterMs: config.heartbeatIntervalMs * config.silentAfterIntervals,
    alertTtlMs: config.alerts.deliveryTtlMs,
    // exec may be given up to an hour: the runner must not give up before the terminator does.
    callTimeoutMs: t !== undefined && 'timeoutMs' in t ? t.timeoutMs + CALL_TIMEOUT_MARGIN_MS : DEFAULT_CALL_TIMEOUT_MS,
  }, logger);
  logger.info({
    notifiers: notifiers.map((n) => `${n.name} (${n.type})`), terminator: terminator?.type ?? 'none',
  }, 'response started');
  return startResponseEngine(store, [alerts, runner], { alertWindowMs: config.alerts.groupWindowMs, intervalMs }, logger);
}
