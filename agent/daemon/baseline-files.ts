// The sealed baseline and the observed-state snapshot in the state directory.
// Both are protobuf manifests whose Merkle root is verified on every load:
// a damaged or edited file is reported, never trusted. The observed snapshot
// is what the agent last reported; a restart compares against it, so a change
// already reported is not reported again, and one made while the agent was
// down is.
import { DriftwatchError } from '../../common/errors.js';
import { merkleRoot } from '../../common/merkle.js';
import { join } from 'node:path';
import { parseManifest, verifyMerkleRoot } from '../codec/load-manifest.js';
import { encodeManifest } from '../codec/manifest-proto.js';
import type { Manifest } from '../model.js';
import { readStateFile, removeStateFile, STATE_FILES, writeStateFile } from '../state/state-dir.js';

export interface LoadedManifest {
  manifest: Manifest;
  bytes: Uint8Array;
}

/** Decodes and verifies manifest bytes; throws AGENT_BASELINE_CORRUPT naming `source`. */
export async function verifiedManifest(bytes: Buffer, source: string): Promise<Manifest> {
  const manifest = await parseManifest(bytes, source).complete;
  verifyMerkleRoot(manifest, source);
  return manifest;
}

export async function loadBaseline(stateDir: string): Promise<LoadedManifest | undefined> {
  const bytes = readStateFile(stateDir, STATE_FILES.baseline);
  if (bytes === undefined) return undefined;
  return { manifest: await verifiedManifest(bytes, join(stateDir, STATE_FILES.baseline)), bytes };
}

export function saveBaseline(stateDir: string, manifest: Manifest): Uint8Array {
  const bytes = encodeManifest(manifest);
  writeStateFile(stateDir, STATE_FILES.baseline, bytes);
  return bytes;
}

/** Stores bytes received from the collector (already verified by the caller). */
export function replaceBaseline(stateDir: string, bytes: Uint8Array): void {
  writeStateFile(stateDir, STATE_FILES.baseline, bytes);
}

/**
 * The last observed state, or undefined when there is none or it does not
 * verify (then the caller compares against the baseline: events may repeat,
 * none is lost).
 */
export async function loadObserved(stateDir: string, onDamaged: (why: string) => void): Promise<Manifest | undefined> {
  const bytes = readStateFile(stateDir, STATE_FILES.observed);
  if (bytes === undefined) return undefined;
  try {
    return await verifiedManifest(bytes, join(stateDir, STATE_FILES.observed));
  } catch (err) {
    if (!(err instanceof DriftwatchError)) throw err;
    onDamaged(err.message);
    removeStateFile(stateDir, STATE_FILES.observed);
    return undefined;
  }
}

export function saveObserved(stateDir: string, manifest: Manifest): void {
  writeStateFile(stateDir, STATE_FILES.observed, encodeManifest(manifest));
}

export function forgetObserved(stateDir: string): void {
  removeStateFile(stateDir, STATE_FILES.observed);
}

/** Hex root recomputed from the entries (never the stored field). */
export function rootOf(manifest: Manifest): string {
  return merkleRoot(manifest.files);
}
