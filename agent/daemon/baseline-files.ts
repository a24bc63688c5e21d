// The sealed baseline in the state directory: a protobuf manifest whose Merkle
// root is verified on every load, so a damaged or edited file is reported,
// never trusted. Loading holds the whole manifest: only the rescan child
// (rescan-child.ts) and the rare restore from the collector do it.
import { join } from 'node:path';
import { parseManifest, verifyMerkleRoot } from '../codec/load-manifest.js';
import { encodeManifest } from '../codec/manifest-proto.js';
import type { Manifest } from '../model.js';
import { readStateFile, STATE_FILES, writeStateFile } from '../state/state-dir.js';

/** Decodes and verifies manifest bytes; throws AGENT_BASELINE_CORRUPT naming `source`. */
export async function verifiedManifest(bytes: Buffer, source: string): Promise<Manifest> {
  const manifest = await parseManifest(bytes, source).complete;
  verifyMerkleRoot(manifest, source);
  return manifest;
}

export async function loadBaseline(stateDir: string): Promise<Manifest | undefined> {
  const bytes = readStateFile(stateDir, STATE_FILES.baseline);
  if (bytes === undefined) return undefined;
  return verifiedManifest(bytes, join(stateDir, STATE_FILES.baseline));
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
