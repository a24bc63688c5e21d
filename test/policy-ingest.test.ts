// Verdicts at ingest and on the operator API: every stored event carries the
// verdict of the policy in force (the collector's own coverage gaps too), an
// ignored change leaves a host clean, and the policy is shown and reloaded
// through the API, a bad reload keeping the old policy, audited either way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import { FakeAgent, ADMIN_TOKEN } from './helpers/fake-agent.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

const pb = driftwatch.v1;
const K = pb.EventKind;
const CONTENT = { changes: [pb.Change.CHANGE_CONTENT] };

let dir: string;
before(() => {
  dir = makeTempDir();
});
after(() => removeTempDir(dir));

async function api(c: TestCollector, method: 'GET' | 'POST', url: string, token = ADMIN_TOKEN): Promise<{ status: number; json: Record<string, unknown> }> {
  const r = await c.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });
  return { status: r.statusCode, json: JSON.parse(r.body) as Record<string, unknown> };
}

/** An enrolled host (image ami-123, label role=web) with a sealed baseline. */
async function cleanHost(c: TestCollector): Promise<FakeAgent> {
  const agent = new FakeAgent(c.send);
  await agent.enroll();
  assert.equal((await agent.post('/api/v1/agent/baseline', FakeAgent.baseline([{ path: Buffer.from('/etc/hosts'), type: 1 }]))).status, 200);
  return agent;
}

async function send(agent: FakeAgent, events: Uint8Array[]): Promise<void> {
  const r = await agent.post('/api/v1/agent/events', FakeAgent.batch(events));
  assert.equal(r.status, 200, r.body.toString());
}

type EventJson = { seq: number; kind: string; path: string; verdict: string | null; severity: string | null; rule: string | null; recorded_by?: string };

async function eventsOf(c: TestCollector, agent: FakeAgent): Promise<EventJson[]> {
  return (await api(c, 'GET', `/api/v1/hosts/${agent.hostId}/events`)).json.events as EventJson[];
}

async function stateOf(c: TestCollector, agent: FakeAgent): Promise<string> {
  return ((await api(c, 'GET', `/api/v1/hosts/${agent.hostId}`)).json.host as { state: string }).state;
}

const brief = (e: EventJson): string => `${e.seq} ${e.kind} ${e.path} ${e.verdict}/${e.severity}/${e.rule}`;

test('default policy: an ignored /etc/resolv.conf change leaves the host clean; /usr/bin/ls makes it drifted; the API shows each verdict', async () => {
  const c = await startTestCollector();
  try {
    const agent = await cleanHost(c);
    await send(agent, [agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/resolv.conf', CONTENT)]);
    assert.equal(await stateOf(c, agent), 'clean');
    await send(agent, [agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/usr/bin/ls', CONTENT), agent.nextEvent(K.EVENT_KIND_AGENT_STOPPED, '')]);
    assert.equal(await stateOf(c, agent), 'drifted');
    assert.deepEqual((await eventsOf(c, agent)).map(brief), [
      '1 file_changed /etc/resolv.conf ignore/info/volatile-files',
      '2 file_changed /usr/bin/ls terminate/critical/binaries',
      '3 agent_stopped  flag/medium/agent-stopped',
    ]);
    // What ingest stored, not only what the API shows.
    const stored = await c.store.listEvents(agent.hostId, { limit: 10 });
    assert.deepEqual(stored.map((e) => e.verdict?.rule), ['volatile-files', 'binaries', 'agent-stopped']);
  } finally {
    await c.close();
  }
});

test("the collector's own coverage_gap events get a verdict; rules see the host's image and labels", async () => {
  const file = join(dir, 'labels.yaml');
  writeFileSync(file, `version: 1
rules:
  - {name: web-etc, match: {path: /etc/**, labels: {role: "web*"}, image: ami-1*}, verdict: terminate}
  - {name: gaps, match: {kind: coverage_gap}, verdict: alert, severity: high}
default: {verdict: flag}
`);
  const c = await startTestCollector({ policy: file });
  try {
    const agent = await cleanHost(c);
    agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/lost', CONTENT); // never sent: seq 1 becomes a gap
    await send(agent, [agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/hosts', CONTENT), agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/srv/x')]);
    const events = await eventsOf(c, agent);
    assert.deepEqual(events.map(brief), [
      '1 coverage_gap  alert/high/gaps',
      '2 file_changed /etc/hosts terminate/critical/web-etc',
      '3 file_added /srv/x flag/low/default',
    ]);
    assert.equal(events[0]!.recorded_by, 'collector');
  } finally {
    await c.close();
  }
});

test('events stored before there was a policy show verdict, severity and rule as null', async () => {
  const c = await startTestCollector();
  try {
    const agent = await cleanHost(c);
    await c.store.appendEvents(agent.hostId, [{
      hostId: agent.hostId, seq: 1, kind: 'file_added', path: '/x', changes: [], receivedAt: new Date(), payload: { kind: 'file_added', path: '/x' }, hash: 'aa',
    }], 1, 'aa');
    const [e] = await eventsOf(c, agent);
    assert.deepEqual([e!.verdict, e!.severity, e!.rule], [null, null, null]);
  } finally {
    await c.close();
  }
});

test('GET /api/v1/policy shows the policy in force to a viewer; reload needs admin', async () => {
  const c = await startTestCollector();
  try {
    const viewer = newSecret();
    await c.store.createToken('v', 'viewer', hashSecret(viewer), new Date(), 'test');
    const responder = newSecret();
    await c.store.createToken('r', 'responder', hashSecret(responder), new Date(), 'test');
    const { status, json } = await api(c, 'GET', '/api/v1/policy', viewer);
    assert.equal(status, 200);
    const policy = json.policy as Record<string, unknown>;
    assert.equal(policy.source, 'built-in default');
    assert.ok(!Number.isNaN(Date.parse(policy.loaded_at as string)));
    assert.deepEqual((policy.rules as Array<Record<string, unknown>>).find((r) => r.name === 'logins'),
      { name: 'logins', description: 'Nobody logs in to an immutable server.', verdict: 'terminate', severity: 'high', match: { kind: ['login'] } });
    assert.deepEqual(policy.default, { verdict: 'alert', severity: 'medium' });
    assert.deepEqual(policy.governor, {
      dry_run: false, window: '10m', max_terminations_per_window: 10, max_group_fraction: 0.25, min_healthy_per_group: 1,
      group_labels: [], approval: 'never', approval_above: 5,
    });
    for (const token of [viewer, responder]) assert.equal((await api(c, 'POST', '/api/v1/policy/reload', token)).status, 403);
  } finally {
    await c.close();
  }
});

test('reload through the API: a good file applies to the next batch; a bad one is 422 with the line, the old policy stays; both audited', async () => {
  const file = join(dir, 'reload.yaml');
  const policy = (verdict: string): string => `version: 1\nrules:\n  - name: srv-${verdict}\n    match: {path: /srv/**}\n    verdict: ${verdict}\n`;
  writeFileSync(file, policy('flag'));
  const c = await startTestCollector({ policy: file });
  try {
    const agent = await cleanHost(c);
    await send(agent, [agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/srv/a')]);

    writeFileSync(file, policy('terminate'));
    const good = await api(c, 'POST', '/api/v1/policy/reload');
    assert.equal(good.status, 200);
    assert.deepEqual(((good.json.policy as { rules: Array<{ name: string }> }).rules).map((r) => r.name), ['srv-terminate']);
    await send(agent, [agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/srv/b')]);

    writeFileSync(file, `${policy('alert')}  - name: broken\n    match: {kind: file_chaged}\n    verdict: alert\n`);
    const bad = await api(c, 'POST', '/api/v1/policy/reload');
    assert.equal(bad.status, 422);
    const error = bad.json.error as { code: string; message: string };
    assert.equal(error.code, 'COLLECTOR_POLICY_INVALID');
    assert.match(error.message, new RegExp(`^${file}:7: rules\\[1\\]\\.match\\.kind: "file_chaged" is not an event kind; .* \\(the policy loaded at .* stays in force\\)$`));
    await send(agent, [agent.nextEvent(K.EVENT_KIND_FILE_ADDED, '/srv/c')]);
    assert.equal(((await api(c, 'GET', '/api/v1/policy')).json.policy as { rules: Array<{ name: string }> }).rules[0]!.name, 'srv-terminate');

    assert.deepEqual((await eventsOf(c, agent)).map(brief), [
      '1 file_added /srv/a flag/low/srv-flag',
      '2 file_added /srv/b terminate/critical/srv-terminate',
      '3 file_added /srv/c terminate/critical/srv-terminate',
    ]);
    const audit = ((await api(c, 'GET', '/api/v1/audit')).json.audit as Array<{ actor: string; action: string; detail: Record<string, unknown> }>)
      .filter((a) => a.action === 'policy.reload').reverse();
    assert.deepEqual(audit.map((a) => [a.actor, a.detail.outcome, a.detail.source]), [['admin-token', 'loaded', file], ['admin-token', 'refused', file]]);
    assert.equal(audit[0]!.detail.rules, 1);
    assert.match(audit[1]!.detail.error as string, /:7: rules\[1\]\.match\.kind/);
  } finally {
    await c.close();
  }
});
