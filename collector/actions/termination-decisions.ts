// The governor's step of the runner: decide every requested termination, the
// oldest first, on counts gathered once per tick and kept current as each
// decision is made (an approval counts against the next candidate's limits).
// Each decision is one transition with its audit row; a hold claims the
// check's page for this window and queues it only if the claim is the first.
import type { GovernorSettings } from '../policy/policy-types.js';
import type { HostRecord } from '../store/store.js';
import type { AlertMessage, TerminationChange, TerminationRecord, TerminationState } from '../store/response-store.js';
import { decide, formatWindow, type GovernorDecision, type GovernorInput } from './governor.js';
import { governorInput } from './governor-facts.js';
import { enqueueFor, type RunnerContext } from './termination-context.js';
import { governorPage } from './termination-messages.js';

/** Requested terminations decided per tick; the rest wait for the next one. */
const DECIDE_BATCH = 500;
/** Terminations read to count a window; far beyond any limit worth setting. */
const WINDOW_READ_LIMIT = 100_000;

export const GOVERNOR_ACTOR = 'governor';

async function windowFacts(ctx: RunnerContext, windowStart: Date): Promise<{ hosts: Map<string, HostRecord>; terminations: Map<number, TerminationRecord> }> {
  const [hosts, requested, decided] = await Promise.all([
    ctx.store.listHosts({}),
    ctx.store.listTerminations({ since: windowStart, limit: WINDOW_READ_LIMIT }),
    ctx.store.listTerminations({ decidedSince: windowStart, limit: WINDOW_READ_LIMIT }),
  ]);
  return { hosts: new Map(hosts.map((h) => [h.id, h])), terminations: new Map([...requested, ...decided].map((t) => [t.id, t])) };
}

function auditDetail(t: TerminationRecord, host: HostRecord, input: GovernorInput, d: GovernorDecision): Record<string, unknown> {
  return {
    termination_id: t.id, host_id: host.id, hostname: host.facts.hostname, rule: t.rule, request: t.reason,
    decision: d.action, ...(d.action === 'execute' ? {} : { reason: d.reason }), ...(d.action === 'hold' ? { check: d.checkKey } : {}),
    started_in_window: input.startedInWindow,
    groups: input.groups.map((g) => ({ group: g.key, hosts: g.hosts, clean: g.clean, requested: g.requested })),
  };
}

interface Plan {
  to: TerminationState;
  action: string;
  change: TerminationChange;
  page?: AlertMessage;
}

function planOf(d: GovernorDecision, settings: GovernorSettings, windowStart: Date, now: Date): Plan {
  const decided = { decidedBy: GOVERNOR_ACTOR, decidedAt: now };
  switch (d.action) {
    case 'execute':
      return {
        to: 'approved', action: 'termination.approve',
        change: { ...decided, decisionReason: `within the governor's limits (window ${formatWindow(settings.windowMs)})` },
      };
    case 'dry_run':
      return { to: 'dry_run', action: 'termination.dry_run', change: { ...decided, holdReason: d.reason, decisionReason: d.reason } };
    case 'hold':
      return {
        to: 'pending_approval', action: 'termination.hold',
        change: { ...decided, holdReason: d.reason, claimPage: { checkKey: d.checkKey, bucket: Math.floor(now.getTime() / settings.windowMs) } },
        page: governorPage(d.reason, d.checkKey, { start: windowStart, end: now }, now),
      };
  }
}

export async function decideRequested(ctx: RunnerContext, settings: GovernorSettings, now: Date): Promise<void> {
  const requested = await ctx.store.listTerminations({ states: ['requested'], limit: DECIDE_BATCH, oldestFirst: true });
  if (requested.length === 0) return;
  const windowStart = new Date(now.getTime() - settings.windowMs);
  const { hosts, terminations } = await windowFacts(ctx, windowStart);
  for (const t of requested) {
    const host = hosts.get(t.hostId) ?? await ctx.store.getHost(t.hostId);
    if (host === undefined) continue; // deleted: its terminations went with it
    hosts.set(host.id, host);
    const input = governorInput(host, { hosts, terminations, windowStart }, settings, ctx.terminator !== undefined);
    const d = decide(input, settings);
    const p = planOf(d, settings, windowStart, now);
    const audit = { at: now, actor: GOVERNOR_ACTOR, action: p.action, detail: auditDetail(t, host, input, d) };
    const enqueue = p.page === undefined ? undefined : enqueueFor(ctx, p.page);
    if (!(await ctx.store.transitionTermination(t.id, ['requested'], p.to, p.change, audit, enqueue))) continue; // decided elsewhere meanwhile
    terminations.set(t.id, { ...t, state: p.to, decidedAt: now, decidedBy: GOVERNOR_ACTOR, holdReason: p.change.holdReason ?? '' });
    const log = { termination: t.id, host: host.id, hostname: host.facts.hostname };
    if (d.action === 'execute') ctx.logger.info(log, 'governor approved a termination');
    else ctx.logger.warn({ ...log, reason: d.reason }, d.action === 'hold' ? 'governor held a termination for approval' : 'governor recorded a dry run');
  }
}
