// One approved termination through the terminator: executing (the host is
// terminating), then done when the terminator confirms, sent when it only
// asked (the runner confirms later), or, after a failed call, approved again
// with a retry time, and failed (paged) once the attempts are used up.
// An 'executing' termination no call is running for (the collector stopped
// mid-call) is run again: terminating a host twice is harmless, never
// terminating it is not.
import type { HostRecord } from '../store/store.js';
import type { TerminationRecord } from '../store/response-store.js';
import { enqueueFor, type RunnerContext } from './termination-context.js';
import { terminatedMessage, terminationFailedPage } from './termination-messages.js';
import { TerminateError, type Terminator, type TerminatorOutcome } from './terminator.js';
import { formatWindow } from './governor.js';

export const RUNNER_ACTOR = 'collector';
const MAX_ERROR_CHARS = 1000;
const MAX_RESULT_CHARS = 16_384;
const MAX_RETRY_WAIT_MS = 3_600_000;

/** A terminator's detail as stored: bounded, whatever the terminator returned. */
function bounded(detail: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(detail);
  return json.length <= MAX_RESULT_CHARS ? detail : { truncated: true, json: json.slice(0, MAX_RESULT_CHARS) };
}

async function call(terminator: Terminator, host: HostRecord, t: TerminationRecord, timeoutMs: number): Promise<TerminatorOutcome> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // A terminator that ignores the signal still cannot hold the runner past the timeout.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new TerminateError(`the ${terminator.type} terminator did not answer within ${formatWindow(timeoutMs)}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([terminator.terminate(host, t, abort.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function audit(ctx: RunnerContext, action: string, t: TerminationRecord, host: HostRecord | undefined, detail: Record<string, unknown> = {}) {
  return { at: ctx.opts.clock(), actor: RUNNER_ACTOR, action, detail: { termination_id: t.id, host_id: t.hostId, hostname: host?.facts.hostname ?? '', ...detail } };
}

export async function fail(ctx: RunnerContext, t: TerminationRecord, host: HostRecord | undefined, error: string, detail: Record<string, unknown>): Promise<void> {
  const now = ctx.opts.clock();
  const page = host === undefined ? undefined : enqueueFor(ctx, terminationFailedPage(host, t, error, now));
  await ctx.store.transitionTermination(t.id, [t.state], 'failed', {
    finishedAt: now, retryAt: null, result: bounded({ error, ...detail }), ...(host === undefined ? {} : { hostState: 'drifted' }),
  }, audit(ctx, 'termination.fail', t, host, { error, attempts: t.attempts }), page);
  ctx.logger.error({ termination: t.id, host: t.hostId, error, attempts: t.attempts }, 'termination failed for good');
}

/** Runs one 'approved' termination, or re-runs an 'executing' one (`t.state` says which). */
export async function runTermination(ctx: RunnerContext, t: TerminationRecord): Promise<void> {
  const host = await ctx.store.getHost(t.hostId);
  const terminator = ctx.terminator;
  if (terminator === undefined || host === undefined) {
    await fail(ctx, t, host, terminator === undefined ? 'no terminator configured' : 'the host is no longer known', {});
    return;
  }
  const started = ctx.opts.clock();
  const attempts = t.attempts + 1;
  const moved = await ctx.store.transitionTermination(t.id, [t.state], 'executing', {
    startedAt: t.startedAt ?? started, attempts, terminator: terminator.type, retryAt: null, hostState: 'terminating',
  }, audit(ctx, 'termination.execute', t, host, { attempt: attempts, terminator: terminator.type, ...(t.state === 'executing' ? { resumed: true } : {}) }));
  if (!moved) return; // decided elsewhere meanwhile
  const current = (await ctx.store.getTermination(t.id))!;
  let outcome: TerminatorOutcome;
  try {
    outcome = await call(terminator, host, current, ctx.opts.callTimeoutMs);
  } catch (err) {
    const error = (err instanceof Error ? err.message : String(err)).slice(0, MAX_ERROR_CHARS);
    const detail = err instanceof TerminateError ? bounded(err.detail) : {};
    if (attempts >= ctx.opts.maxAttempts) {
      await fail(ctx, current, host, error, { detail });
      return;
    }
    const now = ctx.opts.clock();
    const retryAt = new Date(now.getTime() + Math.min(MAX_RETRY_WAIT_MS, ctx.opts.retryBaseMs * 2 ** (attempts - 1)));
    await ctx.store.transitionTermination(t.id, ['executing'], 'approved', { retryAt, result: bounded({ error, detail }) },
      audit(ctx, 'termination.retry', current, host, { error, attempt: attempts, retry_at: retryAt.toISOString() }));
    ctx.logger.warn({ termination: t.id, host: host.id, error, attempt: attempts, retryAt }, 'terminator call failed: will retry');
    return;
  }
  const now = ctx.opts.clock();
  const result = bounded(outcome.detail);
  if (outcome.confirmed) {
    await finish(ctx, current, host, 'the terminator confirmed', result);
  } else {
    await ctx.store.transitionTermination(t.id, ['executing'], 'sent', { result },
      audit(ctx, 'termination.sent', current, host, { terminator: terminator.type }));
    ctx.logger.info({ termination: t.id, host: host.id, at: now }, 'termination sent: done when the host goes silent');
  }
}

/** executing or sent -> done: the host is terminated, and its incident resolved. */
export async function finish(
  ctx: RunnerContext, t: TerminationRecord, host: HostRecord, how: string, result?: Record<string, unknown>,
): Promise<boolean> {
  const now = ctx.opts.clock();
  const done = await ctx.store.transitionTermination(t.id, [t.state], 'done', {
    finishedAt: now, hostState: 'terminated', ...(result === undefined ? {} : { result }),
  }, audit(ctx, 'termination.done', t, host, { how }), enqueueFor(ctx, terminatedMessage(host, t, how, now)));
  if (done) ctx.logger.info({ termination: t.id, host: host.id, hostname: host.facts.hostname, how }, 'host terminated');
  return done;
}
