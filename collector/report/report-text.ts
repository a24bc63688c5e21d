// The words every renderer shares: the header's fields, the totals, the
// truncation notice and an event's action, so the four formats agree. Plain
// strings: each renderer escapes them for its own format.
import { scopeText } from './build-report.js';
import type { DriftReport, ReportEvent, ReportTermination } from './report-model.js';

/** The header as label/value pairs, in order. */
export function headerFields(r: DriftReport): Array<[string, string]> {
  return [
    ['Scope', scopeText(r.scope)],
    ['From', r.since ?? 'the first event'],
    ['Until', r.until],
    ['Generated at', r.generatedAt],
    ['Policy', r.policySource],
  ];
}

/** The totals as label/value pairs, in order. */
export function totalFields(r: DriftReport): Array<[string, string]> {
  const counts = (o: Record<string, number>): string => Object.entries(o).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    ['Events', String(r.totals.events)],
    ['Events by verdict', counts(r.totals.byVerdict)],
    ['Hosts affected', String(r.totals.hostsAffected)],
    ['Terminations by outcome', counts(r.totals.terminationsByOutcome)],
  ];
}

/** Undefined when the report holds every event of its scope. */
export function truncationNotice(r: DriftReport): string | undefined {
  if (!r.truncated) return undefined;
  const last = r.events[r.events.length - 1]?.at ?? r.until;
  return `Truncated: more than ${r.maxEvents} events matched; this report holds the first ${r.maxEvents} (up to ${last}). `
    + 'Ask for a later window (since) for the rest.';
}

/** Who decided and why, in one line: "held: <reason>; approved by alice (token …): <reason>". */
export function decisionText(t: ReportTermination): string {
  const parts = [`termination ${t.id} ${t.outcome}`];
  if (t.heldBecause !== '') parts.push(`held: ${t.heldBecause}`);
  if (t.decidedBy !== '' && (t.outcome !== 'held' || t.decidedBy !== 'governor')) {
    parts.push(`decided by ${t.decidedBy}${t.decisionReason === '' ? '' : `: ${t.decisionReason}`}`);
  }
  if (t.error !== '') parts.push(`failed: ${t.error}`);
  return parts.join('; ');
}

/** What was done about the event: its termination's story, or what the verdict did by itself. */
export function actionText(e: ReportEvent, terminations: ReadonlyMap<number, ReportTermination>): string {
  const t = e.terminationId === null ? undefined : terminations.get(e.terminationId);
  if (t !== undefined) return decisionText(t);
  switch (e.verdict) {
    case 'alert': return 'alerted';
    case 'terminate': return 'termination not requested (one was already in flight)';
    case 'flag': return 'flagged';
    case 'ignore': return 'ignored';
    default: return 'none (no policy then)';
  }
}

export function terminationsById(r: DriftReport): Map<number, ReportTermination> {
  return new Map(r.terminations.map((t) => [t.id, t]));
}

/** Columns of the events table, as every tabular renderer shows them. */
export const EVENT_COLUMNS = ['Time', 'Host', 'Seq', 'Kind', 'Subject', 'Changes', 'Before', 'After', 'Verdict', 'Severity', 'Rule', 'Action'] as const;

export function eventCells(e: ReportEvent, terminations: ReadonlyMap<number, ReportTermination>): string[] {
  return [
    e.at, e.hostname === '' ? e.hostId : e.hostname, String(e.seq), e.kind, e.subject, e.changes.join(', '), e.before, e.after,
    e.verdict ?? 'none', e.severity ?? '', e.rule ?? '', actionText(e, terminations),
  ];
}

export const TERMINATION_COLUMNS = ['ID', 'Host', 'Requested', 'Rule', 'Event', 'Outcome', 'Held because', 'Decided by', 'Decided at', 'Why'] as const;

export function terminationCells(t: ReportTermination): string[] {
  return [
    String(t.id), t.hostname === '' ? t.hostId : t.hostname, t.requestedAt, t.rule, t.request, `${t.outcome} (${t.state})`, t.heldBecause,
    t.decidedBy, t.decidedAt ?? '', t.error !== '' ? t.error : t.decisionReason,
  ];
}

/** A termination's audit history in lines: "2024-… governor hold: reason". */
export function historyLines(t: ReportTermination): string[] {
  return t.history.map((h) => `${h.at} ${h.by} ${h.action}${h.reason === '' ? '' : `: ${h.reason}`}`);
}
