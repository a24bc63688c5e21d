// Hosts that stop talking: a host not heard from (heartbeat or events) for
// `silentAfterIntervals` heartbeat intervals becomes `silent`. Runs once per
// interval; on several replicas each runs it, and markSilent is idempotent.
import type { FastifyBaseLogger } from 'fastify';
import type { CollectorConfig } from './config.js';
import type { Store } from './store/store.js';

export function startSilentMonitor(store: Store, config: Readonly<CollectorConfig>, logger: FastifyBaseLogger): { stop: () => void } {
  const sweep = async (): Promise<void> => {
    const before = new Date(Date.now() - config.heartbeatIntervalMs * config.silentAfterIntervals);
    try {
      const silent = await store.markSilent(before);
      if (silent.length > 0) logger.warn({ hosts: silent }, 'hosts went silent');
    } catch (err) {
      logger.error({ err }, 'silent-host sweep failed'); // health, not a crash: the next sweep retries
    }
  };
  const timer = setInterval(() => void sweep(), config.heartbeatIntervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
