import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { createTerminationRunner, type TerminationRunner, type TerminationRunnerOptions } from '../collector/actions/termination-runner.js';
import type { Terminator } from '../collector/actions/terminator.js';
import type { GovernorSettings } from '../collector/policy/policy-types.js';
import type { Store } from '../collector/store/store.js';
import { addHosts, clockAt, DEFAULT_GOVERNOR, drift, withStore } from './helpers/drift-fleet.js';
import { RecordingTerminator } from './helpers/recording-terminator.js';

const T = Date.UTC(2026, 0, 1, 12);
const at = clockAt(T);
const MIN = 60_000;

/**
 * A runner whose outcome clock is `clock.now` (the test moves it); no notifiers, so nothing is
 * queued; calls not bounded (but in the test of the bound), so one tick runs every approved one.
 */
function runner(store: Store, terminator: Terminator | undefined, settings: Partial<GovernorSettings> = {}, opts: Partial<TerminationRunnerOptions> = {}) {
  const clock = { now: at(0) };
  const r: TerminationRunner = createTerminationRunner(store, terminator, () => ({ ...DEFAULT_GOVERNOR, ...settings }), [],
    { silentAfterMs: 90_000, alertTtlMs: 3_600_000, concurrency: 100, clock: () => clock.now, ...opts }, pino({ level: 'silent' }));
  const tick = async (ms: number): Promise<void> => {
    clock.now = at(ms);
    await r.tick(at(ms));
    await r.settled();
  };
  return { r, clock, tick };
}

async function states(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await store.listTerminations({ limit: 1000 })) out[t.state] = (out[t.state] ?? 0) + 1;
  return out;
}

test('a mass drift of one image group trips the governor: no more than the limit go, the rest wait, one page', async () => {
  await withStore(async (store) => {
    const fleet = await addHosts(store, 50, at(0), { imageId: 'ami-X' });
    const others = await addHosts(store, 10, at(0), { imageId: 'ami-Y', prefix: 'db' });
    const term = new RecordingTerminator();
    const { tick } = runner(store, term);

    await drift(store, fleet.slice(0, 10), at(MIN));
    await tick(MIN);
    assert.deepEqual(await states(store), { done: 10 }, 'the first ten are within every limit');
    assert.equal(term.calls.length, 10);
    assert.equal((await store.getHost(fleet[0]!.id))!.state, 'terminated');

    await drift(store, fleet.slice(10, 42), at(2 * MIN));
    await tick(2 * MIN);
    await tick(3 * MIN); // a later tick in the same window changes nothing
    assert.deepEqual(await states(store), { done: 10, pending_approval: 32 });
    assert.equal(term.calls.length, 10, 'nobody beyond the limit was terminated');
    const held = await store.listTerminations({ states: ['pending_approval'], limit: 100 });
    assert.ok(held.every((t) => t.holdReason === held[0]!.holdReason));
    assert.equal(held[0]!.holdReason, '42 of 50 hosts of image ami-X drifted within 10m: auto-termination paused (max_group_fraction 0.25 allows 12)');
    assert.ok(held.every((t) => t.decidedBy === 'governor'));
    assert.equal((await store.getHost(fleet[20]!.id))!.state, 'drifted', 'a held host keeps running');

    const audit = await store.listAudit(1000);
    const holds = audit.filter((e) => e.action === 'termination.hold');
    assert.equal(holds.length, 32);
    assert.equal(holds.filter((e) => e.detail.paged === true).length, 1, 'on-call is paged once, not once per host');
    const first = holds.find((e) => e.detail.paged === true)!;
    assert.equal(first.actor, 'governor');
    assert.deepEqual(first.detail.groups, [{ group: 'image:ami-X', hosts: 50, clean: 8, requested: 42 }]);
    assert.equal(first.detail.started_in_window, 10);
    assert.equal(first.detail.check, 'fraction:image:ami-X');
    assert.equal(audit.filter((e) => e.action === 'termination.approve').length, 10);

    // Another group is judged on its own counts, but the fleet-wide limit of the window is used up.
    await drift(store, [others[0]!], at(4 * MIN));
    await tick(4 * MIN);
    const other = (await store.listTerminations({ hostId: others[0]!.id, limit: 1 }))[0]!;
    assert.equal(other.state, 'pending_approval');
    assert.match(other.holdReason, /^10 terminations already started within 10m/);
    assert.equal((await store.listAudit(1000)).filter((e) => e.detail.paged === true).length, 2, 'a different check pages once more');
  });
});

test('the fleet-wide rate limit holds the terminations beyond it in one tick', async () => {
  await withStore(async (store) => {
    const groups = await Promise.all(['a', 'b', 'c'].map((img) => addHosts(store, 40, at(0), { imageId: `ami-${img}`, prefix: img })));
    const term = new RecordingTerminator();
    const { tick } = runner(store, term, { maxTerminationsPerWindow: 5 });
    await drift(store, groups.flatMap((g) => g.slice(0, 3)), at(MIN));
    await tick(MIN);
    assert.deepEqual(await states(store), { done: 5, pending_approval: 4 });
    assert.equal(term.calls.length, 5);
    // The window moves on: what is requested after it is judged afresh; held ones stay held.
    await drift(store, [groups[0]![10]!], at(12 * MIN));
    await tick(12 * MIN);
    assert.deepEqual(await states(store), { done: 6, pending_approval: 4 });
  });
});

test('dry_run terminates nobody and records why', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const term = new RecordingTerminator();
    const { tick } = runner(store, term, { dryRun: true });
    await drift(store, hosts.slice(0, 1), at(MIN));
    await tick(MIN);
    await drift(store, hosts.slice(1, 3), at(2 * MIN));
    await tick(2 * MIN);
    assert.equal(term.calls.length, 0);
    const done = await store.listTerminations({ limit: 10, oldestFirst: true });
    assert.deepEqual(done.map((t) => t.state), ['dry_run', 'dry_run', 'dry_run']);
    assert.equal(done[0]!.holdReason, 'governor dry_run is on: would have terminated');
    assert.equal(done[1]!.holdReason, done[2]!.holdReason);
    assert.equal(done[2]!.holdReason,
      'governor dry_run is on: would have held: 3 of 8 hosts of image ami-1 drifted within 10m: auto-termination paused (max_group_fraction 0.25 allows 2)');
    assert.ok((await Promise.all(hosts.slice(0, 3).map((h) => store.getHost(h.id)))).every((h) => h!.state === 'drifted'));
    const audit = (await store.listAudit(10)).reverse();
    assert.deepEqual(audit.map((e) => [e.actor, e.action]), Array(3).fill(['governor', 'termination.dry_run']));
    assert.equal(audit[2]!.detail.reason, done[2]!.holdReason);
  });
});

test('without a terminator every request is a dry run, "no terminator configured"', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const { tick } = runner(store, undefined);
    await drift(store, [hosts[0]!], at(MIN));
    await tick(MIN);
    const [t] = await store.listTerminations({ limit: 1 });
    assert.deepEqual([t!.state, t!.holdReason], ['dry_run', 'no terminator configured']);
  });
});

test('a failing terminator is retried with backoff, then the termination fails and the host stays drifted', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const term = new RecordingTerminator(() => 'fail');
    const { tick } = runner(store, term, {}, { retryBaseMs: 10_000, maxAttempts: 3 });
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    let t = (await store.listTerminations({ limit: 1 }))[0]!;
    assert.deepEqual([t.state, t.attempts, t.retryAt], ['approved', 1, at(10_000)]);
    assert.deepEqual(t.result, { error: 'exit status 1 on call 1', detail: { exit_code: 1 } });
    assert.equal((await store.getHost(hosts[0]!.id))!.state, 'terminating');
    await tick(9_999);
    assert.equal(term.calls.length, 1, 'not before its retry time');
    await tick(10_000);
    t = (await store.listTerminations({ limit: 1 }))[0]!;
    assert.deepEqual([t.state, t.attempts, t.retryAt], ['approved', 2, at(30_000)], 'the wait doubles');
    await tick(30_000);
    t = (await store.listTerminations({ limit: 1 }))[0]!;
    assert.deepEqual([t.state, t.attempts, t.retryAt, t.finishedAt], ['failed', 3, undefined, at(30_000)]);
    assert.equal(t.startedAt!.getTime(), at(0).getTime(), 'started at the first attempt');
    assert.equal((await store.getHost(hosts[0]!.id))!.state, 'drifted');
    await tick(60 * MIN);
    assert.equal(term.calls.length, 3);
    assert.deepEqual((await store.listAudit(20)).reverse().map((e) => e.action), [
      'termination.approve', 'termination.execute', 'termination.retry', 'termination.execute', 'termination.retry',
      'termination.execute', 'termination.fail',
    ]);
  });
});

test('a retry that succeeds finishes the termination', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const term = new RecordingTerminator((n) => (n === 0 ? 'fail' : 'confirm'));
    const { tick } = runner(store, term, {}, { retryBaseMs: 1000 });
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    await tick(1000);
    const t = (await store.listTerminations({ limit: 1 }))[0]!;
    assert.deepEqual([t.state, t.attempts, t.terminator], ['done', 2, 'exec']);
    assert.deepEqual(t.result, { call: 2, instance: 'i-web1' });
    assert.deepEqual(term.calls.map((c) => [c.state, c.attempt]), [['executing', 1], ['executing', 2]]);
  });
});

test('a terminator that never answers is cut off at the timeout and told to stop', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const term = new RecordingTerminator(() => 'hang');
    const { tick } = runner(store, term, {}, { callTimeoutMs: 20, maxAttempts: 1 });
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    const t = (await store.listTerminations({ limit: 1 }))[0]!;
    assert.equal(t.state, 'failed');
    assert.equal(t.result.error, 'the exec terminator did not answer within 20ms');
    assert.equal(term.aborted, 1);
  });
});

test('"sent" becomes done when the host goes silent, counted from its last heartbeat', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const term = new RecordingTerminator(() => 'sent', 'aws-asg');
    const { tick } = runner(store, term);
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    const id = (await store.listTerminations({ limit: 1 }))[0]!.id;
    assert.equal((await store.getTermination(id))!.state, 'sent');
    assert.equal((await store.getHost(hosts[0]!.id))!.state, 'terminating');
    await store.recordHeartbeat(hosts[0]!.id, at(60_000), 'ab'.repeat(32), 1);
    await tick(149_999);
    assert.equal((await store.getTermination(id))!.state, 'sent', 'heard from 89.999 s ago');
    await tick(150_000);
    const t = (await store.getTermination(id))!;
    assert.deepEqual([t.state, t.finishedAt, t.terminator], ['done', at(150_000), 'aws-asg']);
    assert.equal((await store.getHost(hosts[0]!.id))!.state, 'terminated');
    const done = (await store.listAudit(1))[0]!;
    assert.deepEqual([done.actor, done.action, done.detail.how], ['collector', 'termination.done', 'the host went silent']);
  });
});

test('"sent" becomes done at once when the agent reports agent_stopped after the start', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const { tick } = runner(store, new RecordingTerminator(() => 'sent', 'agent'));
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    await drift(store, [hosts[0]!], at(5000), null, 'agent_stopped');
    await tick(6000);
    const t = (await store.listTerminations({ limit: 1 }))[0]!;
    assert.equal(t.state, 'done');
    assert.equal((await store.listAudit(1))[0]!.detail.how, 'the agent reported agent_stopped');
  });
});

test('an "executing" termination left by a crash mid-call is run again', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    await drift(store, [hosts[0]!], at(0));
    const [t] = await store.listTerminations({ limit: 1 });
    const audit = { at: at(0), actor: 'test', action: 'x', detail: {} };
    await store.transitionTermination(t!.id, ['requested'], 'approved', { decidedBy: 'governor', decidedAt: at(0) }, audit);
    await store.transitionTermination(t!.id, ['approved'], 'executing', { attempts: 1, startedAt: at(0), hostState: 'terminating' }, audit);
    const term = new RecordingTerminator();
    const { tick } = runner(store, term);
    await tick(MIN);
    assert.deepEqual(term.calls.map((c) => [c.state, c.attempt]), [['executing', 2]]);
    assert.equal((await store.getTermination(t!.id))!.state, 'done');
    const execute = (await store.listAudit(10)).find((e) => e.action === 'termination.execute')!;
    assert.equal(execute.detail.resumed, true);
  });
});

test('terminator calls are bounded in number, and stop() waits for the ones in flight', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 20, at(0));
    const term = new RecordingTerminator();
    let release!: () => void;
    term.gate = new Promise((resolve) => { release = resolve; });
    const { r } = runner(store, term, { maxGroupFraction: 1 }, { concurrency: 2 });
    await drift(store, hosts.slice(0, 5), at(0));
    await r.tick(at(0));
    while (term.calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
    let stopped = false;
    const stopping = r.stop().then(() => { stopped = true; });
    await r.tick(at(1000)); // a stopped runner starts nothing more
    assert.equal(stopped, false);
    assert.deepEqual(await states(store), { executing: 2, approved: 3 });
    release();
    await stopping;
    assert.equal(term.calls.length, 2);
    assert.deepEqual(await states(store), { done: 2, approved: 3 });
  });
});
