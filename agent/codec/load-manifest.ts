// Reads a saved manifest (JSON or protobuf, told apart by the first byte) and
// proves it is one: every field validated, entries in manifest order, and the
// recomputed Merkle root equal to the stored one. A baseline is what drift is
// judged against, so a truncated, edited or foreign file is refused, not trusted.
import { readFileSync } from 'node:fs';
import { DriftwatchError, describeFsError } from '../../common/errors.js';
import { merkleRoot } from '../../common/merkle.js';
import type { Manifest } from '../model.js';
import { manifestFromJson } from './manifest-json.js';
import { decodeManifest, type PendingManifest } from './manifest-proto.js';

const MAX_MANIFEST_BYTES = 2 * 1024 ** 3; // far above any real host; keeps a wrong file from exhausting memory

function detail(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Decode and validate every field; the Merkle root is checked by verifyMerkleRoot. */
export function parseManifest(bytes: Buffer, source: string): PendingManifest {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  const isJson = bytes[i] === 0x7b; // '{' — a protobuf Manifest never starts with field 15, wire type 3
  const corrupt = (err: unknown): DriftwatchError =>
    new DriftwatchError('AGENT_BASELINE_CORRUPT', `${source} is not a driftwatch manifest (${isJson ? 'JSON' : 'protobuf'}): ${detail(err)}`);
  try {
    if (isJson) {
      const m = manifestFromJson(bytes.toString('utf8'));
      return { head: m, complete: Promise.resolve(m) };
    }
    const pending = decodeManifest(bytes);
    return { head: pending.head, complete: pending.complete.catch((err: unknown) => { throw corrupt(err); }) };
  } catch (err) {
    throw corrupt(err);
  }
}

/** Recompute the root over the entries (which also checks their order) and compare it with the stored one. */
export function verifyMerkleRoot(m: Manifest, source: string): void {
  let actual: string;
  try {
    actual = merkleRoot(m.files);
  } catch (err) {
    throw new DriftwatchError('AGENT_BASELINE_CORRUPT', `${source} is not a valid manifest: ${detail(err)}`);
  }
  if (actual !== m.merkleRoot) {
    throw new DriftwatchError('AGENT_BASELINE_CORRUPT', `${source} fails its Merkle root (stored ${m.merkleRoot.slice(0, 16)}…, computed ${actual.slice(0, 16)}…): it was altered or truncated`);
  }
}

/**
 * Read a manifest file and validate its fields: the head at once, the files as
 * `complete` resolves. The Merkle root is the caller's to verify
 * (verifyMerkleRoot): check-host.ts does it when it can be had for free.
 */
export function loadManifest(file: string): PendingManifest {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new DriftwatchError('AGENT_BASELINE_UNREADABLE', `cannot read baseline ${file}: ${describeFsError(err)}`);
  }
  if (bytes.length > MAX_MANIFEST_BYTES) throw new DriftwatchError('AGENT_BASELINE_CORRUPT', `${file} is larger than any manifest (${bytes.length} bytes)`);
  if (bytes.length === 0) throw new DriftwatchError('AGENT_BASELINE_CORRUPT', `${file} is empty, not a driftwatch manifest`);
  return parseManifest(bytes, file);
}
