// The event hash chain: each event commits to the one before it, so loss,
// replay and reordering are detectable at the collector. The hash covers the
// event's own protobuf bytes with its prev_hash and hash fields taken out, so
// it does not depend on how an implementation would re-encode the event.
//   hash(e) = SHA-256(prev_hash || bytes of e without fields 12 and 13)
// prev_hash of the first event of a host is empty.
import { createHash } from 'node:crypto';
import { topLevelFields } from './protobuf-fields.js';

const PREV_HASH_FIELD = 12;
const HASH_FIELD = 13;

/** The event's bytes without its chain fields, in their original order. */
export function withoutChainFields(event: Uint8Array): Buffer {
  const parts: Uint8Array[] = [];
  for (const f of topLevelFields(event)) {
    if (f.field !== PREV_HASH_FIELD && f.field !== HASH_FIELD) parts.push(event.subarray(f.start, f.end));
  }
  return Buffer.concat(parts);
}

export function chainHash(prevHash: Uint8Array, eventBytes: Uint8Array): Buffer {
  return createHash('sha256').update(prevHash).update(withoutChainFields(eventBytes)).digest();
}
