// The event hash chain: each event commits to the one before it, so loss,
// replay and reordering are detectable at the collector. The hash covers the
// event's own protobuf bytes with its prev_hash and hash fields taken out, so
// it does not depend on how an implementation would re-encode the event.
//   hash(e) = SHA-256(prev_hash || bytes of e without fields 12 and 13)
// prev_hash of the first event of a host is empty.
import { createHash } from 'node:crypto';

const PREV_HASH_FIELD = 12;
const HASH_FIELD = 13;

function readVarint(buf: Uint8Array, pos: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new RangeError('truncated varint');
    const b = buf[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
    shift += 7;
    if (shift > 63) throw new RangeError('varint too long');
  }
}

/** The event's bytes without its chain fields, in their original order. */
export function withoutChainFields(event: Uint8Array): Buffer {
  const parts: Uint8Array[] = [];
  let pos = 0;
  while (pos < event.length) {
    const start = pos;
    const [tag, afterTag] = readVarint(event, pos);
    const wireType = tag & 7;
    let end: number;
    if (wireType === 0) end = readVarint(event, afterTag)[1];
    else if (wireType === 1) end = afterTag + 8;
    else if (wireType === 2) {
      const [len, afterLen] = readVarint(event, afterTag);
      end = afterLen + len;
    } else if (wireType === 5) end = afterTag + 4;
    else throw new RangeError(`unsupported wire type ${wireType}`);
    if (end > event.length) throw new RangeError('truncated field');
    const field = Math.floor(tag / 8);
    if (field !== PREV_HASH_FIELD && field !== HASH_FIELD) parts.push(event.subarray(start, end));
    pos = end;
  }
  return Buffer.concat(parts);
}

export function chainHash(prevHash: Uint8Array, eventBytes: Uint8Array): Buffer {
  return createHash('sha256').update(prevHash).update(withoutChainFields(eventBytes)).digest();
}
