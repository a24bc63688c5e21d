// The store's side of drift reports (issue 6): events across the fleet in a
// time range, narrowed to one host, an image group or hosts with labels, read
// in pages; the terminations of the same scope; and the audit rows that tell
// each termination's story (who held, approved or denied it, and why).
import type { AuditEntry, StoredEvent } from './store.js';
import type { TerminationRecord } from './response-store.js';

/** Which hosts a report covers: all of them, or those matching every field given. */
export interface ReportScopeFilter {
  hostId?: string;
  imageId?: string;
  /** label key=value pairs that must all match */
  labels?: Record<string, string>;
  /** Received (events) or requested (terminations) at or after; the window is half-open. */
  since?: Date;
  /** ... and before. */
  until?: Date;
}

/** Where the next page starts: after this (receivedAt, row) position. Opaque to callers. */
export interface FleetEventCursor {
  at: number;
  id: number;
}

export interface FleetEventPage {
  /** Oldest first (by time received, then storage order). */
  events: StoredEvent[];
  /** Absent when this page is the last. */
  next?: FleetEventCursor;
}

export interface ReportStore {
  /** At most `limit` events of the scope after `after`, oldest first. */
  listFleetEvents(filter: ReportScopeFilter, limit: number, after?: FleetEventCursor): Promise<FleetEventPage>;
  /** At most `limit` terminations of the scope requested in its window, oldest first. */
  listScopedTerminations(filter: ReportScopeFilter, limit: number): Promise<TerminationRecord[]>;
  /** The audit rows naming these terminations (`detail.termination_id`), oldest first, at most `limit`. */
  listTerminationAudit(terminationIds: readonly number[], limit: number): Promise<AuditEntry[]>;
}
