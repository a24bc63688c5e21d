// Taking the baseline once in the host's life, when its initialisation is
// over: at once, when a readiness file appears (cloud-init's boot-finished),
// or when an operator runs `drift-agent seal` (a request file in the state
// directory, so the command needs no connection to the daemon).
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
