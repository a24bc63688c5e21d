// Fleet views and protections: image groups and outliers, per-host rate limits, /metrics.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { ADMIN_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';

const pb = driftwatch.v1;
let collector: TestCollector;
let app: FastifyInstance;

const send: SendFn = (method, url, body, headers) => collector.send(method, url, body, headers);

async function api(url: string): Promise<Record<string, unknown>> {
  const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  assert.equal(r.statusCode, 200, r.body);
  return JSON.parse(r.body) as Record<string, unknown>;
}

function baseline(files: Array<[string, number]>): Uint8Array {
  return FakeAgent.baseline(files.map(([p, sha]) => ({ path: Buffer.from(p), type: 1, mode: 0o644, sha256: Buffer.alloc(32, sha) })));
}

function rootOf(upload: Uint8Array): string {
  return Buffer.from(pb.BaselineUpload.decode(upload).manifest!.merkleRoot!).toString('hex');
}

before(async () => {
  collector = await startTestCollector({ rateLimitPerSecond: 0.001, rateLimitBurst: 5 }); // no refill within a test run
  app = collector.app;
});
after(async () => collector.close());

test('a host whose baseline differs from the majority of its image group is an outlier, with the differing paths', async () => {
  const agents = [new FakeAgent(send, 'a', 'ami-1'), new FakeAgent(send, 'b', 'ami-1'), new FakeAgent(send, 'c', 'ami-1'), new FakeAgent(send, 'd', 'ami-2')];
  for (const a of agents) await a.enroll();
  const same: Array<[string, number]> = [['/etc/hosts', 1], ['/usr/bin/ls', 2]];
  for (const a of agents.slice(0, 2)) assert.equal((await a.post('/api/v1/agent/baseline', baseline(same))).status, 200);
  assert.equal((await agents[2]!.post('/api/v1/agent/baseline', baseline([['/etc/hosts', 1], ['/usr/bin/ls', 3], ['/usr/bin/nc', 4]]))).status, 200);
  const other: Array<[string, number]> = [['/etc/hosts', 5]];
  assert.equal((await agents[3]!.post('/api/v1/agent/baseline', baseline(other))).status, 200);
  const images = (await api('/api/v1/images')).images as Array<{ image_id: string; hosts: number; majority_root: string | null; outliers: string[] }>;
  assert.deepEqual(images.map((i) => [i.image_id, i.hosts, i.majority_root, i.outliers]), [
    ['ami-1', 3, rootOf(baseline(same)), [agents[2]!.hostId]],
    ['ami-2', 1, rootOf(baseline(other)), []],
  ]);
  const outlier = await api(`/api/v1/hosts/${agents[2]!.hostId}/outlier`);
  assert.equal(outlier.outlier, true);
  assert.deepEqual(outlier.differing_paths, ['/usr/bin/ls', '/usr/bin/nc']);
  const normal = await api(`/api/v1/hosts/${agents[0]!.hostId}/outlier`);
  assert.deepEqual([normal.outlier, normal.differing_paths], [false, []]);
});

test('a host over its rate limit gets 429 COLLECTOR_RATE_LIMITED; others are unaffected', async () => {
  const noisy = new FakeAgent(send, 'noisy');
  const quiet = new FakeAgent(send, 'quiet');
  await noisy.enroll();
  await quiet.enroll();
  const hb = pb.Heartbeat.encode({ lastSeq: 0 }).finish();
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await noisy.post('/api/v1/agent/heartbeat', hb)).status);
  assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
  assert.ok(statuses.slice(5).every((s) => s === 429), String(statuses));
  const limited = await noisy.post('/api/v1/agent/heartbeat', hb);
  assert.equal(JSON.parse(limited.body.toString()).error.code, 'COLLECTOR_RATE_LIMITED');
  assert.equal((await quiet.post('/api/v1/agent/heartbeat', hb)).status, 200);
});

test('/metrics exposes ingest counts and verdicts, errors by code, latencies, hosts, terminations and deliveries by state', async () => {
  const agent = new FakeAgent(send, 'm');
  await agent.enroll();
  // A new binary: the default policy's verdict is terminate; the response loop's fold requests the termination.
  await agent.post('/api/v1/agent/events', FakeAgent.batch([agent.nextEvent(pb.EventKind.EVENT_KIND_FILE_ADDED, '/usr/bin/x')]));
  await collector.store.foldNewVerdicts(new Date(), 60_000, 500);
  await send('POST', '/api/v1/agent/enroll', Buffer.from([0xff]), { 'content-type': 'application/x-protobuf' });
  const r = await app.inject({ method: 'GET', url: '/metrics' });
  assert.match(r.body, /^driftwatch_event_verdicts_total\{verdict="terminate"\} 1$/m);
  assert.match(r.body, /^driftwatch_terminations\{state="requested"\} 1$/m);
  assert.match(r.body, /^driftwatch_terminations\{state="pending_approval"\} 0$/m);
  assert.match(r.body, /^driftwatch_alert_deliveries\{state="pending"\} 0$/m);
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /^driftwatch_events_ingested_total\{kind="file_added"\} 1$/m);
  assert.match(r.body, /^driftwatch_errors_total\{code="COLLECTOR_INGEST_DECODE"\} 1$/m);
  assert.match(r.body, /^driftwatch_errors_total\{code="COLLECTOR_RATE_LIMITED"\} \d+$/m);
  assert.match(r.body, /^driftwatch_hosts\{state="drifted"\} 1$/m);
  assert.match(r.body, /^driftwatch_request_duration_seconds_bucket\{le="0\.05",route="\/api\/v1\/agent\/events",status="200"\} 1$/m);
  assert.doesNotMatch(r.body, /[0-9a-f]{32}/, 'host ids in metric labels');
});
