// Verdict to action, end to end: a real collector process configured with a
// signed webhook, PagerDuty (a local receiver checking the wire format) and an
// exec terminator that really runs; agents over real HTTP. A binary changed on
// one host of a three-host image group is alerted (HMAC verified), passes the
// governor, is terminated by the command with the host's facts in its
// environment, and its PagerDuty incident is resolved; an ignored change on
// another host alerts nobody and leaves it clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { api, waitFor } from './helpers/agent-process.js';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { startReceiver, type Receiver } from './helpers/http-receiver.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

const pb = driftwatch.v1;
const K = pb.EventKind;
const SECRET = 'e2e-webhook-secret-0123456789';
let dir: string;
let collector: CollectorProcess;
let webhook: Receiver;
let pagerduty: Receiver;
let marker: string;

before(async () => {
  dir = makeTempDir();
  webhook = await startReceiver();
  pagerduty = await startReceiver(() => ({ status: 202, body: '{"status":"success"}' }));
  marker = join(dir, 'terminated.txt');
  const script = join(dir, 'terminate-host');
  // Appends what it was told; values arrive only through the environment.
  writeFileSync(script, `#!/bin/sh\nprintf '%s %s %s\\n' "$DRIFTWATCH_HOST_ID" "$DRIFTWATCH_RULE" "$DRIFTWATCH_REASON" >> '${marker}'\necho terminated\n`);
  chmodSync(script, 0o755);
  const config = join(dir, 'collector.yaml');
  writeFileSync(config, [
    'alerts:', '  group_window_seconds: 0',
    'notifiers:',
    `  - {type: webhook, name: siem, url: "${webhook.url('/hook')}", secret: "${SECRET}"}`,
    `  - {type: pagerduty, name: oncall, url: "${pagerduty.url('/v2/enqueue')}", routing_key: "R0UT1NGKEY0123456789"}`,
    'terminator:', '  type: exec', `  command: ["${script}"]`, '  timeout_seconds: 10', '',
  ].join('\n'));
  collector = await startCollector(join(dir, 'collector.db'), ['--config', config]);
});

after(async () => {
  collector.child.kill('SIGTERM');
  await Promise.all([webhook.close(), pagerduty.close()]);
  removeTempDir(dir);
});

function overHttp(base: string): SendFn {
  return async (method, path, body, headers) => {
    const r = await fetch(`${base}${path}`, { method, headers, body: Buffer.from(body) });
    return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
  };
}

async function sealedHost(name: string): Promise<FakeAgent> {
  const agent = new FakeAgent(overHttp(collector.base), name, 'ami-e2e');
  assert.equal((await agent.enroll()).status, 200);
  const entry = { path: Buffer.from('/usr/bin/ls'), type: pb.FileType.FILE_TYPE_FILE, mode: 0o755, sha256: Buffer.alloc(32, 1) };
  assert.equal((await agent.post('/api/v1/agent/baseline', FakeAgent.baseline([entry]))).status, 200);
  return agent;
}

interface PdBody { routing_key: string; event_action: string; dedup_key: string; payload?: { summary: string; severity: string; source: string } }
const pdBodies = (): PdBody[] => pagerduty.requests.map((r) => JSON.parse(r.body) as PdBody);

test('a changed binary is alerted, passes the governor, is terminated by the command, and its incident resolves', async () => {
  const [a, b] = [await sealedHost('web-a'), await sealedHost('web-b'), await sealedHost('web-c')];
  const changed = a!.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/usr/bin/ls', { changes: [pb.Change.CHANGE_CONTENT] });
  assert.equal((await a!.post('/api/v1/agent/events', FakeAgent.batch([changed]))).status, 200);
  const ignored = b!.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/resolv.conf', { changes: [pb.Change.CHANGE_CONTENT] });
  assert.equal((await b!.post('/api/v1/agent/events', FakeAgent.batch([ignored]))).status, 200);

  const dedup = `driftwatch/host/${a!.hostId}`;
  const host = await waitFor('host web-a terminated', async () => {
    const h = (await api<{ host: { state: string } }>(collector.base, `/api/v1/hosts/${a!.hostId}`)).host;
    return h.state === 'terminated' ? h : undefined;
  }, 20_000, collector.logs);
  assert.equal(host.state, 'terminated');
  assert.equal(readFileSync(marker, 'utf8'), `${a!.hostId} binaries file_changed /usr/bin/ls\n`);

  // PagerDuty: a trigger, then the resolve of the same incident.
  await waitFor('the PagerDuty resolve', async () => (pdBodies().some((p) => p.event_action === 'resolve') ? true : undefined), 20_000, collector.logs);
  const pd = pdBodies();
  assert.deepEqual(pd.map((p) => [p.event_action, p.dedup_key]), [['trigger', dedup], ['resolve', dedup]]);
  assert.equal(pd[0]!.routing_key, 'R0UT1NGKEY0123456789');
  assert.equal(pd[0]!.payload!.severity, 'critical');
  assert.match(pd[0]!.payload!.summary, /^web-a \(ami-e2e\) drifted: 1 event.*file_changed \/usr\/bin\/ls -> terminate \(rule binaries\)/);

  // The webhook: one drift alert for web-a (none for web-b's ignored change), signed with the secret.
  const drift = webhook.requests.filter((r) => (JSON.parse(r.body) as { type: string }).type === 'drift');
  assert.equal(drift.length, 1);
  const req = drift[0]!;
  const ts = String(req.headers['x-driftwatch-timestamp']);
  const mac = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${req.body}`).digest('hex')}`);
  const sent = Buffer.from(String(req.headers['x-driftwatch-signature']));
  assert.ok(sent.length === mac.length && timingSafeEqual(sent, mac), 'the webhook signature verifies');
  const body = JSON.parse(req.body) as { host: { id: string }; worst: Array<{ path: string; verdict: string; rule: string }> };
  assert.equal(body.host.id, a!.hostId);
  assert.deepEqual(body.worst.map((w) => [w.path, w.verdict, w.rule]), [['/usr/bin/ls', 'terminate', 'binaries']]);

  // web-b: the verdict is stored, and the host stays clean.
  const bEvents = await api<{ events: Array<{ path: string; verdict: string; rule: string }> }>(collector.base, `/api/v1/hosts/${b!.hostId}/events`);
  assert.deepEqual(bEvents.events.map((e) => [e.path, e.verdict, e.rule]), [['/etc/resolv.conf', 'ignore', 'volatile-files']]);
  assert.equal((await api<{ host: { state: string } }>(collector.base, `/api/v1/hosts/${b!.hostId}`)).host.state, 'clean');

  // Every step is in the audit log, the governor's decision first.
  const audit = (await api<{ audit: Array<{ actor: string; action: string; detail: { termination_id?: number } }> }>(collector.base, '/api/v1/audit?limit=100')).audit;
  const steps = audit.filter((e) => e.action.startsWith('termination.')).map((e) => `${e.actor} ${e.action}`).reverse();
  assert.equal(steps[0], 'governor termination.approve');
  assert.ok(steps.includes('collector termination.done'), steps.join(', '));
});
