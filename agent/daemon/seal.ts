// Taking the baseline once in the host's life, when its initialisation is
// over: at once, when a readiness file appears (cloud-init's boot-finished),
// or when an operator runs `drift-agent seal` (a request file in the state
// directory, so the command needs no connection to the daemon). Meanwhile the
// host is enrolled and sends heartbeats: the collector shows it pending, not
// absent, and not silent however long its initialisation takes.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_FILES } from '../state/state-dir.js';
import { sleep } from './backoff.js';

export type { SealCondition } from '../config/seal-condition.js';
import type { SealCondition } from '../config/seal-condition.js';

const POLL_MS = 1000;

function ready(stateDir: string, c: SealCondition): boolean {
  if (existsSync(join(stateDir, STATE_FILES.sealRequest))) return true;
  if (c.kind === 'immediate') return true;
  return c.kind === 'file' && existsSync(c.hostPath);
}

/** True once the condition holds; false if stopped first. */
export async function waitForSeal(stateDir: string, c: SealCondition, stop: AbortSignal): Promise<boolean> {
  while (!stop.aborted) {
    if (ready(stateDir, c)) return true;
    await sleep(POLL_MS, stop);
  }
  return false;
}

export interface PendingHost {
  /** Enrolls (once per start, shared); false if stopped first; throws a refusal. */
  enrolled: () => Promise<boolean>;
  /** One heartbeat without a root (nothing sealed yet); must not throw. */
  heartbeat: () => Promise<void>;
  heartbeatIntervalMs: number;
}

/**
 * waitForSeal, enrolled and heartbeating meanwhile. The seal never waits for
 * the collector: a slow enrollment goes on after it, and so does a heartbeat
 * in flight. An enrollment refused during the wait is thrown.
 */
export async function waitForSealEnrolled(stateDir: string, c: SealCondition, stop: AbortSignal, host: PendingHost): Promise<boolean> {
  const waiting = new AbortController();
  const onStop = (): void => waiting.abort();
  stop.addEventListener('abort', onStop, { once: true });
  let refused: unknown;
  void host.enrolled().then(async (ok) => {
    while (ok && !waiting.signal.aborted) {
      await host.heartbeat();
      await sleep(host.heartbeatIntervalMs, waiting.signal);
    }
  }, (err: unknown) => {
    refused = err;
    waiting.abort();
  });
  try {
    const ready = await waitForSeal(stateDir, c, waiting.signal);
    if (refused !== undefined) throw refused;
    return ready;
  } finally {
    stop.removeEventListener('abort', onStop);
    waiting.abort();
  }
}
