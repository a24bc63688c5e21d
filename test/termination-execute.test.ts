// Approved terminations through a recording terminator: retries with
// backoff, timeouts, 'sent' confirmed by silence or agent_stopped, a crash
// mid-call, and the bound on calls in flight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addHosts, clockAt, drift, withStore } from './helpers/drift-fleet.js';
import { RecordingTerminator } from './helpers/recording-terminator.js';
import { stateCounts as states, testRunner } from './helpers/test-runner.js';

const at = clockAt(Date.UTC(2026, 0, 1, 12));
const MIN = 60_000;

test('a failing terminator is retried with backoff, then the termination fails and the host stays drifted', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const term = new RecordingTerminator(() => 'fail');
    const { tick } = testRunner(store, term, at, { opts: { retryBaseMs: 10_000, maxAttempts: 3 } });
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
    const { tick } = testRunner(store, term, at, { opts: { retryBaseMs: 1000 } });
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
    const { tick } = testRunner(store, term, at, { opts: { callTimeoutMs: 20, maxAttempts: 1 } });
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
    const { tick } = testRunner(store, term, at);
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

test('"sent" fails and pages when the host is still heard from after sentTimeoutMs; the host is drifted again', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const { tick } = testRunner(store, new RecordingTerminator(() => 'sent', 'aws-asg'), at, { opts: { sentTimeoutMs: 600_000 } });
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    const id = (await store.listTerminations({ limit: 1 }))[0]!.id;
    for (let ms = 30_000; ms < 600_000; ms += 30_000) {
      await store.recordHeartbeat(hosts[0]!.id, at(ms), 'ab'.repeat(32), 1);
      await tick(ms);
    }
    assert.equal((await store.getTermination(id))!.state, 'sent', 'heard from, but not yet for sentTimeoutMs');
    await store.recordHeartbeat(hosts[0]!.id, at(600_000), 'ab'.repeat(32), 1);
    await tick(600_000);
    const t = (await store.getTermination(id))!;
    assert.deepEqual([t.state, t.result.error], ['failed', 'the host is still reporting 10 min after the aws-asg terminator asked it to go']);
    assert.equal((await store.getHost(hosts[0]!.id))!.state, 'drifted');
    assert.equal((await store.listAudit(1))[0]!.action, 'termination.fail');
  });
});

test('"sent" becomes done at once when the agent reports agent_stopped after the start', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const { tick } = testRunner(store, new RecordingTerminator(() => 'sent', 'agent'), at);
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
    const { tick } = testRunner(store, term, at);
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
    const { r } = testRunner(store, term, at, { settings: { maxGroupFraction: 1 }, opts: { concurrency: 2 } });
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
