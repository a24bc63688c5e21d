// Each notifier against a real local HTTP receiver: the exact wire payloads
// and headers (Slack, PagerDuty Events v2, the signed webhook), and how a
// receiver's answer becomes delivered / retriable / refused.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { alertJson } from '../collector/actions/alert-json.js';
import { driftMessage } from '../collector/actions/alert-message.js';
import { NotifyError } from '../collector/actions/notifier.js';
import { createNotifiers } from '../collector/actions/notifiers.js';
import { createWebhookNotifier } from '../collector/actions/webhook-notifier.js';
import type { AlertEvent, AlertMessage, AlertRecord } from '../collector/store/response-store.js';
import type { HostRecord } from '../collector/store/store.js';
import { startReceiver, type Answer, type Receiver } from './helpers/http-receiver.js';

const HOST_ID = 'a1'.repeat(16);
const SECRET = 'whsec-0123456789abcdef';
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
const DELIVERY = '5d0c7f4e-2b59-4a8e-9d8b-0f3e0b7a1c22';
const never = new AbortController().signal;

const receivers: Receiver[] = [];
after(async () => { await Promise.all(receivers.map((r) => r.close())); });
async function receiver(answer?: (index: number) => Answer | 'hang'): Promise<Receiver> {
  const r = await startReceiver(answer === undefined ? undefined : (_req, i) => answer(i));
  receivers.push(r);
  return r;
}

function host(hostname = 'web-1'): HostRecord {
  return {
    id: HOST_ID, facts: { hostname, machineId: 'm', instanceId: 'i-0abc', imageId: 'ami-0abc', os: 'debian 12', kernel: '6.1', labels: { role: 'web' } },
    publicKey: Buffer.alloc(32), state: 'drifted', enrolledAt: new Date(0), baselineRoot: 'r', baselineAt: new Date(0), lastSeenAt: null, ackedSeq: 12, lastEventHash: '',
  };
}

const ev = (seq: number, path: string, verdict: AlertEvent['verdict'], severity: AlertEvent['severity'], rule: string): AlertEvent =>
  ({ seq, kind: 'file_changed', path, subject: path, verdict, severity, rule, receivedAt: '2025-01-01T00:00:05.000Z' });

function alert(worst: AlertEvent[], over: Partial<AlertRecord> = {}): AlertRecord {
  return {
    id: 1, hostId: HOST_ID, openedAt: new Date('2025-01-01T00:00:00Z'), closesAt: new Date('2025-01-01T00:01:00Z'),
    eventCount: 12, severity: 'high', worst, terminationRequested: false, ...over,
  };
}

const DRIFT = driftMessage(alert([ev(3, '/usr/bin/ls', 'terminate', 'high', 'binaries'), ev(7, '/etc/motd', 'alert', 'medium', 'config')]), host(), { terminatorConfigured: true });

test('the drift message: one summary line on-call can act on, the action in words', () => {
  assert.equal(DRIFT.summary, 'web-1 (ami-0abc) drifted: 12 events in 60 s, worst: file_changed /usr/bin/ls -> terminate (rule binaries)');
  assert.equal(DRIFT.action, 'termination requested (governor decides)');
  assert.equal(DRIFT.dedupKey, `driftwatch/host/${HOST_ID}`);
  assert.equal(driftMessage(alert([ev(7, '/etc/motd', 'alert', 'medium', 'config')]), host(), { terminatorConfigured: true }).action, 'alert only: no automatic action');
  assert.match(driftMessage(alert([], { terminationRequested: true, eventCount: 1 }), host(), { terminatorConfigured: false }).action!, /no terminator is configured/);
  // A hostile name cannot add lines to the summary.
  const forged = driftMessage(alert([ev(1, '/tmp/x\nweb-2 (ami-0abc) is fine', 'alert', 'low', 'r')]), host('web-1\u202e'), { terminatorConfigured: true });
  assert.equal(forged.summary, 'web-1? (ami-0abc) drifted: 12 events in 60 s, worst: file_changed /tmp/x?web-2 (ami-0abc) is fine -> alert (rule r)');
});

test('webhook: the JSON body, signed over "<timestamp>.<body>" with the timestamp and delivery id in headers', async () => {
  const r = await receiver();
  const clock = () => Date.UTC(2025, 0, 1, 0, 1, 2, 500);
  await createWebhookNotifier({ type: 'webhook', name: 'hook', url: r.url('/in'), secret: SECRET, minSeverity: 'info', timeoutMs: 5000 }, clock)
    .send(DRIFT, DELIVERY, never);
  const [req] = r.requests;
  assert.equal(req!.method, 'POST');
  assert.equal(req!.path, '/in');
  assert.equal(req!.headers['content-type'], 'application/json');
  assert.equal(req!.headers['x-driftwatch-timestamp'], '1735689662');
  assert.equal(req!.headers['x-driftwatch-delivery'], DELIVERY);
  // The receiver's recipe (docs): recompute over the raw body, compare in constant time, check the age.
  const ts = req!.headers['x-driftwatch-timestamp'] as string;
  const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${req!.body}`).digest('hex')}`);
  const got = Buffer.from(req!.headers['x-driftwatch-signature'] as string);
  assert.ok(got.length === expected.length && timingSafeEqual(got, expected), 'the signature verifies');
  assert.deepEqual(JSON.parse(req!.body), {
    delivery_id: DELIVERY, version: 1, type: 'drift', dedup_key: `driftwatch/host/${HOST_ID}`,
    summary: 'web-1 (ami-0abc) drifted: 12 events in 60 s, worst: file_changed /usr/bin/ls -> terminate (rule binaries)',
    severity: 'high', at: '2025-01-01T00:01:00.000Z',
    host: { id: HOST_ID, hostname: 'web-1', image_id: 'ami-0abc', instance_id: 'i-0abc', labels: { role: 'web' }, state: 'drifted' },
    event_count: 12, window: { start: '2025-01-01T00:00:00.000Z', end: '2025-01-01T00:01:00.000Z' },
    worst: [
      { seq: 3, kind: 'file_changed', path: '/usr/bin/ls', subject: '/usr/bin/ls', verdict: 'terminate', severity: 'high', rule: 'binaries', received_at: '2025-01-01T00:00:05.000Z' },
      { seq: 7, kind: 'file_changed', path: '/etc/motd', subject: '/etc/motd', verdict: 'alert', severity: 'medium', rule: 'config', received_at: '2025-01-01T00:00:05.000Z' },
    ],
    action: 'termination requested (governor decides)',
  });
});

test('slack: the incoming-webhook blocks, and a hostile file name escaped so it cannot mention or link', async () => {
  const r = await receiver();
  const [slack] = createNotifiers([{ type: 'slack', name: 'slack', url: r.url('/services/T0/B0/tok'), minSeverity: 'info', timeoutMs: 5000 }]);
  await slack!.send(DRIFT, DELIVERY, never);
  assert.equal(r.requests[0]!.headers['content-type'], 'application/json');
  const summary = 'web-1 (ami-0abc) drifted: 12 events in 60 s, worst: file_changed /usr/bin/ls -&gt; terminate (rule binaries)';
  assert.deepEqual(r.json()[0], {
    text: summary,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `:rotating_light: *Drift* on *web-1* (severity high)\n${summary}` } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Worst 2 of 12 events*\n'
        + '• `file_changed` `/usr/bin/ls` → terminate (rule binaries, high)\n• `file_changed` `/etc/motd` → alert (rule config, medium)' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `host ${HOST_ID} · image ami-0abc · termination requested (governor decides)` }] },
    ],
  });

  const hostile = '/tmp/<!channel> <https://evil.example|click here> & <@U024BE7LH>`x';
  await slack!.send(driftMessage(alert([ev(1, hostile, 'alert', 'high', 'tmp')]), host('<!here>'), { terminatorConfigured: true }), DELIVERY, never);
  const body = r.requests[1]!.body;
  for (const raw of ['<!channel>', '<https://evil', '<@U024', '<!here>']) assert.ok(!body.includes(raw), `unescaped ${raw} reached Slack`);
  const sent = JSON.stringify(r.json()[1]);
  assert.ok(sent.includes('`/tmp/&lt;!channel&gt; &lt;https://evil.example|click here&gt; &amp; &lt;@U024BE7LH&gt;ˋx`'), sent);
  assert.ok(sent.includes('on *&lt;!here&gt;*'), sent);
});

test('pagerduty: Events v2 trigger keyed by host, resolve by the same key, governor pages by their own', async () => {
  const r = await receiver(() => ({ status: 202, body: '{"status":"success","message":"Event processed"}' }));
  const [pd] = createNotifiers([{ type: 'pagerduty', name: 'pd', url: r.url('/v2/enqueue'), routingKey: ROUTING_KEY, minSeverity: 'info', timeoutMs: 5000 }]);
  await pd!.send(DRIFT, DELIVERY, never);
  const resolved: AlertMessage = { type: 'resolved', dedupKey: DRIFT.dedupKey, summary: 'web-1 was terminated', severity: 'info', at: '2025-01-01T00:05:00.000Z' };
  await pd!.send(resolved, DELIVERY, never);
  const governor: AlertMessage = {
    type: 'governor', dedupKey: 'driftwatch/governor/image:ami-0abc/42', severity: 'critical', at: '2025-01-01T00:05:00.000Z',
    summary: '42 of 50 hosts of image ami-0abc drifted within 5 minutes: auto-termination paused',
  };
  await pd!.send(governor, DELIVERY, never);
  const [trigger, resolve, page] = r.json() as Record<string, unknown>[];
  assert.equal(r.requests[0]!.path, '/v2/enqueue');
  assert.deepEqual(trigger, {
    routing_key: ROUTING_KEY, event_action: 'trigger', dedup_key: `driftwatch/host/${HOST_ID}`,
    payload: {
      summary: DRIFT.summary, source: 'web-1', severity: 'error', timestamp: '2025-01-01T00:01:00.000Z',
      component: '/usr/bin/ls', group: 'ami-0abc', class: 'file_changed',
      custom_details: JSON.parse(JSON.stringify(alertJson(DRIFT))),
    },
  });
  assert.deepEqual(resolve, { routing_key: ROUTING_KEY, event_action: 'resolve', dedup_key: `driftwatch/host/${HOST_ID}` });
  assert.deepEqual((page as { payload: unknown }).payload, {
    summary: governor.summary, source: 'driftwatch-collector', severity: 'critical', timestamp: '2025-01-01T00:05:00.000Z',
    custom_details: { version: 1, type: 'governor', dedup_key: governor.dedupKey, summary: governor.summary, severity: 'critical', at: governor.at,
      host: null, event_count: null, window: null, worst: [], action: null },
  });
  assert.equal(page!.dedup_key, 'driftwatch/governor/image:ami-0abc/42');
});

async function failure(answer: Answer | 'hang' | 'closed'): Promise<NotifyError> {
  let url: string;
  if (answer === 'hang') {
    url = (await receiver(() => 'hang')).url('/v2/enqueue');
  } else if (answer === 'closed') {
    const r = await startReceiver();
    url = r.url('/v2/enqueue');
    await r.close();
  } else {
    url = (await receiver(() => answer)).url('/v2/enqueue');
  }
  const [pd] = createNotifiers([{ type: 'pagerduty', name: 'pd', url, routingKey: ROUTING_KEY, minSeverity: 'info', timeoutMs: 300 }]);
  try {
    await pd!.send(DRIFT, DELIVERY, never);
  } catch (err) {
    assert.ok(err instanceof NotifyError);
    for (const secret of [url, new URL(url).host, ROUTING_KEY, '/v2/enqueue']) assert.ok(!err.message.includes(secret), `error quotes ${secret}: ${err.message}`);
    return err;
  }
  assert.fail('the send succeeded');
}

test('answers: 400 refused for good, 429 and 5xx and network failures retriable, never quoting URL or key', async () => {
  const bad = await failure({ status: 400, body: `{"status":"invalid event","errors":["routing_key ${ROUTING_KEY} invalid"]}` });
  assert.deepEqual([bad.retriable, bad.message], [false, 'HTTP 400: {"status":"invalid event","errors":["routing_key [redacted] invalid"]}']);
  const limited = await failure({ status: 429, headers: { 'Retry-After': '30' } });
  assert.deepEqual([limited.retriable, limited.retryAfterMs, limited.message], [true, 30_000, 'HTTP 429']);
  const down = await failure({ status: 503, body: 'POST /v2/enqueue failed upstream\n<html>' });
  assert.deepEqual([down.retriable, down.message], [true, 'HTTP 503: POST [redacted] failed upstream?<html>']);
  const moved = await failure({ status: 302, headers: { Location: 'http://elsewhere.example/' } });
  assert.deepEqual([moved.retriable, moved.message], [false, 'HTTP 302 (redirects are not followed)']);
  const refusedConn = await failure('closed');
  assert.deepEqual([refusedConn.retriable, refusedConn.message], [true, 'cannot reach the receiver: ECONNREFUSED']);
  const silent = await failure('hang');
  assert.deepEqual([silent.retriable, silent.message], [true, 'no answer within 0.3 s']);
});
