// Terminations as the operator API shows them: in full (the terminations
// routes), and as the in-flight summary each host carries in its own JSON.
import type { Store } from '../store/store.js';
import { ACTIVE_TERMINATION_STATES, type TerminationRecord } from '../store/response-store.js';

/** More in-flight terminations than this cannot exist: there is at most one per host. */
const MAX_IN_FLIGHT_READ = 1_000_000;

export function terminationJson(t: TerminationRecord, hostname: string | null): Record<string, unknown> {
  const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;
  return {
    id: t.id, host_id: t.hostId, hostname, state: t.state, rule: t.rule, reason: t.reason, event_seq: t.eventSeq,
    requested_at: iso(t.requestedAt), hold_reason: t.holdReason, decided_by: t.decidedBy, decided_at: iso(t.decidedAt),
    decision_reason: t.decisionReason, terminator: t.terminator, started_at: iso(t.startedAt), finished_at: iso(t.finishedAt),
    attempts: t.attempts, retry_at: iso(t.retryAt), result: t.result,
  };
}

/** The `termination` of a host's JSON: its termination in flight, or null. */
export function terminationSummary(t: TerminationRecord | undefined): { id: number; state: string; hold_reason: string } | null {
  return t === undefined ? null : { id: t.id, state: t.state, hold_reason: t.holdReason };
}

/** Terminations in flight by host id: of one host, or of all. */
export async function inFlightTerminations(store: Store, hostId?: string): Promise<Map<string, TerminationRecord>> {
  const list = await store.listTerminations({
    states: ACTIVE_TERMINATION_STATES, limit: hostId === undefined ? MAX_IN_FLIGHT_READ : 1, ...(hostId === undefined ? {} : { hostId }),
  });
  return new Map(list.map((t) => [t.hostId, t]));
}
