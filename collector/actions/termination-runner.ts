// The termination runner, a step of the response loop. Each tick it:
//  1. has the governor decide every requested termination (termination-decisions.ts);
//  2. starts approved ones through the terminator, at most `concurrency` calls
//     at once and in the background, so a slow cloud API never delays alert
//     delivery (termination-execute.ts);
//  3. confirms 'sent' ones: done once the host has gone silent, or has
//     reported agent_stopped, since the termination started; failed (paged)
//     if the host is still heard from `sentTimeoutMs` after the start.
// stop() waits for the calls in flight, so the store is not closed under them.
import type { FastifyBaseLogger } from 'fastify';
import type { GovernorSettings, Severity } from '../policy/policy-types.js';
import type { HostRecord, Store } from '../store/store.js';
import type { TerminationRecord } from '../store/response-store.js';
import type { ResponseStep } from './response-engine.js';
import { withDefaults, type RunnerContext, type TerminationRunnerOptions } from './termination-context.js';
import { decideRequested } from './termination-decisions.js';
import { fail, finish, runTermination } from './termination-execute.js';
import type { Terminator } from './terminator.js';

export type { TerminationRunnerOptions } from './termination-context.js';

/** Rows read per tick for each of the runner's steps. */
const BATCH = 500;

export interface TerminationRunner extends ResponseStep {
  /** Resolves once no terminator call is in flight (tests; stop() uses it too). */
  settled(): Promise<void>;
}

/** Why a sent termination is done, or undefined while the host still seems alive. */
async function goneBecause(ctx: RunnerContext, t: TerminationRecord, host: HostRecord, now: Date): Promise<string | undefined> {
  const since = t.startedAt ?? t.requestedAt;
  const stopped = await ctx.store.listEvents(host.id, { kind: 'agent_stopped', since, limit: 1 });
  if (stopped.length > 0) return 'the agent reported agent_stopped';
  // Silence is counted from the start at the earliest: a host quiet before it was asked to go is not yet gone.
  const lastHeard = Math.max(host.lastSeenAt?.getTime() ?? 0, since.getTime());
  if (now.getTime() - lastHeard >= ctx.opts.silentAfterMs) return 'the host went silent';
  return undefined;
}

export function createTerminationRunner(
  store: Store, terminator: Terminator | undefined, getGovernorSettings: () => GovernorSettings,
  notifiers: readonly { name: string; minSeverity: Severity }[], opts: TerminationRunnerOptions, logger: FastifyBaseLogger,
): TerminationRunner {
  const ctx: RunnerContext = { store, terminator, notifiers, opts: withDefaults(opts), logger: logger.child({ component: 'terminations' }) };
  const inFlight = new Map<number, Promise<void>>();
  let stopped = false;

  const startDue = async (now: Date): Promise<void> => {
    const due = await store.listTerminations({ states: ['approved', 'executing'], limit: BATCH, oldestFirst: true });
    for (const t of due) {
      if (stopped || inFlight.size >= ctx.opts.concurrency) return;
      // An 'executing' one with no call of ours in flight was cut off (a crash): run it again.
      if (inFlight.has(t.id) || (t.state === 'approved' && t.retryAt !== undefined && t.retryAt > now)) continue;
      const run = runTermination(ctx, t)
        .catch((err: unknown) => { ctx.logger.error({ err, termination: t.id }, 'termination step failed: retried next tick'); })
        .finally(() => { inFlight.delete(t.id); });
      inFlight.set(t.id, run);
    }
  };

  const confirmSent = async (now: Date): Promise<void> => {
    for (const t of await store.listTerminations({ states: ['sent'], limit: BATCH, oldestFirst: true })) {
      const host = await store.getHost(t.hostId);
      if (host === undefined) continue; // deleted: its terminations went with it
      const how = await goneBecause(ctx, t, host, now);
      if (how !== undefined) {
        await finish(ctx, t, host, how);
      } else if (now.getTime() - (t.startedAt ?? t.requestedAt).getTime() >= ctx.opts.sentTimeoutMs) {
        const minutes = Math.round(ctx.opts.sentTimeoutMs / 60_000);
        await fail(ctx, t, host, `the host is still reporting ${minutes} min after the ${t.terminator} terminator asked it to go`, {});
      }
    }
  };

  const settled = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all(inFlight.values());
  };

  return {
    name: 'terminations',
    async tick(now: Date): Promise<void> {
      if (stopped) return;
      await decideRequested(ctx, getGovernorSettings(), now);
      await startDue(now);
      await confirmSent(now);
    },
    settled,
    async stop(): Promise<void> {
      stopped = true;
      await settled();
    },
  };
}
