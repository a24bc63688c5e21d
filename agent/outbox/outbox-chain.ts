// Sequencing, chaining and encoding of outbox events. Pure.
// An event is encoded with seq and prev_hash set; its hash is
// chainHash(prev_hash, those bytes) (common/event-chain.ts, which ignores the
// chain fields); the bytes kept and sent are the encoding with the hash added.
import { chainHash } from '../../common/event-chain.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';

const pb = driftwatch.v1;

export interface QueuedEvent {
  seq: number;
  /** An encoded driftwatch.v1.DriftEvent with seq, prev_hash and hash. */
  bytes: Uint8Array;
}

/** A queued event with the time it entered the outbox (for "oldest queued" in status). */
export interface HeldEvent extends QueuedEvent {
  queuedAt: number;
}

/** The last event assigned: its seq (0 before the first) and hash (empty before the first). */
export interface ChainHead {
  seq: number;
  hash: Buffer;
}

const KNOWN_KINDS: ReadonlySet<number> = new Set(
  Object.values(pb.EventKind).filter((k): k is number => typeof k === 'number' && k !== pb.EventKind.EVENT_KIND_UNSPECIFIED),
);

/**
 * Refuses an event the collector would refuse. Checked before anything is
 * queued: a queued event the collector rejects would block the queue forever,
 * because events are delivered in order and removed only when acknowledged.
 */
export function checkAppendable(events: readonly driftwatch.v1.IDriftEvent[]): void {
  events.forEach((e, i) => {
    const kind = e.kind ?? 0;
    if (!KNOWN_KINDS.has(kind)) throw new RangeError(`outbox: event ${i} of the batch has unknown kind ${kind}`);
  });
}

/** Assigns the seqs after @head, chains and encodes; returns the events and the new head. */
export function chainEvents(
  events: readonly driftwatch.v1.IDriftEvent[], head: ChainHead, queuedAt: number,
): { events: HeldEvent[]; head: ChainHead } {
  let { seq, hash } = head;
  const out: HeldEvent[] = [];
  for (const e of events) {
    seq += 1;
    // Whatever chain fields the caller left on the event are replaced: the
    // outbox alone numbers and chains a host's events.
    const base: driftwatch.v1.IDriftEvent = { ...e, seq, prevHash: hash, hash: null };
    const next = chainHash(hash, pb.DriftEvent.encode(base).finish());
    out.push({ seq, bytes: pb.DriftEvent.encode({ ...base, hash: next }).finish(), queuedAt });
    hash = next;
  }
  return { events: out, head: { seq, hash } };
}

/** The coverage_gap event that says which events a full outbox dropped. */
export function droppedEvent(maxEvents: number, from: number, through: number, now: Date): driftwatch.v1.IDriftEvent {
  const ms = now.getTime();
  return {
    kind: pb.EventKind.EVENT_KIND_COVERAGE_GAP,
    detail: `outbox full (${maxEvents} events): dropped events ${from}..${through}, oldest first`,
    observedAt: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
  };
}
