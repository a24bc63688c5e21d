// The governor's step of the termination runner on a real store: which
// requested terminations go, which wait for a responder, and why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addHosts, clockAt, drift, withStore } from './helpers/drift-fleet.js';
import { RecordingTerminator } from './helpers/recording-terminator.js';
import { stateCounts as states, testRunner } from './helpers/test-runner.js';

const at = clockAt(Date.UTC(2026, 0, 1, 12));
const MIN = 60_000;

test('a mass drift of one image group trips the governor: no more than the limit go, the rest wait, one page', async () => {
  await withStore(async (store) => {
    const fleet = await addHosts(store, 50, at(0), { imageId: 'ami-X' });
    const others = await addHosts(store, 10, at(0), { imageId: 'ami-Y', prefix: 'db' });
    const term = new RecordingTerminator();
    const { tick } = testRunner(store, term, at);

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
    const { tick } = testRunner(store, term, at, { settings: { maxTerminationsPerWindow: 5 } });
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
    const { tick } = testRunner(store, term, at, { settings: { dryRun: true } });
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
    const { tick } = testRunner(store, undefined, at);
    await drift(store, [hosts[0]!], at(MIN));
    await tick(MIN);
    const [t] = await store.listTerminations({ limit: 1 });
    assert.deepEqual([t!.state, t!.holdReason], ['dry_run', 'no terminator configured']);
  });
});
