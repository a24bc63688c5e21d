// foldNewVerdicts groups the new alerting events of one call by host: each
// host's open alert is read and written once per call, with the right count,
// severity and worst events, however the hosts' events interleave; the first
// terminate verdict of a host requests its termination; events folded in a
// later call join the alert still open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventVerdict } from '../collector/policy/policy-types.js';
import type { AlertRecord } from '../collector/store/response-store.js';
import type { HostRecord, Store } from '../collector/store/store.js';
import { addHosts, clockAt, withStore } from './helpers/drift-fleet.js';

const at = clockAt(Date.parse('2026-01-01T00:00:00Z'));
const ALERT: EventVerdict = { verdict: 'alert', severity: 'medium', rule: 'config' };
const KILL: EventVerdict = { verdict: 'terminate', severity: 'critical', rule: 'binaries' };
const IGNORE: EventVerdict = { verdict: 'ignore', severity: 'info', rule: 'volatile' };

async function event(store: Store, h: HostRecord, path: string, verdict: EventVerdict): Promise<void> {
  const seq = (await store.getHost(h.id))!.ackedSeq + 1;
  const hash = seq.toString(16).padStart(64, '0');
  await store.appendEvents(h.id, [{
    hostId: h.id, seq, kind: 'file_changed', path, changes: ['content'], receivedAt: at(seq), payload: { kind: 'file_changed', path }, hash, verdict,
  }], seq, hash);
}

async function closedAlerts(store: Store, now: Date): Promise<Map<string, AlertRecord>> {
  const closed = new Map<string, AlertRecord>();
  await store.closeDueAlerts(now, (alert, host) => {
    closed.set(host.facts.hostname, alert);
    return { type: 'drift', dedupKey: host.id, summary: '', severity: alert.severity, at: now.toISOString() };
  }, () => [], 60_000);
  return closed;
}

test('interleaved hosts fold into one alert each, counted and ranked per host; the first terminate requests', async () => {
  await withStore(async (store) => {
    const [a, b] = await addHosts(store, 2, at(0));
    await event(store, a!, '/etc/a1', ALERT);
    await event(store, b!, '/etc/b1', ALERT);
    await event(store, a!, '/etc/resolv.conf', IGNORE);
    await event(store, b!, '/usr/bin/ls', KILL);
    await event(store, a!, '/etc/a2', ALERT);
    await event(store, b!, '/usr/bin/cat', KILL);
    assert.equal(await store.foldNewVerdicts(at(100), 60_000, 500), 5, 'the ignored event is not read');
    // Later events of an open alert join it.
    await event(store, a!, '/etc/a3', ALERT);
    assert.equal(await store.foldNewVerdicts(at(200), 60_000, 500), 1);
    assert.equal(await store.foldNewVerdicts(at(300), 60_000, 500), 0, 'the cursor moved past everything');

    assert.equal((await closedAlerts(store, at(60_099))).size, 0, 'the windows close 60 s after the first fold');
    const alerts = await closedAlerts(store, at(60_100));
    const alertA = alerts.get(a!.facts.hostname)!;
    const alertB = alerts.get(b!.facts.hostname)!;
    assert.deepEqual([alertA.eventCount, alertA.severity, alertA.worst.map((e) => e.path)], [3, 'medium', ['/etc/a1', '/etc/a2', '/etc/a3']]);
    assert.deepEqual([alertB.eventCount, alertB.severity, alertB.worst.map((e) => e.path)], [3, 'critical', ['/usr/bin/ls', '/usr/bin/cat', '/etc/b1']]);
    assert.equal(alertB.terminationRequested, true);

    const terminations = await store.listTerminations({ limit: 10 });
    assert.deepEqual(terminations.map((t) => [t.hostId, t.reason, t.eventSeq]), [[b!.id, 'file_changed /usr/bin/ls', 2]]);
  });
});
