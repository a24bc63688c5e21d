// Builds a DriftReport from the store: the scope's events in the window (in
// pages, at most maxEvents of them: the report says when there were more),
// their verdicts, the scope's terminations and, from the audit log, who held,
// approved or denied each and why. Token ids are shown with their names.
import type { Store, StoredEvent } from '../store/store.js';
import type { ReportScopeFilter } from '../store/report-store.js';
import type { TerminationRecord } from '../store/response-store.js';
import { beforeAfter, subjectOf } from './event-summary.js';
import {
  OUTCOMES, outcomeOf, VERDICT_KEYS, type DriftReport, type ReportDecision, type ReportEvent, type ReportScope, type ReportTermination,
} from './report-model.js';

/** Events read per store call. */
const PAGE = 500;
/** Audit rows read per termination, at most (a termination has a handful: hold, approve, execute, sent, done). */
const AUDIT_PER_TERMINATION = 20;

export interface ReportRequest {
  scope: ReportScope;
  since?: Date;
  until?: Date;
  maxEvents: number;
}

async function readEvents(store: Store, filter: ReportScopeFilter, max: number): Promise<{ events: StoredEvent[]; truncated: boolean }> {
  const events: StoredEvent[] = [];
  let page = await store.listFleetEvents(filter, Math.min(PAGE, max));
  for (;;) {
    events.push(...page.events);
    if (page.next === undefined) return { events, truncated: false };
    if (events.length >= max) return { events: events.slice(0, max), truncated: true };
    page = await store.listFleetEvents(filter, Math.min(PAGE, max - events.length), page.next);
  }
}

/** Names for actors: a stored token's id becomes "name (token id)"; governor and admin-token stay as they are. */
async function actorNames(store: Store): Promise<(actor: string) => string> {
  const names = new Map((await store.listTokens()).map((t) => [t.id, t.name]));
  return (actor) => {
    const name = names.get(actor);
    return name === undefined ? actor : `${name} (token ${actor})`;
  };
}

function decisionOf(detail: Record<string, unknown>): string {
  const reason = detail.reason ?? detail.error;
  return typeof reason === 'string' ? reason : '';
}

function terminationOf(t: TerminationRecord, hostname: string, history: ReportDecision[], actor: (a: string) => string): ReportTermination {
  const iso = (d: Date | null): string | null => d?.toISOString() ?? null;
  const error = t.state === 'failed' && typeof t.result.error === 'string' ? t.result.error : '';
  return {
    id: t.id, hostId: t.hostId, hostname, state: t.state, outcome: outcomeOf(t.state), rule: t.rule, request: t.reason, eventSeq: t.eventSeq,
    requestedAt: t.requestedAt.toISOString(), heldBecause: t.holdReason, decidedBy: t.decidedBy === '' ? '' : actor(t.decidedBy),
    decidedAt: iso(t.decidedAt), decisionReason: t.decisionReason, finishedAt: iso(t.finishedAt), error, history,
  };
}

export async function buildReport(store: Store, req: ReportRequest, now: Date, policySource: string): Promise<DriftReport> {
  const { scope } = req;
  const until = req.until ?? now;
  const filter: ReportScopeFilter = {
    until, ...(req.since === undefined ? {} : { since: req.since }), ...(scope.hostId === undefined ? {} : { hostId: scope.hostId }),
    ...(scope.imageId === undefined ? {} : { imageId: scope.imageId }), ...(scope.labels === undefined ? {} : { labels: scope.labels }),
  };
  const { events, truncated } = await readEvents(store, filter, req.maxEvents);
  const terminations = await store.listScopedTerminations(filter, req.maxEvents);

  const hostnames = new Map<string, string>();
  for (const id of new Set([...events.map((e) => e.hostId), ...terminations.map((t) => t.hostId)])) {
    hostnames.set(id, (await store.getHost(id))?.facts.hostname ?? '');
  }
  const actor = await actorNames(store);
  const audit = await store.listTerminationAudit(terminations.map((t) => t.id), terminations.length * AUDIT_PER_TERMINATION);
  const histories = new Map<number, ReportDecision[]>();
  for (const a of audit) {
    const id = a.detail.termination_id;
    if (typeof id !== 'number') continue;
    const list = histories.get(id) ?? [];
    list.push({ at: a.at.toISOString(), by: actor(a.actor), action: a.action.replace(/^termination\./, ''), reason: decisionOf(a.detail) });
    histories.set(id, list);
  }
  const byEvent = new Map(terminations.map((t) => [`${t.hostId}#${t.eventSeq}`, t.id]));

  const reportEvents: ReportEvent[] = events.map((e) => ({
    hostId: e.hostId, hostname: hostnames.get(e.hostId) ?? '', seq: e.seq, at: e.receivedAt.toISOString(), kind: e.kind,
    subject: subjectOf(e), changes: e.changes, ...beforeAfter(e),
    verdict: e.verdict?.verdict ?? null, severity: e.verdict?.severity ?? null, rule: e.verdict?.rule ?? null,
    // A chain-break gap shares its seq with the agent's event: only a verdict that can terminate asked for it.
    terminationId: e.verdict?.verdict === 'terminate' ? byEvent.get(`${e.hostId}#${e.seq}`) ?? null : null,
  }));
  const byVerdict = Object.fromEntries(VERDICT_KEYS.map((k) => [k, 0])) as DriftReport['totals']['byVerdict'];
  for (const e of reportEvents) byVerdict[(e.verdict ?? 'none') as keyof typeof byVerdict] += 1;
  const byOutcome = Object.fromEntries(OUTCOMES.map((k) => [k, 0])) as DriftReport['totals']['terminationsByOutcome'];
  const reportTerminations = terminations.map((t) => terminationOf(t, hostnames.get(t.hostId) ?? '', histories.get(t.id) ?? [], actor));
  for (const t of reportTerminations) byOutcome[t.outcome] += 1;

  return {
    title: titleOf(scope),
    scope, since: req.since?.toISOString() ?? null, until: until.toISOString(), generatedAt: now.toISOString(), policySource,
    maxEvents: req.maxEvents, truncated,
    totals: { events: reportEvents.length, byVerdict, hostsAffected: new Set(events.map((e) => e.hostId)).size, terminationsByOutcome: byOutcome },
    events: reportEvents, terminations: reportTerminations,
  };
}

/** The scope in words, for titles and headers. */
export function scopeText(scope: ReportScope): string {
  const labels = scope.labels === undefined ? '' : ` with labels ${Object.entries(scope.labels).map(([k, v]) => `${k}=${v}`).join(', ')}`;
  switch (scope.kind) {
    case 'host': return `host ${scope.hostname === undefined || scope.hostname === '' ? '' : `${scope.hostname} `}(${scope.hostId ?? ''})`;
    case 'image': return `image group ${scope.imageId ?? ''}${labels}`;
    case 'fleet': return `fleet${scope.imageId === undefined ? '' : ` (image ${scope.imageId})`}${labels}`;
  }
}

function titleOf(scope: ReportScope): string {
  return `Drift report: ${scopeText(scope)}`;
}
