import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostState } from '../collector/store/store.js';
import { addHosts, clockAt, drift, withStore } from './helpers/drift-fleet.js';

const at = clockAt(Date.UTC(2026, 0, 1));

test('a terminate verdict becomes one requested termination per host; list filters and orders them', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 3, at(0));
    await drift(store, [hosts[0]!], at(1000));
    await drift(store, [hosts[1]!, hosts[2]!], at(5000));
    await drift(store, [hosts[0]!], at(6000)); // in flight already: no second request
    const all = await store.listTerminations({ limit: 10 });
    assert.deepEqual(all.map((t) => t.hostId), [hosts[2]!.id, hosts[1]!.id, hosts[0]!.id], 'newest first');
    const first = all[2]!;
    assert.equal(first.state, 'requested');
    assert.equal(first.rule, 'binaries');
    assert.equal(first.reason, 'file_changed /usr/bin/ls');
    assert.equal(first.retryAt, undefined);
    assert.deepEqual(first.result, {});
    assert.deepEqual((await store.listTerminations({ limit: 10, oldestFirst: true })).map((t) => t.id), all.map((t) => t.id).reverse());
    assert.deepEqual((await store.listTerminations({ limit: 10, since: at(5000) })).map((t) => t.hostId), [hosts[2]!.id, hosts[1]!.id]);
    assert.deepEqual((await store.listTerminations({ limit: 10, hostId: hosts[1]!.id })).map((t) => t.hostId), [hosts[1]!.id]);
    assert.equal((await store.listTerminations({ limit: 1 })).length, 1);
    assert.equal((await store.listTerminations({ limit: 10, states: ['approved', 'done'] })).length, 0);
    assert.deepEqual(await store.getTermination(first.id), first);
    assert.equal(await store.getTermination(999), undefined);
    await assert.rejects(store.listTerminations({ limit: -1 }), /bad limit/);
  });
});

test('a transition is a compare-and-set that sets its fields, the host state and one audit row together', async () => {
  await withStore(async (store) => {
    const [host] = await addHosts(store, 1, at(0));
    await drift(store, [host!], at(1000));
    const [t] = await store.listTerminations({ limit: 1 });
    const audit = { at: at(2000), actor: 'governor', action: 'termination.approve', detail: { termination_id: t!.id } };

    assert.equal(await store.transitionTermination(t!.id, ['pending_approval'], 'approved', { decidedBy: 'x' }, audit), false);
    assert.equal((await store.getTermination(t!.id))!.state, 'requested', 'nothing written when the state did not match');
    assert.equal((await store.listAudit(10)).length, 0);

    assert.equal(await store.transitionTermination(t!.id, ['requested'], 'approved',
      { decidedBy: 'governor', decidedAt: at(2000), decisionReason: 'ok' }, audit), true);
    assert.equal(await store.transitionTermination(t!.id, ['approved'], 'executing',
      { startedAt: at(3000), attempts: 1, terminator: 'exec', hostState: 'terminating', retryAt: at(9000) }, { ...audit, action: 'termination.execute' }), true);
    const got = (await store.getTermination(t!.id))!;
    assert.equal(got.state, 'executing');
    assert.deepEqual([got.decidedBy, got.decidedAt, got.decisionReason], ['governor', at(2000), 'ok'], 'earlier fields kept');
    assert.deepEqual([got.startedAt, got.attempts, got.terminator, got.retryAt], [at(3000), 1, 'exec', at(9000)]);
    assert.equal((await store.getHost(host!.id))!.state, 'terminating');
    await store.transitionTermination(t!.id, ['executing'], 'done', { retryAt: null, finishedAt: at(4000), result: { exit_code: 0 }, hostState: 'terminated' },
      { ...audit, action: 'termination.done' });
    const done = (await store.getTermination(t!.id))!;
    assert.equal(done.retryAt, undefined, 'null clears the retry time');
    assert.deepEqual(done.result, { exit_code: 0 });
    assert.equal((await store.getHost(host!.id))!.state, 'terminated');
    assert.deepEqual((await store.listAudit(10)).map((e) => e.action), ['termination.done', 'termination.execute', 'termination.approve']);
    assert.deepEqual(await store.listTerminations({ limit: 10, decidedSince: at(2000) }).then((l) => l.length), 1);
    assert.deepEqual(await store.listTerminations({ limit: 10, decidedSince: at(2001) }).then((l) => l.length), 0);
  });
});

test('a transition whose host update fails writes nothing at all', async () => {
  await withStore(async (store) => {
    const [host] = await addHosts(store, 1, at(0));
    await drift(store, [host!], at(1000));
    const [t] = await store.listTerminations({ limit: 1 });
    await assert.rejects(store.transitionTermination(t!.id, ['requested'], 'approved', { hostState: 'bogus' as HostState },
      { at: at(2000), actor: 'governor', action: 'termination.approve', detail: {} }), /CHECK constraint/);
    assert.equal((await store.getTermination(t!.id))!.state, 'requested');
    assert.equal((await store.listAudit(10)).length, 0);
    assert.equal((await store.getHost(host!.id))!.state, 'drifted');
  });
});

test('a governor page is claimed once per check and window bucket, and the audit row says whether this hold paged', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 3, at(0));
    await drift(store, hosts, at(1000));
    const ts = await store.listTerminations({ limit: 10, oldestFirst: true });
    const hold = (i: number, bucket: number) => store.transitionTermination(ts[i]!.id, ['requested'], 'pending_approval',
      { holdReason: 'r', claimPage: { checkKey: 'fraction:image:ami-1', bucket } },
      { at: at(2000), actor: 'governor', action: 'termination.hold', detail: { i } });
    assert.equal(await hold(0, 7), true);
    assert.equal(await hold(1, 7), true);
    assert.equal(await hold(2, 8), true);
    const paged = (await store.listAudit(10)).reverse().map((e) => [e.detail.i, e.detail.paged]);
    assert.deepEqual(paged, [[0, true], [1, false], [2, true]]);
    assert.equal(await store.claimGovernorPage('fraction:image:ami-1', 7, at(3000)), false);
    assert.equal(await store.claimGovernorPage('rate', 7, at(3000)), true);
    assert.equal(await store.claimGovernorPage('rate', 7, at(3000)), false);
  });
});
