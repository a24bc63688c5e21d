// What the termination runner queues for on-call: one governor page per
// tripped check and window (to every notifier, whatever its min_severity),
// a page when a termination fails for good, and the "resolved" that closes
// a terminated host's incident under the host's dedup key.
//
// NOTE for the integrator: these tests queue deliveries through
// sqlite-alerts.ts's enqueueDeliveries, which the alerts helper (branch
// h-alerts) implements; on h-gov alone, where it is still the stub, they fail
// with "alerts are not built yet". They pass once both branches are merged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GovernorSettings, Severity } from '../collector/policy/policy-types.js';
import type { Store } from '../collector/store/store.js';
import type { AlertMessage } from '../collector/store/response-store.js';
import { addHosts, clockAt, drift, withStore } from './helpers/drift-fleet.js';
import { RecordingTerminator, type Answer } from './helpers/recording-terminator.js';
import { testRunner } from './helpers/test-runner.js';

const at = clockAt(Date.UTC(2026, 0, 1, 12));
const MIN = 60_000;
// A pager that wants only critical drift, and a chat room that wants everything from medium up.
const NOTIFIERS: { name: string; minSeverity: Severity }[] = [{ name: 'pd', minSeverity: 'critical' }, { name: 'chat', minSeverity: 'medium' }];

function runner(store: Store, answer: Answer, settings: Partial<GovernorSettings> = {}): (ms: number) => Promise<void> {
  const { tick } = testRunner(store, new RecordingTerminator(() => answer), at, { settings, notifiers: NOTIFIERS, opts: { maxAttempts: 1 } });
  return tick;
}

async function queued(store: Store): Promise<Array<{ notifier: string; message: AlertMessage }>> {
  return (await store.listDeliveries({ limit: 1000 })).map((d) => ({ notifier: d.notifier, message: d.message }));
}

test('a mass drift queues exactly one governor page, to every notifier; the ten within the limit resolve their incidents', async () => {
  await withStore(async (store) => {
    const fleet = await addHosts(store, 50, at(0), { imageId: 'ami-X' });
    const tick = runner(store, 'confirm');
    await drift(store, fleet.slice(0, 10), at(MIN));
    await tick(MIN);
    await drift(store, fleet.slice(10, 42), at(2 * MIN));
    await tick(2 * MIN);
    await tick(3 * MIN);

    const all = await queued(store);
    const pages = all.filter((d) => d.message.type === 'governor');
    assert.deepEqual(pages.map((d) => d.notifier).sort(), ['chat', 'pd'], 'one page, to each notifier');
    const page = pages[0]!.message;
    assert.deepEqual(page, {
      type: 'governor', dedupKey: 'driftwatch/governor/fraction:image:ami-X', severity: 'critical', at: at(2 * MIN).toISOString(),
      summary: '42 of 50 hosts of image ami-X drifted within 10m: auto-termination paused (max_group_fraction 0.25 allows 12)',
      window: { start: at(2 * MIN - 10 * MIN).toISOString(), end: at(2 * MIN).toISOString() },
      action: page.action,
    });
    assert.match(page.action!, /drift-collector approve ID --reason/);

    const resolved = all.filter((d) => d.message.type === 'resolved');
    assert.equal(resolved.length, 20, 'ten hosts, two notifiers');
    const one = resolved.find((d) => d.message.host?.id === fleet[0]!.id && d.notifier === 'pd')!.message;
    assert.equal(one.dedupKey, `driftwatch/host/${fleet[0]!.id}`);
    assert.equal(one.host!.state, 'terminated');
    assert.equal(one.summary, 'web-1 was terminated (file_changed /usr/bin/ls; rule binaries)');
  });
});

test('a termination that fails for good pages on-call with the error', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    const tick = runner(store, 'fail');
    await drift(store, [hosts[0]!], at(0));
    await tick(0);
    const pages = (await queued(store)).filter((d) => d.message.type === 'governor');
    assert.equal(pages.length, 2);
    const [t] = await store.listTerminations({ limit: 1 });
    assert.equal(pages[0]!.message.dedupKey, `driftwatch/termination/${t!.id}`);
    assert.equal(pages[0]!.message.summary, `termination ${t!.id} of web-1 failed after 1 attempt: exit status 1 on call 1`);
  });
});

test('dry runs and terminations within the limits page nobody', async () => {
  await withStore(async (store) => {
    const hosts = await addHosts(store, 8, at(0));
    await drift(store, [hosts[0]!], at(0));
    await runner(store, 'sent', { dryRun: true })(0);
    await drift(store, [hosts[1]!], at(MIN));
    await runner(store, 'sent')(MIN);
    assert.deepEqual(await queued(store), []);
  });
});
