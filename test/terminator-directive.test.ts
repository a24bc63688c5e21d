// The agent terminator's SHUTDOWN directive in the collector's acknowledgements:
// carried in every Ack (events and heartbeats) of a terminating host whose
// termination by the agent terminator is executing or sent, and in no other;
// ordinary hosts cost no termination lookup at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../collector/http/app.js';
import { makeConfig } from '../collector/config.js';
import { createTerminator } from '../collector/actions/create-terminator.js';
import { TerminateError } from '../collector/actions/terminator.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { Store } from '../collector/store/store.js';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { ADMIN_TOKEN, ENROLL_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { countingStore, putTerminating } from './helpers/termination-rows.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

const pb = driftwatch.v1;
const K = pb.EventKind;
const SHUTDOWN = pb.Directive.Kind.KIND_SHUTDOWN;
let dir: string;
let dbPath: string;
let store: Store;
let calls: { list: number };
let app: FastifyInstance;
let send: SendFn;

before(async () => {
  dir = makeTempDir();
  dbPath = join(dir, 'c.db');
  const own = openSqliteStore(dbPath);
  await own.migrate();
  ({ store, calls } = countingStore(own));
  app = buildApp(store, makeConfig({ db: dbPath, adminToken: ADMIN_TOKEN, enrollToken: ENROLL_TOKEN }), pino({ level: 'silent' }));
  await app.ready();
  send = async (method, url, body, headers) => {
    const r = await app.inject({ method: method as 'POST', url, payload: Buffer.from(body), headers });
    return { status: r.statusCode, body: r.rawPayload };
  };
});

after(async () => {
  await app.close();
  await store.close();
  removeTempDir(dir);
});

async function enrolled(name: string): Promise<FakeAgent> {
  const agent = new FakeAgent(send, name);
  assert.equal((await agent.enroll()).status, 200);
  return agent;
}

async function heartbeatAck(agent: FakeAgent): Promise<driftwatch.v1.Ack> {
  const r = await agent.post('/api/v1/agent/heartbeat', pb.Heartbeat.encode({ lastSeq: 0 }).finish());
  assert.equal(r.status, 200, r.body.toString());
  return pb.Ack.decode(r.body);
}

async function eventsAck(agent: FakeAgent, path: string): Promise<driftwatch.v1.Ack> {
  const r = await agent.post('/api/v1/agent/events', FakeAgent.batch([agent.nextEvent(K.EVENT_KIND_FILE_ADDED, path)]));
  assert.equal(r.status, 200, r.body.toString());
  return pb.Ack.decode(r.body);
}

const plain = (ack: driftwatch.v1.Ack) => ack.directives.map((d) => ({ kind: d.kind, reason: d.reason }));

test('an ordinary host gets no directive, and its heartbeats and events cost no termination lookup', async () => {
  const agent = await enrolled('plain-1');
  const before = calls.list;
  for (let i = 0; i < 3; i++) assert.deepEqual(plain(await heartbeatAck(agent)), []);
  assert.deepEqual(plain(await eventsAck(agent, '/usr/bin/nc')), []);
  assert.equal(calls.list, before);
});

test('a terminating host with an executing or sent agent termination is told to shut down in every Ack', async () => {
  const agent = await enrolled('doomed-1');
  const id = putTerminating(dbPath, { hostId: agent.hostId, state: 'executing', terminator: 'agent', rule: 'binaries', reason: 'file_added /usr/bin/nc' });
  const expected = [{ kind: SHUTDOWN, reason: `termination ${id} by rule binaries: file_added /usr/bin/nc` }];
  assert.deepEqual(plain(await heartbeatAck(agent)), expected);
  assert.deepEqual(plain(await heartbeatAck(agent)), expected);
  assert.deepEqual(plain(await eventsAck(agent, '/usr/bin/socat')), expected);

  const sent = await enrolled('doomed-2');
  putTerminating(dbPath, { hostId: sent.hostId, state: 'sent', terminator: 'agent' });
  assert.equal((await heartbeatAck(sent)).directives[0]?.kind, SHUTDOWN);
});

test('no directive for another terminator, a termination not in flight, or a host not terminating', async () => {
  const byExec = await enrolled('exec-1');
  putTerminating(dbPath, { hostId: byExec.hostId, state: 'executing', terminator: 'exec' });
  const pending = await enrolled('pending-1');
  putTerminating(dbPath, { hostId: pending.hostId, state: 'pending_approval', terminator: '' });
  const done = await enrolled('done-1');
  putTerminating(dbPath, { hostId: done.hostId, state: 'done', terminator: 'agent' });
  const denied = await enrolled('drifted-1');
  putTerminating(dbPath, { hostId: denied.hostId, state: 'executing', terminator: 'agent' }, 'drifted');
  for (const agent of [byExec, pending, done, denied]) {
    assert.deepEqual(plain(await heartbeatAck(agent)), [], agent.hostname);
    assert.deepEqual(plain(await eventsAck(agent, '/etc/shadow')), [], agent.hostname);
  }
});

test('a long reason is bounded in the directive', async () => {
  const agent = await enrolled('long-1');
  putTerminating(dbPath, { hostId: agent.hostId, state: 'executing', terminator: 'agent', reason: `file_added /${'x'.repeat(4000)}` });
  const reason = (await heartbeatAck(agent)).directives[0]?.reason ?? '';
  assert.equal(reason.length, 1024);
  assert.match(reason, /^termination \d+ by rule binaries: file_added \/x+$/);
});

test('the agent terminator confirms nothing and checks the directive will be sent', async () => {
  const terminator = await createTerminator({ type: 'agent' }, store);
  const agent = await enrolled('agent-term-1');
  const id = putTerminating(dbPath, { hostId: agent.hostId, state: 'executing', terminator: 'agent' });
  const host = (await store.getHost(agent.hostId))!;
  const termination = (await store.getTermination(id))!;
  const outcome = await terminator.terminate(host, termination, new AbortController().signal);
  assert.equal(outcome.confirmed, false);
  assert.equal(outcome.detail.directive, 'shutdown');
  assert.equal(outcome.detail.reason, `termination ${id} by rule binaries: file_added /usr/bin/nc`);

  // A runner that did not record the terminator (or the host's state) would leave the host never told.
  const other = await enrolled('agent-term-2');
  const wrong = putTerminating(dbPath, { hostId: other.hostId, state: 'executing', terminator: 'exec' });
  await assert.rejects(
    terminator.terminate((await store.getHost(other.hostId))!, (await store.getTermination(wrong))!, new AbortController().signal),
    (err: unknown) => err instanceof TerminateError && /no shutdown directive would reach the agent/.test(err.message),
  );
});
