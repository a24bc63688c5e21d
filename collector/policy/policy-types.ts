// The policy's data: what a rule matches, what it decides, and the verdict an
// event gets. Plain data only; loading is policy-load.ts, matching
// policy-evaluate.ts, so the evaluation stays a pure function.

export const VERDICTS = ['ignore', 'flag', 'alert', 'terminate'] as const;
export type Verdict = typeof VERDICTS[number];

/** Ordered from least to most urgent (PagerDuty's scale has four; info maps to its info). */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = typeof SEVERITIES[number];

/** What an event is judged by: its JSON form (docs/events.md) and its host. */
export interface PolicyEvent {
  kind: string;
  path?: string;
  changes?: string[];
  package?: { manager?: string; name?: string; version?: string; arch?: string };
  login?: { user?: string; tty?: string; origin?: string };
}

export interface PolicyHost {
  imageId: string;
  labels: Record<string, string>;
}

/** One rule's conditions: every given field must match; within a list, any entry. */
export interface RuleMatch {
  kinds?: string[];
  /** picomatch globs on the event path (dot files included). */
  paths?: string[];
  /** Globs on the event path that exclude it even when `paths` matched. */
  notPaths?: string[];
  /** Globs on the package name (package_* events). */
  packages?: string[];
  /** Any of these changes (file_changed). */
  changes?: string[];
  /** Globs on the host's image id. */
  images?: string[];
  /** Every key must be present with a value matching its glob. */
  labels?: Record<string, string>;
}

export interface PolicyRule {
  name: string;
  description?: string;
  match: RuleMatch;
  verdict: Verdict;
  severity: Severity;
}

/** How terminations are held back (governor.ts applies it). */
export interface GovernorSettings {
  dryRun: boolean;
  windowMs: number;
  /** At most this many terminations started fleet-wide per window. */
  maxTerminationsPerWindow: number;
  /** At most this fraction of a group (image or label group) terminated per window. */
  maxGroupFraction: number;
  /** Never leave a group with fewer clean hosts than this. */
  minHealthyPerGroup: number;
  /** Groups besides the image: label keys ("role" groups hosts by their role label). */
  groupLabels: string[];
  /** 'never': limits only; 'always': every termination waits for a human; 'above': when more than approvalAbove hosts would go in one window. */
  approval: 'never' | 'always' | 'above';
  approvalAbove: number;
}

export interface Policy {
  rules: PolicyRule[];
  /** When no rule matches. */
  fallback: { verdict: Verdict; severity: Severity };
  governor: GovernorSettings;
  /** Where it came from, for logs and `GET /api/v1/policy` ("built-in default" or a path). */
  source: string;
}

/** An event's verdict, stored with it. */
export interface EventVerdict {
  verdict: Verdict;
  severity: Severity;
  /** The matching rule's name; "default" when no rule matched. */
  rule: string;
}

/** Why each rule did or did not match, for `drift-collector policy test`. */
export interface RuleTrace {
  rule: string;
  matched: boolean;
  /** For a match: each condition that held; otherwise the first one that failed. */
  why: string[];
}

export interface Explained extends EventVerdict {
  trace: RuleTrace[];
}
