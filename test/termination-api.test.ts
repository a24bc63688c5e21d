// Approving and denying held terminations on the operator API (fastify
// inject), with the runner deciding and executing against the same store.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pino } from 'pino';
import { createTerminationRunner, type TerminationRunner } from '../collector/actions/termination-runner.js';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import type { HostRecord, Role } from '../collector/store/store.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import { addHosts, DEFAULT_GOVERNOR, drift } from './helpers/drift-fleet.js';
import { ADMIN_TOKEN } from './helpers/fake-agent.js';
import { RecordingTerminator } from './helpers/recording-terminator.js';

let c: TestCollector;
let runner: TerminationRunner;
let hosts: HostRecord[];
const term = new RecordingTerminator();
const tokens = new Map<Role | 'admin-token', { id: string; secret: string }>();

async function call(method: 'GET' | 'POST', url: string, who: Role | 'admin-token', body?: unknown) {
  const r = await c.app.inject({
    method, url, headers: { authorization: `Bearer ${tokens.get(who)!.secret}` }, ...(body === undefined ? {} : { payload: body as object }),
  });
  const json = JSON.parse(r.body) as Record<string, unknown> & { error?: { code: string; message: string } };
  return { status: r.statusCode, code: json.error?.code, json };
}

type TerminationJson = Record<string, unknown> & { id: number; state: string; host_id: string };

async function held(): Promise<TerminationJson[]> {
  return (await call('GET', '/api/v1/terminations?state=pending_approval', 'viewer')).json.terminations as TerminationJson[];
}

before(async () => {
  c = await startTestCollector();
  tokens.set('admin-token', { id: 'admin-token', secret: ADMIN_TOKEN });
  for (const role of ['viewer', 'responder', 'admin'] as const) {
    const secret = newSecret();
    tokens.set(role, { id: (await c.store.createToken(`${role} token`, role, hashSecret(secret), new Date(), 'test')).id, secret });
  }
  runner = createTerminationRunner(c.store, term, () => ({ ...DEFAULT_GOVERNOR, approval: 'always' }), [],
    { silentAfterMs: 90_000, alertTtlMs: 3_600_000 }, pino({ level: 'silent' }));
  hosts = await addHosts(c.store, 8, new Date());
  await drift(c.store, hosts.slice(0, 4), new Date());
  await runner.tick(new Date());
});
after(async () => {
  await runner.stop();
  await c.close();
});

test('held terminations are listed and read by a viewer, and each host shows its termination in flight', async () => {
  const list = await held();
  assert.equal(list.length, 4);
  const t = list[0]!;
  assert.equal(t.hold_reason, 'governor approval is "always": every termination waits for a responder');
  assert.deepEqual([t.decided_by, t.rule, t.reason, t.terminator, t.attempts, t.retry_at], ['governor', 'binaries', 'file_changed /usr/bin/ls', '', 0, null]);
  const one = await call('GET', `/api/v1/terminations/${t.id}`, 'viewer');
  assert.deepEqual(one.json.termination, t);
  assert.match(String(t.hostname), /^web-\d$/);

  const host = await call('GET', `/api/v1/hosts/${t.host_id}`, 'viewer');
  assert.deepEqual((host.json.host as Record<string, unknown>).termination, { id: t.id, state: 'pending_approval', hold_reason: t.hold_reason });
  const all = (await call('GET', '/api/v1/hosts', 'viewer')).json.hosts as Array<{ id: string; termination: unknown }>;
  assert.equal(all.filter((h) => h.termination !== null).length, 4);
  assert.equal(all.find((h) => h.id === hosts[7]!.id)!.termination, null);

  assert.equal((await call('GET', `/api/v1/terminations?host=${hosts[0]!.id}`, 'viewer')).json.terminations instanceof Array, true);
  assert.equal(((await call('GET', '/api/v1/terminations?limit=2', 'viewer')).json.terminations as unknown[]).length, 2);
  for (const q of ['state=bogus', 'host=nothex', 'limit=0', 'limit=1001', 'state=done&state=sent']) {
    assert.deepEqual([(await call('GET', `/api/v1/terminations?${q}`, 'viewer')).code], ['COLLECTOR_BAD_REQUEST'], q);
  }
  for (const id of ['999999', '0', 'abc', '1e3']) {
    assert.equal((await call('GET', `/api/v1/terminations/${id}`, 'viewer')).code, 'COLLECTOR_NOT_FOUND', id);
  }
});

test('a responder approves: the termination runs on the next tick, and the audit log says who, when and why', async () => {
  const [t] = await held();
  const denied = await call('POST', `/api/v1/terminations/${t!.id}/approve`, 'viewer', { reason: 'go' });
  assert.deepEqual([denied.status, denied.code], [403, 'COLLECTOR_FORBIDDEN']);

  const before = Date.now();
  const r = await call('POST', `/api/v1/terminations/${t!.id}/approve`, 'responder', { reason: 'confirmed a rootkit on it (INC-42)' });
  assert.equal(r.status, 200);
  const got = r.json.termination as Record<string, unknown>;
  assert.deepEqual([got.state, got.decided_by, got.decision_reason, got.hold_reason],
    ['approved', tokens.get('responder')!.id, 'confirmed a rootkit on it (INC-42)', t!.hold_reason]);
  const again = await call('POST', `/api/v1/terminations/${t!.id}/approve`, 'responder', { reason: 'twice' });
  assert.deepEqual([again.status, again.code], [409, 'COLLECTOR_CONFLICT']);
  assert.match(again.json.error!.message, /is approved: only a termination pending approval can be approved/);

  const audit = (await call('GET', '/api/v1/audit?limit=5', 'admin')).json.audit as Array<{ at: string; actor: string; action: string; detail: Record<string, unknown> }>;
  const entry = audit.find((e) => e.action === 'termination.approve' && e.actor !== 'governor')!;
  assert.equal(entry.actor, tokens.get('responder')!.id);
  assert.ok(Date.parse(entry.at) >= before - 1000 && Date.parse(entry.at) <= Date.now());
  assert.deepEqual(entry.detail, {
    termination_id: t!.id, host_id: t!.host_id, reason: 'confirmed a rootkit on it (INC-42)', role: 'responder', hold_reason: t!.hold_reason,
  });

  await runner.tick(new Date());
  await runner.settled();
  assert.deepEqual(term.calls.map((x) => x.terminationId), [t!.id]);
  const after = (await call('GET', `/api/v1/terminations/${t!.id}`, 'viewer')).json.termination as Record<string, unknown>;
  assert.equal(after.state, 'done');
  const host = (await call('GET', `/api/v1/hosts/${t!.host_id}`, 'viewer')).json.host as Record<string, unknown>;
  assert.deepEqual([host.state, host.termination], ['terminated', null]);
});

test('deny keeps the host, and only a pending termination can be denied', async () => {
  const [t] = await held();
  const r = await call('POST', `/api/v1/terminations/${t!.id}/deny`, 'admin-token', { reason: 'a planned hotfix, see CHG-7' });
  assert.equal(r.status, 200);
  assert.deepEqual([(r.json.termination as Record<string, unknown>).state, (r.json.termination as Record<string, unknown>).decided_by], ['denied', 'admin-token']);
  assert.equal((await call('POST', `/api/v1/terminations/${t!.id}/deny`, 'responder', { reason: 'x' })).code, 'COLLECTOR_CONFLICT');
  assert.equal((await call('POST', `/api/v1/terminations/${t!.id}/approve`, 'responder', { reason: 'x' })).code, 'COLLECTOR_CONFLICT');
  await runner.tick(new Date());
  await runner.settled();
  assert.equal(term.calls.some((x) => x.terminationId === t!.id), false);
  assert.equal((await c.store.getHost(t!.host_id))!.state, 'drifted');
  const entry = (await c.store.listAudit(10)).find((e) => e.action === 'termination.deny')!;
  assert.deepEqual([entry.actor, entry.detail.reason], ['admin-token', 'a planned hotfix, see CHG-7']);
});

test('a decision needs a reason: one printable line of at most 500 characters, and nothing else', async () => {
  const [t] = await held();
  const url = `/api/v1/terminations/${t!.id}/approve`;
  const bad: unknown[] = [undefined, {}, [], [{ reason: 'go' }], { reason: '' }, { reason: '   ' }, { reason: 7 }, { reason: 'a\nb' },
    { reason: 'a\u202eb' }, { reason: 'x'.repeat(501) }, { reason: 'ok', by: 'me' }];
  for (const body of bad) {
    const r = await call('POST', url, 'responder', body);
    assert.deepEqual([r.status, r.code], [400, 'COLLECTOR_BAD_REQUEST'], JSON.stringify(body));
  }
  assert.equal((await call('POST', '/api/v1/terminations/999999/deny', 'responder', { reason: 'x' })).code, 'COLLECTOR_NOT_FOUND');
  assert.equal((await call('POST', url, 'responder', { reason: `${'ü'.repeat(500)}` })).status, 200, '500 characters, not bytes');
});
