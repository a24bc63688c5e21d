// Captured content end to end: a real agent process seals a root, uploads
// its baseline's contents and reports changes with theirs to a real collector
// process; the diff comes back from the operator API, and the collector's
// SQLite file is searched for what must never reach it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { api, startAgent, stopAgent, stopAllAgents, waitFor, type AgentProcess, type ApiEvent, type ApiHost } from './helpers/agent-process.js';
import { captured, sha256, storedContents } from './helpers/content.js';
import { FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';

const pb = driftwatch.v1;
const SHADOW_HASH = '$y$j9T$Vq9rZ0s1ZbQ$ShadowSecretHashNeverSent';
let dir: string;
let collector: CollectorProcess;
let agent: AgentProcess;
let host: ApiHost;
const root = (): string => join(dir, 'root');
const db = (): string => join(dir, 'collector.db');

before(async () => {
  dir = makeTempDir();
  writeTree(root(), {
    'etc/app.conf': '# app settings\nlisten = 0.0.0.0\nport = 8080\nworkers = 4\n',
    'etc/db.conf': 'host = db.internal\nuser = app\npassword = hunter2-secret\n',
    'etc/shadow': `root:${SHADOW_HASH}:19000:0:99999:7:::\n`,
    'etc/hosts': '127.0.0.1 localhost\n',
  });
  collector = await startCollector(db());
  agent = startAgent(collector.base, root(), join(dir, 'state'), ['--paths', '/etc']);
  host = await waitFor('a sealed host', async () => {
    const h = (await api<{ hosts: ApiHost[] }>(collector.base, '/api/v1/hosts')).hosts[0];
    return h?.state === 'clean' ? h : undefined;
  }, 30_000, agent.logs);
  await waitFor('watching', async () => (agent.logs.some((l) => l.includes('"msg":"watching"')) ? true : undefined), 20_000, agent.logs);
  await waitFor('the baseline\'s contents', async () => (storedContents(db()).baseline.length >= 3 ? true : undefined), 20_000, agent.logs);
});

after(async () => {
  await stopAllAgents();
  collector.child.kill('SIGTERM');
  removeTempDir(dir);
});

async function eventOf(path: string, pred: (e: ApiEvent & Record<string, unknown>) => boolean = () => true): Promise<ApiEvent & Record<string, unknown>> {
  return waitFor(`an event on ${path}`, async () => {
    const { events } = await api<{ events: Array<ApiEvent & Record<string, unknown>> }>(collector.base, `/api/v1/hosts/${host.id}/events?limit=1000`);
    return events.find((e) => e.kind === 'file_changed' && e.path === path && pred(e));
  }, 20_000, agent.logs);
}

interface Diff { diff: string | null; redacted: boolean; reason: string | null; before: { sha256: string }; after: { sha256: string } }

test('the baseline goes up with its captured contents: denylisted files and secrets never do', () => {
  const stored = storedContents(db());
  assert.deepEqual(stored.baseline.map((b) => b.path), ['/etc/app.conf', '/etc/db.conf', '/etc/hosts']);
  assert.ok(stored.contents.includes('host = db.internal\nuser = app\npassword = [redacted]\n'), JSON.stringify(stored.contents));
  assert.ok(stored.contents.every((c) => !c.includes('hunter2') && !c.includes('ShadowSecret')));
});

test('a changed line of a captured file shows as a unified diff against the sealed baseline', async () => {
  const now = '# app settings\nlisten = 0.0.0.0\nport = 9090\nworkers = 4\n';
  writeFileSync(join(root(), 'etc/app.conf'), now);
  const e = await eventOf('/etc/app.conf');
  assert.deepEqual(e.content, { sha256: sha256(now).toString('hex'), size: now.length, redacted: false });
  const d = await api<Diff>(collector.base, `/api/v1/hosts/${host.id}/events/${e.seq}/diff`);
  assert.deepEqual(d.diff!.split('\n'), [
    '--- /etc/app.conf\tbaseline', `+++ /etc/app.conf\tseq ${e.seq}`, '@@ -1,4 +1,4 @@',
    ' # app settings', ' listen = 0.0.0.0', '-port = 8080', '+port = 9090', ' workers = 4', '',
  ]);
  assert.deepEqual([d.redacted, d.reason], [false, null]);
  assert.notEqual(d.before.sha256, d.after.sha256);
});

test('a changed /etc/shadow is an event whose content is stored nowhere', async () => {
  writeFileSync(join(root(), 'etc/shadow'), `root:${SHADOW_HASH}-changed:19001:0:99999:7:::\n`);
  const e = await eventOf('/etc/shadow');
  assert.equal(e.not_captured, 'denylisted');
  const d = await api<Diff>(collector.base, `/api/v1/hosts/${host.id}/events/${e.seq}/diff`);
  assert.deepEqual([d.diff, d.reason], [null, 'not captured: denylisted']);
  const stored = storedContents(db());
  assert.ok(!stored.events.some((r) => r.seq === e.seq), 'no content row for the event');
  assert.ok(!stored.baseline.some((r) => r.path === '/etc/shadow'));
  assert.ok(stored.contents.every((c) => !c.includes('ShadowSecret') && !c.includes('root:')), 'no stored content holds the file');
});

test('a credential line is redacted in the stored content; the diff shows the other lines that moved', async () => {
  writeFileSync(join(root(), 'etc/db.conf'), 'host = db.internal\nuser = app2\npassword = rotated-secret\n');
  const e = await eventOf('/etc/db.conf');
  assert.equal((e.content as { redacted: boolean }).redacted, true);
  const d = await api<Diff>(collector.base, `/api/v1/hosts/${host.id}/events/${e.seq}/diff`);
  assert.equal(d.redacted, true);
  assert.match(d.diff!, /\n-user = app\n\+user = app2\n password = \[redacted\]\n/);
  const stored = storedContents(db());
  assert.ok(stored.contents.includes('host = db.internal\nuser = app2\npassword = [redacted]\n'));
  assert.ok(stored.contents.every((c) => !c.includes('rotated-secret') && !c.includes('hunter2')));
});

test('a change made while the agent was down comes with its content from the rescan at start', async () => {
  assert.equal(existsSync(join(dir, 'state', 'baseline-content.pb')), false, 'uploaded, then removed');
  assert.equal(await stopAgent(agent), 0);
  const now = '# app settings\nlisten = 127.0.0.1\nport = 9090\nworkers = 4\n';
  writeFileSync(join(root(), 'etc/app.conf'), now);
  agent = startAgent(collector.base, root(), join(dir, 'state'), ['--paths', '/etc']);
  const e = await eventOf('/etc/app.conf', (x) => (x.content as { sha256?: string } | undefined)?.sha256 === sha256(now).toString('hex'));
  const d = await api<Diff>(collector.base, `/api/v1/hosts/${host.id}/events/${e.seq}/diff`);
  assert.match(d.diff!, /\n-listen = 0\.0\.0\.0\n-port = 8080\n\+listen = 127\.0\.0\.1\n\+port = 9090\n/);
});

test('the collector process refuses a decompression bomb with 422 COLLECTOR_CONTENT_INVALID', async () => {
  const send: SendFn = async (method, path, body, headers) => {
    const r = await fetch(`${collector.base}${path}`, { method, body, headers });
    return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
  };
  const fake = new FakeAgent(send, 'bomber');
  assert.equal((await fake.enroll()).status, 200);
  const conf = 'a = 1\n';
  const entry = { path: Buffer.from('/etc/a.conf'), type: 1, sha256: sha256(conf) };
  assert.equal((await fake.post('/api/v1/agent/baseline', FakeAgent.baseline([entry]))).status, 200);
  // 16 MiB of zeros deflate to 16 KB; declared as 20,000 bytes, inflation stops at 20,001.
  const bomb = { sha256: sha256(conf), compressed: deflateRawSync(Buffer.alloc(16 << 20), { level: 9 }), size: 20_000 };
  const refusals = [
    await fake.post('/api/v1/agent/content', pb.ContentUpload.encode({ contents: [captured(conf), bomb] }).finish()),
    await fake.post('/api/v1/agent/events', FakeAgent.batch([fake.nextEvent(pb.EventKind.EVENT_KIND_FILE_ADDED, '/etc/b.conf', {
      after: { path: Buffer.from('/etc/b.conf'), type: 1, sha256: sha256(conf) }, content: bomb,
    })])),
  ];
  for (const r of refusals) {
    assert.equal(r.status, 422);
    assert.equal((JSON.parse(r.body.toString()) as { error: { code: string } }).error.code, 'COLLECTOR_CONTENT_INVALID');
    assert.match(r.body.toString(), /inflates to more than the declared 20000 bytes/);
  }
  const hosts = (await api<{ hosts: ApiHost[] }>(collector.base, '/api/v1/hosts')).hosts;
  assert.equal(hosts.find((h) => h.hostname === 'bomber')!.acked_seq, 0);
});
