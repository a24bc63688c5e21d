// Events for outbox tests, and the checks a collector would make on what the
// outbox hands out: decoded with the generated protobuf code, chained as
// common/event-chain.ts defines it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { chainHash } from '../../common/event-chain.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import type { QueuedEvent } from '../../agent/outbox/outbox.js';
import { tempRoots } from './temp-tree.js';

export const pb = driftwatch.v1;

/** A file_changed event for /etc/f-@n; @pad adds that many characters of detail (to fill pages). */
export function fileEvent(n: number, pad = 0): driftwatch.v1.IDriftEvent {
  const e: driftwatch.v1.IDriftEvent = {
    kind: pb.EventKind.EVENT_KIND_FILE_CHANGED, path: Buffer.from(`/etc/f-${n}`), changes: [pb.Change.CHANGE_CONTENT],
  };
  if (pad > 0) e.detail = 'x'.repeat(pad);
  return e;
}

export function fileEvents(from: number, count: number, pad = 0): driftwatch.v1.IDriftEvent[] {
  return Array.from({ length: count }, (_, i) => fileEvent(from + i, pad));
}

export function decode(q: QueuedEvent): driftwatch.v1.DriftEvent {
  const e = pb.DriftEvent.decode(q.bytes);
  assert.equal(e.seq, q.seq, 'the bytes carry the seq they are queued under');
  return e;
}

export function seqs(qs: readonly QueuedEvent[]): number[] {
  return qs.map((q) => q.seq);
}

export function hashOf(q: QueuedEvent): Buffer {
  return Buffer.from(decode(q).hash);
}

/**
 * Checks what a collector checks: ascending seqs with no gap, each hash equal
 * to chainHash(prev_hash, bytes), each prev_hash the hash before it (the first
 * one's is @prevHash when given). Returns the last hash.
 */
export function assertChain(qs: readonly QueuedEvent[], prevHash?: Uint8Array): Buffer {
  let prev = prevHash === undefined ? undefined : Buffer.from(prevHash);
  let lastSeq: number | undefined;
  for (const q of qs) {
    const e = decode(q);
    if (lastSeq !== undefined) assert.equal(q.seq, lastSeq + 1, `no gap before ${q.seq}`);
    lastSeq = q.seq;
    assert.ok(chainHash(e.prevHash, q.bytes).equals(e.hash), `event ${q.seq}: hash matches its bytes`);
    if (prev !== undefined) assert.deepEqual(Buffer.from(e.prevHash), prev, `event ${q.seq} chains to the one before`);
    prev = Buffer.from(e.hash);
  }
  assert.ok(prev !== undefined, 'at least one event');
  return prev;
}

/** A fresh outbox path in a temp dir removed after the test file. */
export function outboxPaths(): () => string {
  const root = tempRoots('driftwatch-outbox-');
  return () => join(root(), 'outbox.db');
}
