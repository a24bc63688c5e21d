// Taking the baseline once in the host's life, when its initialisation is
// over: at once, when a readiness file appears (cloud-init's boot-finished),
// or when an operator runs `drift-agent seal` (a request file in the state
// directory, so the command needs no connection to the daemon).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { fingerprintHost } from '../pipeline/fingerprint-host.js';
import { removeStateFile, STATE_FILES } from '../state/state-dir.js';
import { sleep } from './backoff.js';
import { saveBaseline, type LoadedManifest } from './baseline-files.js';

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

export async function sealBaseline(
  s: { root: string; stateDir: string; paths: readonly string[]; ignore: readonly string[] }, log: Logger,
): Promise<LoadedManifest> {
  const started = Date.now();
  const manifest = await fingerprintHost({ root: s.root, paths: s.paths, ignore: s.ignore });
  const bytes = saveBaseline(s.stateDir, manifest);
  removeStateFile(s.stateDir, STATE_FILES.sealRequest);
  log.info({ root: manifest.merkleRoot, files: manifest.files.length, packages: manifest.packages.length, ms: Date.now() - started }, 'baseline sealed');
  if (manifest.packageMismatches.length > 0) {
    // Sealing tampered package files must never go unnoticed: they are in the manifest, and said here.
    log.warn({ mismatches: manifest.packageMismatches.length }, 'package-owned files differ from the package database at seal time');
  }
  return { manifest, bytes };
}
