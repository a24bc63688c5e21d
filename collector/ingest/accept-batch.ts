// Which events of a batch to store, given what the host already has. Pure.
// - An event at or below the acknowledged sequence is a resend: skipped.
// - The next event must continue the hash chain: prev_hash equal to the last
//   stored event's hash, and its own hash equal to chainHash(prev, bytes).
//   A hash that does not match the event's bytes is refused (the batch fails).
//   A sequence that skips ahead is accepted and the first missing sequence
//   holds a coverage_gap event recorded by the collector; a prev_hash that
//   does not continue the chain is accepted after a coverage_gap event the
//   collector records at the same sequence (the store keeps (host, seq)
//   unique among the agent's events only). Neither is ever ignored.
// - Every stored event, the collector's own coverage_gap events included,
//   carries the verdict `judge` gives it; a drift kind turns the host drifted
//   unless its verdict is ignore (a rewritten /etc/resolv.conf is no drift).
import { chainHash } from '../../common/event-chain.js';
import { toPolicyEvent } from '../policy/policy-event.js';
import type { EventVerdict, PolicyEvent } from '../policy/policy-types.js';
import type { HostState, StoredEvent } from '../store/store.js';
import type { DecodedEvent } from './event-json.js';
import { invalid } from './wire.js';

/** Event kinds that are drift: unless ignored, they turn a clean host drifted (and it stays so). */
const DRIFT_KINDS = new Set(['file_added', 'file_removed', 'file_changed', 'package_added', 'package_removed',
  'package_changed', 'package_file_modified', 'login']);

export interface BatchOutcome {
  toStore: StoredEvent[];
  ackedSeq: number;
  lastEventHash: string;
  newState?: HostState;
}

function gapEvent(hostId: string, seq: number, detail: string, now: Date): StoredEvent {
  return {
    hostId, seq, kind: 'coverage_gap', path: '', changes: [], receivedAt: now, hash: '',
    payload: { kind: 'coverage_gap', detail, recorded_by: 'collector' },
  };
}

/** The policy's verdict on one event of this host (the route binds the host and the policy in force). */
export type Judge = (event: PolicyEvent) => EventVerdict;

export function acceptBatch(
  host: { id: string; state: HostState; ackedSeq: number; lastEventHash: string },
  events: ReadonlyArray<{ decoded: DecodedEvent; bytes: Uint8Array }>,
  now: Date,
  judge: Judge,
): BatchOutcome {
  let acked = host.ackedSeq;
  let last = host.lastEventHash;
  let drift = false;
  const toStore: StoredEvent[] = [];
  let previousSeq = 0;
  for (const { decoded: e, bytes } of events) {
    if (e.seq <= previousSeq) throw invalid(`events are not in ascending sequence order at seq ${e.seq}`);
    previousSeq = e.seq;
    if (e.seq <= acked) continue;
    if (!chainHash(e.prevHash, bytes).equals(e.hash)) throw invalid(`event ${e.seq}: hash does not match its content`);
    if (e.seq > acked + 1) {
      // Filling the first missing sequence keeps stored sequences contiguous, so the ack stays honest.
      toStore.push(gapEvent(host.id, acked + 1, `events ${acked + 1}..${e.seq - 1} never arrived`, now));
    } else if (e.prevHash.toString('hex') !== last) {
      toStore.push(gapEvent(host.id, e.seq, `hash chain broken before event ${e.seq}: events were lost, replaced or reordered`, now));
    }
    toStore.push({
      hostId: host.id, seq: e.seq, kind: e.kind, path: e.path, changes: e.changes, receivedAt: now,
      payload: e.payload, hash: e.hash.toString('hex'), ...(e.content === undefined ? {} : { content: e.content }),
    });
    acked = e.seq;
    last = e.hash.toString('hex');
  }
  for (const stored of toStore) {
    stored.verdict = judge(toPolicyEvent(stored.payload));
    if (DRIFT_KINDS.has(stored.kind) && stored.verdict.verdict !== 'ignore') drift = true;
  }
  const outcome: BatchOutcome = { toStore, ackedSeq: acked, lastEventHash: last };
  if (drift && (host.state === 'clean' || host.state === 'pending' || host.state === 'silent')) outcome.newState = 'drifted';
  return outcome;
}
