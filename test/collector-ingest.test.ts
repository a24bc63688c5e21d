// The collector's agent routes through fastify inject(): enrollment, signed
// requests, idempotent event batches, the hash chain, and every error code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { ADMIN_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';

const pb = driftwatch.v1;
const K = pb.EventKind;
let collector: TestCollector;
let app: FastifyInstance;

const send: SendFn = (method, url, body, headers) => collector.send(method, url, body, headers);

function errorCode(r: { body: Buffer }): string {
  return (JSON.parse(r.body.toString()) as { error: { code: string } }).error.code;
}

async function api(url: string, token = ADMIN_TOKEN): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: r.statusCode, json: JSON.parse(r.body) as Record<string, unknown> };
}

before(async () => {
  collector = await startTestCollector({ maxEventsPerBatch: 50, maxBaselineEntries: 3 });
  app = collector.app;
});
after(async () => collector.close());

test('enrollment needs the fleet token; a host starts pending', async () => {
  const bad = new FakeAgent(send);
  const r = await bad.enroll('wrong-token-000000000');
  assert.equal(r.status, 401);
  assert.equal(errorCode(r), 'COLLECTOR_ENROLL_TOKEN_INVALID');
  const agent = new FakeAgent(send);
  assert.equal((await agent.enroll()).status, 200);
  assert.match(agent.hostId, /^[0-9a-f]{32}$/);
  const { json } = await api(`/api/v1/hosts/${agent.hostId}`);
  assert.equal((json.host as { state: string }).state, 'pending');
});

test('baseline seals once: pending -> clean, a second upload is refused', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const files = [{ path: Buffer.from('/etc/hosts'), type: 1, sha256: Buffer.alloc(32, 1) }];
  // A root that is not the root of the entries is refused: image groups compare hosts by it.
  const lying = pb.BaselineUpload.encode({ manifest: { formatVersion: 1, merkleRoot: Buffer.alloc(32, 7), files } }).finish();
  const lied = await agent.post('/api/v1/agent/baseline', lying);
  assert.deepEqual([lied.status, errorCode(lied), JSON.parse(lied.body.toString()).error.message],
    [422, 'COLLECTOR_INGEST_INVALID', 'manifest merkle_root does not match its entries']);
  const outOfOrder = pb.BaselineUpload.encode({ manifest: { formatVersion: 1, merkleRoot: Buffer.alloc(32, 7),
    files: [{ path: Buffer.from('/b'), type: 1 }, { path: Buffer.from('/a'), type: 1 }] } }).finish();
  assert.match(JSON.parse((await agent.post('/api/v1/agent/baseline', outOfOrder)).body.toString()).error.message, /entries are malformed: entries out of order/);
  const upload = FakeAgent.baseline(files);
  assert.equal((await agent.post('/api/v1/agent/baseline', upload)).status, 200);
  const { json } = await api(`/api/v1/hosts/${agent.hostId}`);
  assert.equal((json.host as { state: string; baseline_root: string }).state, 'clean');
  assert.equal((json.host as { baseline_root: string }).baseline_root, Buffer.from(pb.BaselineUpload.decode(upload).manifest!.merkleRoot!).toString('hex'));
  const tooBig = new FakeAgent(send);
  await tooBig.enroll();
  const four = pb.BaselineUpload.encode({ manifest: { formatVersion: 1, merkleRoot: Buffer.alloc(32, 7), files: ['/a', '/b', '/c', '/d'].map((p) => ({ path: Buffer.from(p), type: 1 })) } }).finish();
  const refused = await tooBig.post('/api/v1/agent/baseline', four);
  assert.deepEqual([refused.status, errorCode(refused)], [422, 'COLLECTOR_INGEST_INVALID']);
  const again = await agent.post('/api/v1/agent/baseline', upload);
  assert.equal(again.status, 409);
  assert.equal(errorCode(again), 'COLLECTOR_BASELINE_SEALED');
});

test('an event batch is stored once, acknowledged, and makes the host drifted; a resend is idempotent', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const batch = FakeAgent.batch([agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/hosts', { changes: [pb.Change.CHANGE_CONTENT] }), agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/usr/bin/evil')]);
  const r1 = await agent.post('/api/v1/agent/events', batch);
  assert.equal(r1.status, 200, r1.body.toString());
  assert.equal(pb.Ack.decode(r1.body).ackedSeq, 2);
  const r2 = await agent.post('/api/v1/agent/events', batch); // resent with a fresh signature
  assert.equal(pb.Ack.decode(r2.body).ackedSeq, 2);
  const { json } = await api(`/api/v1/hosts/${agent.hostId}/events`);
  const events = json.events as Array<{ seq: number; kind: string; path: string; changes: string[]; verdict: unknown }>;
  assert.deepEqual(events.map((e) => [e.seq, e.kind, e.path]), [[1, 'file_changed', '/etc/hosts'], [2, 'file_added', '/usr/bin/evil']]);
  assert.deepEqual(events[0]!.changes, ['content']);
  assert.ok('verdict' in events[0]!);
  const host = await api(`/api/v1/hosts/${agent.hostId}`);
  assert.equal((host.json.host as { state: string }).state, 'drifted');
});

test('a sequence gap is recorded as a coverage_gap, never ignored', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const e1 = agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/a');
  agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/b'); // lost
  agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/c'); // lost
  const e4 = agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/d');
  const r = await agent.post('/api/v1/agent/events', FakeAgent.batch([e1, e4]));
  assert.equal(pb.Ack.decode(r.body).ackedSeq, 4);
  const { json } = await api(`/api/v1/hosts/${agent.hostId}/events`);
  const events = json.events as Array<{ seq: number; kind: string; detail?: string }>;
  assert.deepEqual(events.map((e) => [e.seq, e.kind]), [[1, 'file_added'], [2, 'coverage_gap'], [4, 'file_added']]);
  assert.match(events[1]!.detail ?? '', /2\.\.3 never arrived/);
});

test('a broken chain is recorded as a coverage_gap event before the event; a forged event hash is refused', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const e1 = agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/a');
  await agent.post('/api/v1/agent/events', FakeAgent.batch([e1]));
  const other = new FakeAgent(send); // a chain that does not continue from e1
  const e2 = (other.nextEvent(K.EVENT_KIND_FILE_ADDED, '/x'), other.nextEvent(K.EVENT_KIND_FILE_ADDED, '/y'));
  const r = await agent.post('/api/v1/agent/events', FakeAgent.batch([e2]));
  assert.equal(r.status, 200);
  const { json } = await api(`/api/v1/hosts/${agent.hostId}/events`);
  const events = json.events as Array<{ seq: number; kind: string; path: string; detail?: string }>;
  assert.deepEqual(events.map((e) => [e.seq, e.kind, e.path]), [[1, 'file_added', '/a'], [2, 'coverage_gap', ''], [2, 'file_added', '/y']]);
  assert.match(events[1]!.detail ?? '', /hash chain broken before event 2/);
  // A page never ends between the gap and the event that shares its seq: after_seq paging loses neither.
  const page = await api(`/api/v1/hosts/${agent.hostId}/events?after_seq=1&limit=1`);
  assert.deepEqual((page.json.events as typeof events).map((e) => [e.seq, e.kind]), [[2, 'coverage_gap'], [2, 'file_added']]);
  const first = await api(`/api/v1/hosts/${agent.hostId}/events?limit=1`);
  assert.deepEqual((first.json.events as typeof events).map((e) => e.seq), [1]);
  agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/y'); // seq 2 is taken by the event above
  const forged = pb.DriftEvent.encode({ ...pb.DriftEvent.decode(agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/z')), path: Buffer.from('/innocent') }).finish();
  const f = await agent.post('/api/v1/agent/events', FakeAgent.batch([forged]));
  assert.equal(f.status, 422);
  assert.equal(errorCode(f), 'COLLECTOR_INGEST_INVALID');
});

test('bad signature, unknown host, stale timestamp and replay are refused with their codes', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const path = '/api/v1/agent/heartbeat';
  const body = pb.Heartbeat.encode({ lastSeq: 0 }).finish();
  const headers = agent.signed(path, body);
  assert.equal((await send('POST', path, body, headers)).status, 200);
  const replay = await send('POST', path, body, headers);
  assert.deepEqual([replay.status, errorCode(replay)], [409, 'COLLECTOR_REPLAY']);
  const tampered = await send('POST', path, Buffer.from([...body, 0x18, 0x05]), agent.signed(path, body));
  assert.deepEqual([tampered.status, errorCode(tampered)], [401, 'COLLECTOR_SIGNATURE_INVALID']);
  const stale = await send('POST', path, body, agent.signed(path, body, Date.now() - 3_600_000));
  assert.deepEqual([stale.status, errorCode(stale)], [401, 'COLLECTOR_SIGNATURE_EXPIRED']);
  const stranger = new FakeAgent(send);
  stranger.hostId = 'f'.repeat(32);
  const unknown = await stranger.post(path, body);
  assert.deepEqual([unknown.status, errorCode(unknown)], [401, 'COLLECTOR_UNKNOWN_HOST']);
  const unsigned = await send('POST', path, body, { 'content-type': 'application/x-protobuf' });
  assert.deepEqual([unsigned.status, errorCode(unsigned)], [401, 'COLLECTOR_SIGNATURE_INVALID']);
});

test('wrong content type, malformed protobuf, oversized batch and oversized body get 4xx codes, and the collector goes on', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const json = await send('POST', '/api/v1/agent/enroll', Buffer.from('{}'), { 'content-type': 'application/json' });
  assert.deepEqual([json.status, errorCode(json)], [415, 'COLLECTOR_INGEST_CONTENT_TYPE']);
  const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]);
  const g = await send('POST', '/api/v1/agent/enroll', garbage, { 'content-type': 'application/x-protobuf' });
  assert.deepEqual([g.status, errorCode(g)], [400, 'COLLECTOR_INGEST_DECODE']);
  const many = FakeAgent.batch(Array.from({ length: 51 }, (_, i) => agent.nextEvent(K.EVENT_KIND_FILE_ADDED, `/f${i}`)));
  const m = await agent.post('/api/v1/agent/events', many);
  assert.deepEqual([m.status, errorCode(m)], [422, 'COLLECTOR_INGEST_INVALID']);
  const huge = Buffer.alloc(5 << 20);
  const h = await send('POST', '/api/v1/agent/events', huge, agent.signed('/api/v1/agent/events', huge));
  assert.deepEqual([h.status, errorCode(h)], [413, 'COLLECTOR_BODY_TOO_LARGE']);
  assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
});

test('the operator API needs the bearer token and validates its parameters', async () => {
  assert.equal((await api('/api/v1/hosts', 'nope')).status, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/hosts' })).statusCode, 401);
  const { status, json } = await api('/api/v1/hosts?state=drifted');
  assert.equal(status, 200);
  const hosts = json.hosts as Array<{ id: string; hostname: string; state: string }>;
  assert.ok(hosts.length >= 1 && hosts.every((h) => h.state === 'drifted' && h.hostname === 'web-1'));
  assert.equal((await api('/api/v1/hosts?state=sleepy')).status, 400);
  assert.equal((await api(`/api/v1/hosts/${'0'.repeat(32)}/events`)).status, 404);
  assert.equal((await api(`/api/v1/hosts/${hosts[0]!.id}/events?limit=0`)).status, 400);
  const summary = await api('/api/v1/summary');
  assert.equal((summary.json.hosts_by_state as Record<string, number>).drifted, hosts.length);
});

test('an agent reads back its state and the canonical baseline; both requests are signed and single-use', async () => {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const empty = new Uint8Array(0);
  const before = await agent.post('/api/v1/agent/state', empty);
  assert.equal(before.status, 200);
  const s0 = pb.AgentState.decode(before.body);
  assert.deepEqual([s0.baselineRoot.length, s0.ackedSeq, s0.lastEventHash.length], [0, 0, 0]);
  const missing = await agent.post('/api/v1/agent/baseline/fetch', empty);
  assert.deepEqual([missing.status, errorCode(missing)], [404, 'COLLECTOR_NOT_FOUND']);
  const upload = FakeAgent.baseline([{ path: Buffer.from('/etc/motd'), type: 1, sha256: Buffer.alloc(32, 3) }]);
  assert.equal((await agent.post('/api/v1/agent/baseline', upload)).status, 200);
  const e1 = agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/etc/x');
  assert.equal((await agent.post('/api/v1/agent/events', FakeAgent.batch([e1]))).status, 200);
  const s1 = pb.AgentState.decode((await agent.post('/api/v1/agent/state', empty)).body);
  assert.deepEqual(Buffer.from(s1.baselineRoot), Buffer.from(pb.BaselineUpload.decode(upload).manifest!.merkleRoot!));
  assert.equal(s1.ackedSeq, 1);
  assert.deepEqual(Buffer.from(s1.lastEventHash), Buffer.from(pb.DriftEvent.decode(e1).hash));
  const fetched = await agent.post('/api/v1/agent/baseline/fetch', empty);
  assert.deepEqual(Buffer.from(fetched.body), Buffer.from(upload)); // the bytes as sent, not a re-encoding
  // The same signed request again is a replay; unsigned is refused.
  const headers = agent.signed('/api/v1/agent/state', empty);
  assert.equal((await send('POST', '/api/v1/agent/state', empty, headers)).status, 200);
  const replay = await send('POST', '/api/v1/agent/state', empty, headers);
  assert.deepEqual([replay.status, errorCode(replay)], [409, 'COLLECTOR_REPLAY']);
  const unsigned = await send('POST', '/api/v1/agent/baseline/fetch', empty, { 'content-type': 'application/x-protobuf' });
  assert.equal(unsigned.status, 401);
});
