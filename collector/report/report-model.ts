// A drift report as plain data: built once from the store (build-report.ts),
// then rendered as JSON, Markdown, HTML or CSV (render-*.ts), so every format
// says the same thing. Times are ISO 8601 strings; nothing here is escaped
// (each renderer escapes for its own format).
import type { TerminationState } from '../store/response-store.js';

export const REPORT_FORMATS = ['json', 'markdown', 'html', 'csv'] as const;
export type ReportFormat = typeof REPORT_FORMATS[number];

/** What a termination came to, in the words an incident report uses. */
export const OUTCOMES = ['requested', 'held', 'approved', 'denied', 'done', 'failed'] as const;
export type TerminationOutcome = typeof OUTCOMES[number];

const OUTCOME_OF: Record<TerminationState, TerminationOutcome> = {
  requested: 'requested', pending_approval: 'held', dry_run: 'held',
  approved: 'approved', executing: 'approved', sent: 'approved', done: 'done', denied: 'denied', failed: 'failed',
};

export function outcomeOf(state: TerminationState): TerminationOutcome {
  return OUTCOME_OF[state];
}

/** Verdict counts; `none` for events stored before there was a policy. */
export const VERDICT_KEYS = ['ignore', 'flag', 'alert', 'terminate', 'none'] as const;

export interface ReportScope {
  /** host: one host; image: an image group; fleet: every host (a time range). */
  kind: 'host' | 'image' | 'fleet';
  hostId?: string;
  hostname?: string;
  imageId?: string;
  labels?: Record<string, string>;
}

/** One step of a termination's story, from the audit log. */
export interface ReportDecision {
  at: string;
  /** Who: "governor", "admin-token", or a token's name and id. */
  by: string;
  /** The audit action without its prefix: hold, approve, deny, execute, sent, done, fail, dry_run, retry. */
  action: string;
  reason: string;
}

export interface ReportTermination {
  id: number;
  hostId: string;
  hostname: string;
  state: TerminationState;
  outcome: TerminationOutcome;
  rule: string;
  /** The event that asked for it, in words. */
  request: string;
  eventSeq: number;
  requestedAt: string;
  /** Why the governor held it ('' when it did not). */
  heldBecause: string;
  /** Who decided last: "governor" or an operator (name and token id); '' while undecided. */
  decidedBy: string;
  decidedAt: string | null;
  decisionReason: string;
  finishedAt: string | null;
  /** The terminator's error when it failed. */
  error: string;
  history: ReportDecision[];
}

export interface ReportEvent {
  hostId: string;
  hostname: string;
  seq: number;
  at: string;
  kind: string;
  /** What the event is about: a path, "openssl 3.0.13-1", "root from 10.0.0.5", a gap's reason. */
  subject: string;
  changes: string[];
  /** Attribute summaries of the file or package before and after ('' when there is none). */
  before: string;
  after: string;
  /** null for events stored before there was a policy. */
  verdict: string | null;
  severity: string | null;
  rule: string | null;
  /** The termination this event asked for, if it did. */
  terminationId: number | null;
}

export interface DriftReport {
  title: string;
  scope: ReportScope;
  /** The half-open window [since, until); since null: from the first event. */
  since: string | null;
  until: string;
  generatedAt: string;
  policySource: string;
  maxEvents: number;
  /** More events matched than maxEvents: only the first maxEvents are here. */
  truncated: boolean;
  totals: {
    events: number;
    byVerdict: Record<typeof VERDICT_KEYS[number], number>;
    hostsAffected: number;
    terminationsByOutcome: Record<TerminationOutcome, number>;
  };
  events: ReportEvent[];
  terminations: ReportTermination[];
}
