// The store's half for policy responses: alerts grouped per host and window,
// deliveries to notifiers (retried until delivered or expired), terminations
// through the governor, and the governor's once-per-window pages. Every
// multi-row change here is one transaction, so a crash never leaves an alert
// closed without its deliveries, or a termination decided without its audit row.
import type { EventVerdict, Severity } from '../policy/policy-types.js';
import type { AuditEntry, HostRecord, HostState } from './store.js';

/** An event as an alert shows it. */
export interface AlertEvent extends EventVerdict {
  seq: number;
  kind: string;
  path: string;
  /** What the event is about, in words: the path, "openssl 3.0.13-1" for a package, "root from 10.0.0.5" for a login, a gap's reason. */
  subject: string;
  receivedAt: string;
}

/** A notifier-neutral message; each notifier renders it in its own wire format. */
export interface AlertMessage {
  /** drift: a host's grouped drift; governor: auto-termination paused; resolved: the host was terminated (PagerDuty resolve). */
  type: 'drift' | 'governor' | 'resolved';
  /** Same key for the same incident: PagerDuty's dedup_key ("driftwatch/host/<id>"). */
  dedupKey: string;
  summary: string;
  severity: Severity;
  at: string;
  host?: { id: string; hostname: string; imageId: string; instanceId: string; labels: Record<string, string>; state: HostState };
  eventCount?: number;
  window?: { start: string; end: string };
  /** The worst events of the window, worst first (at most a handful). */
  worst?: AlertEvent[];
  /** What driftwatch does about it, in words. */
  action?: string;
}

export interface AlertRecord {
  id: number;
  hostId: string;
  openedAt: Date;
  closesAt: Date;
  eventCount: number;
  severity: Severity;
  worst: AlertEvent[];
  /** The host has a termination requested in this window or still in flight (the worst events may not show the terminate verdict). */
  terminationRequested: boolean;
}

export type DeliveryState = 'pending' | 'delivered' | 'expired';

export interface DeliveryRecord {
  id: number;
  /** Random and stable across retries: receivers drop a duplicate by it (X-Driftwatch-Delivery). */
  uuid: string;
  notifier: string;
  message: AlertMessage;
  createdAt: Date;
  expiresAt: Date;
  nextAttemptAt: Date;
  attempts: number;
  state: DeliveryState;
  lastError: string;
  deliveredAt: Date | null;
}

export const TERMINATION_STATES = ['requested', 'pending_approval', 'approved', 'executing', 'sent', 'done', 'denied', 'dry_run', 'failed'] as const;
export type TerminationState = typeof TERMINATION_STATES[number];
/** States of a termination still in flight: a host has at most one. */
export const ACTIVE_TERMINATION_STATES: readonly TerminationState[] = ['requested', 'pending_approval', 'approved', 'executing', 'sent'];

export interface TerminationRecord {
  id: number;
  hostId: string;
  state: TerminationState;
  /** The rule whose terminate verdict asked for it. */
  rule: string;
  /** The event that asked for it, in words: "file_changed /usr/bin/ls". */
  reason: string;
  eventSeq: number;
  requestedAt: Date;
  /** Why the governor held it (pending_approval, dry_run). */
  holdReason: string;
  /** Who decided: "governor" or an operator (token id, admin-token). */
  decidedBy: string;
  decidedAt: Date | null;
  decisionReason: string;
  /** The terminator type that ran it. */
  terminator: string;
  startedAt: Date | null;
  finishedAt: Date | null;
  attempts: number;
  /** After a failed terminator call: when it is tried again (absent: not waiting for a retry). */
  retryAt?: Date;
  /** The terminator's outcome (exit code, output, API response), bounded. */
  result: Record<string, unknown>;
}

/** Fields a transition sets (others are kept). */
export interface TerminationChange {
  holdReason?: string;
  decidedBy?: string;
  decidedAt?: Date;
  decisionReason?: string;
  terminator?: string;
  startedAt?: Date;
  finishedAt?: Date;
  attempts?: number;
  /** null clears it. */
  retryAt?: Date | null;
  result?: Record<string, unknown>;
  /** The host's new state, in the same transaction. */
  hostState?: HostState;
  /**
   * A governor page: claimed (claimGovernorPage) in the same transaction, and
   * the transition's `enqueue` queued only if this claim is the first. A crash
   * can then neither claim a page without queueing it nor queue it twice.
   * The audit row's detail gets `paged: true|false`.
   */
  claimPage?: { checkKey: string; bucket: number };
}

/** Messages to queue in the same transaction (one delivery per notifier). */
export interface Enqueue {
  notifiers: readonly string[];
  message: AlertMessage;
  ttlMs: number;
}

export interface TerminationFilter {
  states?: readonly TerminationState[];
  hostId?: string;
  /** Requested at or after. */
  since?: Date;
  /** Decided (by the governor or an operator) at or after. */
  decidedSince?: Date;
  limit: number;
  /** Oldest first (the runner's order); the default is newest first (the API's). */
  oldestFirst?: boolean;
}

export interface ResponseStore {
  /**
   * Reads events stored since the last call with verdict alert or terminate
   * (at most `limit`, in storage order) and, in one transaction with moving
   * the cursor past them: folds each into its host's open alert (opening one
   * that closes `alertWindowMs` later if there is none) and, for terminate
   * verdicts, requests a termination unless the host has one in flight.
   * Returns how many events it read.
   */
  foldNewVerdicts(now: Date, alertWindowMs: number, limit: number): Promise<number>;

  /**
   * Closes the alerts whose window has ended and queues, in the same
   * transaction, one delivery of `build(alert, host)` to each notifier `route`
   * names for it. Returns the number closed.
   */
  closeDueAlerts(
    now: Date, build: (alert: AlertRecord, host: HostRecord) => AlertMessage, route: (m: AlertMessage) => readonly string[], ttlMs: number,
  ): Promise<number>;
  enqueueDeliveries(e: Enqueue, now: Date): Promise<void>;
  /**
   * Pending deliveries due at `now`, oldest first (at most `limit`), each the
   * oldest pending one of its notifier and dedup key (one incident's messages
   * reach a receiver in order: a resolve never overtakes its trigger). Pending
   * ones past their expiry are marked expired first and returned apart, to be
   * logged (they expired while nobody tried: a collector that was down).
   */
  dueDeliveries(now: Date, limit: number): Promise<{ due: DeliveryRecord[]; expired: DeliveryRecord[] }>;
  /** Delivered, or failed with the next attempt time (null: give up, expired). */
  recordDeliveryAttempt(id: number, now: Date, outcome: { delivered: true } | { delivered: false; error: string; retryAt: Date | null }): Promise<void>;
  listDeliveries(filter: { state?: DeliveryState; limit: number }): Promise<DeliveryRecord[]>;

  listTerminations(filter: TerminationFilter): Promise<TerminationRecord[]>;
  getTermination(id: number): Promise<TerminationRecord | undefined>;
  /**
   * Compare-and-set: moves the termination from one of `from` to `to`, sets
   * the change (the host's state too), appends the audit row and queues
   * `enqueue`, all in one transaction. False (nothing written) if it was not
   * in one of `from`.
   */
  transitionTermination(
    id: number, from: readonly TerminationState[], to: TerminationState, change: TerminationChange,
    audit: Omit<AuditEntry, 'id'>, enqueue?: Enqueue,
  ): Promise<boolean>;

  /** Deliveries and terminations by state, every state present (for /metrics, read at scrape time). */
  responseCounts(): Promise<{ deliveries: Record<DeliveryState, number>; terminations: Record<TerminationState, number> }>;

  /** The governor pages once per tripped check and window bucket: true the first time. */
  claimGovernorPage(checkKey: string, bucket: number, now: Date): Promise<boolean>;
}
