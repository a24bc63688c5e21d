// The alert dispatcher on a real SQLite store with real local receivers:
// grouping, exactly-once delivery through a receiver's outage, backoff,
// expiry, refusals, restarts, ordering per incident, and the deliveries API.
// `now` is driven by the test: nothing sleeps for a backoff.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { AlertDispatcher, type DispatchSettings } from '../collector/actions/alert-dispatcher.js';
import type { NotifierConfig } from '../collector/actions/action-config.js';
import { createNotifiers } from '../collector/actions/notifiers.js';
import { startResponseEngine } from '../collector/actions/response-engine.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { AlertMessage } from '../collector/store/response-store.js';
import type { Store, StoredEvent } from '../collector/store/store.js';
import type { Severity, Verdict } from '../collector/policy/policy-types.js';
import { startReceiver, type Answer, type Receiver } from './helpers/http-receiver.js';
import { tempRoots } from './helpers/temp-tree.js';
import { startTestCollector } from './helpers/collector-app.js';
import { hashSecret } from '../collector/api/operator-auth.js';

const T0 = Date.UTC(2025, 0, 1);
const at = (ms: number) => new Date(T0 + ms);
const WINDOW = 60_000;
const HOUR = 3_600_000;
const SECRET = 'whsec-0123456789abcdef';
const newDir = tempRoots('driftwatch-alerts-');

const cleanups: (() => Promise<void>)[] = [];
after(async () => { for (const c of cleanups.reverse()) await c(); });

async function receiver(answer: (index: number) => Answer | 'hang' = () => ({ status: 200, body: 'ok' })): Promise<Receiver> {
  const r = await startReceiver((_req, i) => answer(i));
  cleanups.push(() => r.close());
  return r;
}

async function openStore(file = join(newDir(), 'c.db')): Promise<Store> {
  const store = openSqliteStore(file);
  await store.migrate();
  return store;
}

/** A logger whose lines the test reads (JSON objects). */
function captureLogs(): { logger: FastifyBaseLogger; lines: Record<string, unknown>[]; text: () => string } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>); done(); } });
  return { logger: pino({ level: 'info' }, sink), lines, text: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

function dispatcher(store: Store, configs: NotifierConfig[], logger: FastifyBaseLogger = pino({ level: 'silent' }), over: Partial<DispatchSettings> = {}): AlertDispatcher {
  // random 0.5: each retry waits 3/4 of its step (10 s, 20 s, … capped at 15 min), so the test knows when.
  return new AlertDispatcher(store, createNotifiers(configs), { deliveryTtlMs: 24 * HOUR, terminatorConfigured: true, random: () => 0.5, ...over }, logger);
}

const hook = (url: string, over: Partial<NotifierConfig> = {}): NotifierConfig =>
  ({ type: 'webhook', name: 'hook', url, secret: SECRET, minSeverity: 'info', timeoutMs: 5000, ...over }) as NotifierConfig;
const pd = (url: string, over: Partial<NotifierConfig> = {}): NotifierConfig =>
  ({ type: 'pagerduty', name: 'pd', url, routingKey: 'R0UT1NGKEY0123456789abcdefABCDEF', minSeverity: 'info', timeoutMs: 5000, ...over }) as NotifierConfig;

/** A host with events stored with their verdicts, as ingest stores them. */
async function driftedHost(store: Store, events: { path: string; verdict: Verdict; severity: Severity; rule: string }[]): Promise<string> {
  const host = await store.createHost({ hostname: 'web-1', machineId: 'm', instanceId: 'i-1', imageId: 'ami-0abc', os: 'l', kernel: 'k', labels: {} }, Buffer.alloc(32), at(0));
  const stored: StoredEvent[] = events.map((e, i) => ({
    hostId: host.id, seq: i + 1, kind: 'file_changed', path: e.path, changes: ['content'], receivedAt: at(1000 + i),
    payload: { kind: 'file_changed', path: e.path }, hash: (i + 1).toString(16).padStart(64, '0'),
    verdict: { verdict: e.verdict, severity: e.severity, rule: e.rule },
  }));
  await store.appendEvents(host.id, stored, stored.length, stored.at(-1)!.hash, 'drifted');
  return host.id;
}

const message = (dedupKey: string, type: AlertMessage['type'] = 'drift'): AlertMessage =>
  ({ type, dedupKey, summary: `${type} ${dedupKey}`, severity: 'high', at: at(0).toISOString() });

async function pendingOf(store: Store, notifier: string) {
  return (await store.listDeliveries({ state: 'pending', limit: 10 })).find((d) => d.notifier === notifier);
}

test('many events of one host in a window make one alert; a receiver failing three times still gets it exactly once', async () => {
  const store = await openStore();
  cleanups.push(() => store.close());
  const events = Array.from({ length: 12 }, (_, i) => ({ path: `/etc/app/f${i}`, verdict: 'alert' as Verdict, severity: 'medium' as Severity, rule: 'config' }));
  events[4] = { path: '/usr/bin/ls', verdict: 'terminate', severity: 'high', rule: 'binaries' };
  events[7] = { path: '/etc/resolv.conf', verdict: 'ignore', severity: 'info', rule: 'volatile' };
  const hostId = await driftedHost(store, events);
  const web = await receiver((i) => (i < 3 ? { status: 500, body: 'upstream down' } : { status: 204 }));
  const pager = await receiver(() => ({ status: 202 }));
  const logs = captureLogs();
  const d = dispatcher(store, [hook(web.url('/hook')), pd(pager.url(), { minSeverity: 'critical' })], logs.logger);

  assert.equal(await store.foldNewVerdicts(at(2000), WINDOW, 500), 11, 'the ignore verdict is not folded');
  await d.tick(at(2000 + WINDOW - 1));
  assert.equal(web.requests.length, 0, 'nothing is sent before the window ends');
  let now = 2000 + WINDOW;
  await d.tick(at(now));
  assert.equal(web.requests.length, 1);
  // Backoff: 10 s, 20 s, 40 s steps, each 3/4 with this jitter.
  for (const wait of [7500, 15_000, 30_000]) {
    const pending = await pendingOf(store, 'hook');
    assert.equal(pending!.nextAttemptAt.getTime(), T0 + now + wait);
    await d.tick(at(now + wait - 1));
    now += wait;
    await d.tick(at(now));
  }
  await d.tick(at(now + HOUR));
  assert.equal(web.requests.length, 4, 'three failures, one success, nothing after');
  assert.equal(pager.requests.length, 0, 'a high alert does not reach a critical-only notifier');

  const ids = new Set(web.requests.map((r) => r.headers['x-driftwatch-delivery']));
  assert.equal(ids.size, 1, 'every retry carries the same delivery id');
  const body = JSON.parse(web.requests[3]!.body) as { event_count: number; worst: { path: string }[]; summary: string; host: { id: string } };
  assert.equal(body.host.id, hostId);
  assert.equal(body.event_count, 11);
  assert.deepEqual(body.worst.map((w) => w.path), ['/usr/bin/ls', '/etc/app/f0', '/etc/app/f1', '/etc/app/f2', '/etc/app/f3']);
  assert.equal(body.summary, 'web-1 (ami-0abc) drifted: 11 events in 60 s, worst: file_changed /usr/bin/ls -> terminate (rule binaries)');

  const [delivered] = await store.listDeliveries({ state: 'delivered', limit: 10 });
  assert.deepEqual([delivered!.notifier, delivered!.attempts, delivered!.lastError, delivered!.deliveredAt?.getTime()], ['hook', 4, 'HTTP 500: upstream down', T0 + now]);
  assert.equal([...ids][0], delivered!.uuid);
  const failures = logs.lines.filter((l) => l.msg === 'delivery failed; retrying later');
  assert.deepEqual(failures.map((l) => [l.notifier, l.delivery, l.attempt, l.error]), [1, 2, 3].map((n) => ['hook', delivered!.id, n, 'HTTP 500: upstream down']));
  assert.ok(!logs.text().includes(web.url()) && !logs.text().includes(SECRET), 'no URL or secret in the logs');
});

test('a delivery never taken expires after its TTL, and one queued while nobody ran expires unattempted', async () => {
  const store = await openStore();
  cleanups.push(() => store.close());
  const web = await receiver(() => ({ status: 503 }));
  const logs = captureLogs();
  const d = dispatcher(store, [hook(web.url())], logs.logger, { deliveryTtlMs: HOUR });
  await store.enqueueDeliveries({ notifiers: ['hook'], message: message('k1'), ttlMs: HOUR }, at(0));
  let now = 0;
  for (let pending = await pendingOf(store, 'hook'); pending !== undefined; pending = await pendingOf(store, 'hook')) {
    now = pending.nextAttemptAt.getTime() - T0;
    await d.tick(at(now));
  }
  assert.ok(now < HOUR, 'given up at the last attempt before the TTL ends');
  await d.tick(at(2 * HOUR));
  const [expired] = await store.listDeliveries({ state: 'expired', limit: 10 });
  assert.deepEqual([expired!.lastError, expired!.attempts], ['HTTP 503', web.requests.length]);
  assert.equal(web.requests.length, 11, 'attempts at 0, 7.5, 22.5, 52.5, 112.5, 232.5, 472.5, 952.5, 1627.5, 2302.5, 2977.5 s');
  assert.ok(logs.lines.some((l) => l.msg === 'delivery expired: its TTL ends before another attempt' && l.attempt === 11));

  await store.enqueueDeliveries({ notifiers: ['hook'], message: message('k2'), ttlMs: HOUR }, at(3 * HOUR));
  await d.tick(at(5 * HOUR));
  assert.equal(web.requests.length, 11);
  const late = (await store.listDeliveries({ state: 'expired', limit: 10 })).find((x) => x.message.dedupKey === 'k2');
  assert.deepEqual([late!.lastError, late!.attempts], ['expired before any attempt', 0]);
  assert.ok(logs.lines.some((l) => l.msg === 'delivery expired undelivered' && l.delivery === late!.id));
});

test('a 400 from PagerDuty expires the delivery at once; a delivery to a notifier no longer configured expires with that reason', async () => {
  const store = await openStore();
  cleanups.push(() => store.close());
  const pager = await receiver(() => ({ status: 400, body: '{"status":"invalid event","message":"Event object is invalid"}' }));
  const d = dispatcher(store, [pd(pager.url())]);
  await store.enqueueDeliveries({ notifiers: ['pd', 'old-hook'], message: message('k'), ttlMs: HOUR }, at(0));
  await d.tick(at(0));
  await d.tick(at(HOUR / 2));
  assert.equal(pager.requests.length, 1);
  const expired = await store.listDeliveries({ state: 'expired', limit: 10 });
  assert.deepEqual(expired.map((x) => [x.notifier, x.attempts, x.lastError]).sort(), [
    ['old-hook', 1, 'notifier "old-hook" is no longer configured'],
    ['pd', 1, 'refused: HTTP 400: {"status":"invalid event","message":"Event object is invalid"}'],
  ]);
});

test('a restart delivers what was pending: close the store, reopen the file, a new dispatcher', async () => {
  const file = join(newDir(), 'c.db');
  const web = await receiver((i) => (i === 0 ? { status: 502 } : { status: 200 }));
  const first = await openStore(file);
  const d1 = dispatcher(first, [hook(web.url())]);
  await first.enqueueDeliveries({ notifiers: ['hook'], message: message('k'), ttlMs: HOUR }, at(0));
  await d1.tick(at(0));
  await d1.stop();
  await first.close();

  const second = await openStore(file);
  cleanups.push(() => second.close());
  const d2 = dispatcher(second, [hook(web.url())]);
  await d2.tick(at(7500));
  const [delivered] = await second.listDeliveries({ state: 'delivered', limit: 10 });
  assert.equal(delivered?.attempts, 2);
  assert.equal(web.requests.length, 2);
  assert.equal(web.requests[0]!.headers['x-driftwatch-delivery'], web.requests[1]!.headers['x-driftwatch-delivery']);
});

test('messages of one incident reach a notifier in order: a resolve waits while its trigger is retried', async () => {
  const store = await openStore();
  cleanups.push(() => store.close());
  const pager = await receiver((i) => (i === 0 ? { status: 500 } : { status: 202 }));
  // One send at a time, so the receiver sees the dispatcher's order.
  const d = dispatcher(store, [pd(pager.url())], undefined, { concurrency: 1 });
  await store.enqueueDeliveries({ notifiers: ['pd'], message: message('driftwatch/host/h1'), ttlMs: HOUR }, at(0));
  await store.enqueueDeliveries({ notifiers: ['pd'], message: message('driftwatch/host/h1', 'resolved'), ttlMs: HOUR }, at(1));
  await store.enqueueDeliveries({ notifiers: ['pd'], message: message('driftwatch/host/h2'), ttlMs: HOUR }, at(2));
  await d.tick(at(10));
  await d.tick(at(5000));
  await d.tick(at(7510));
  await d.tick(at(7511));
  const sent = pager.json().map((b) => { const e = b as { event_action: string; dedup_key: string }; return `${e.event_action} ${e.dedup_key}`; });
  assert.deepEqual(sent, ['trigger driftwatch/host/h1', 'trigger driftwatch/host/h2', 'trigger driftwatch/host/h1', 'resolve driftwatch/host/h1']);
});

/** A store and a dispatcher whose webhook receiver takes requests and never answers; `received` settles at the first request. */
async function hangingReceiver(over: Partial<DispatchSettings> = {}) {
  const store = await openStore();
  cleanups.push(() => store.close());
  let arrived!: () => void;
  const received = new Promise<void>((resolve) => { arrived = resolve; });
  const web = await receiver(() => { arrived(); return 'hang'; });
  return { store, web, received, d: dispatcher(store, [hook(web.url())], undefined, { stopGraceMs: 50, ...over }) };
}

test('stop() waits for an in-flight send, then cancels it; the delivery stays pending for the next start', async () => {
  const { store, web, received, d } = await hangingReceiver();
  await store.enqueueDeliveries({ notifiers: ['hook'], message: message('k'), ttlMs: HOUR }, at(0));
  const ticking = d.tick(at(0));
  await received;
  await d.stop();
  await ticking;
  const pending = await pendingOf(store, 'hook');
  assert.deepEqual([pending?.attempts, pending?.lastError], [1, 'cancelled: the collector is stopping']);
  await d.tick(at(HOUR / 2));
  assert.equal(web.requests.length, 1, 'a stopped dispatcher sends nothing more');
});

test('the response engine stops its dispatcher mid-tick: one send in flight is cancelled, the rest of the batch waits', async () => {
  const { store, web, received, d } = await hangingReceiver({ concurrency: 1 });
  const now = new Date();
  for (const key of ['a', 'b', 'c']) await store.enqueueDeliveries({ notifiers: ['hook'], message: message(key), ttlMs: HOUR }, now);
  const engine = startResponseEngine(store, [d], { alertWindowMs: WINDOW, intervalMs: HOUR }, pino({ level: 'silent' }));
  const ticking = engine.tickNow();
  await received;
  await engine.stop();
  await ticking;
  assert.equal(web.requests.length, 1);
  const pending = await store.listDeliveries({ state: 'pending', limit: 10 });
  assert.deepEqual(pending.map((x) => [x.message.dedupKey, x.attempts]), [['c', 0], ['b', 0], ['a', 1]]);
});

test('GET /api/v1/deliveries lists deliveries by state for a viewer, without URLs or secrets', async () => {
  const tc = await startTestCollector();
  cleanups.push(() => tc.close());
  const web = await receiver();
  await tc.store.enqueueDeliveries({ notifiers: ['hook', 'gone'], message: message('driftwatch/host/h1'), ttlMs: HOUR }, at(0));
  await dispatcher(tc.store, [hook(web.url())]).tick(at(0));
  const viewerToken = 'dwt_viewer-token-for-the-deliveries-test';
  await tc.store.createToken('on-call', 'viewer', hashSecret(viewerToken), at(0), 'test');
  const get = (url: string) => tc.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${viewerToken}` } });
  const res = await get('/api/v1/deliveries?state=delivered');
  assert.equal(res.statusCode, 200);
  const { deliveries } = res.json() as { deliveries: Record<string, unknown>[] };
  assert.equal(deliveries.length, 1);
  assert.deepEqual(
    { ...deliveries[0], delivery_id: typeof deliveries[0]!.delivery_id },
    {
      id: 1, delivery_id: 'string', notifier: 'hook', state: 'delivered', attempts: 1, last_error: '',
      created_at: at(0).toISOString(), expires_at: at(HOUR).toISOString(), next_attempt_at: null, delivered_at: at(0).toISOString(),
      message: {
        version: 1, type: 'drift', dedup_key: 'driftwatch/host/h1', summary: 'drift driftwatch/host/h1', severity: 'high', at: at(0).toISOString(),
        host: null, event_count: null, window: null, worst: [], action: null,
      },
    },
  );
  assert.deepEqual(((await get('/api/v1/deliveries')).json() as { deliveries: { notifier: string; state: string }[] }).deliveries.map((x) => [x.notifier, x.state]),
    [['gone', 'expired'], ['hook', 'delivered']]);
  assert.ok(!res.body.includes(web.url()) && !res.body.includes(SECRET));
  assert.equal((await get('/api/v1/deliveries?state=lost')).statusCode, 400);
  assert.equal((await get('/api/v1/deliveries?limit=0')).statusCode, 400);
  assert.equal((await tc.app.inject({ method: 'GET', url: '/api/v1/deliveries' })).statusCode, 401);
});
