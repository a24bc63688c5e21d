// drift-collector serve as a real process on a real port, driven over real HTTP(S).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { startCollector } from './helpers/collector-process.js';

const pb = driftwatch.v1;

const fetchSend = (base: string): SendFn => async (method, path, body, headers) => {
  const r = await fetch(base + path, { method, body: Buffer.from(body), headers });
  return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
};

test('serve listens, ingests a signed batch over HTTP, answers the API, and stops cleanly on SIGTERM', async () => {
  const dir = makeTempDir();
  const { child, base, logs } = await startCollector(join(dir, 'c.db'));
  try {
    const agent = new FakeAgent(fetchSend(base));
    assert.equal((await agent.enroll()).status, 200);
    const r = await agent.post('/api/v1/agent/events', FakeAgent.batch([agent.nextEvent(pb.EventKind.EVENT_KIND_LOGIN, '', { login: { user: 'root', tty: 'pts/0', origin: '10.0.0.9' } })]));
    assert.equal(r.status, 200);
    assert.equal(pb.Ack.decode(r.body).ackedSeq, 1);
    const auth = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };
    const hosts = await (await fetch(`${base}/api/v1/hosts`, auth)).json() as { hosts: Array<{ id: string; hostname: string; state: string }> };
    assert.deepEqual(hosts.hosts.map((h) => [h.id, h.hostname, h.state]), [[agent.hostId, 'web-1', 'drifted']]);
    const events = await (await fetch(`${base}/api/v1/hosts/${agent.hostId}/events`, auth)).json() as { events: Array<{ kind: string; login: unknown }> };
    assert.deepEqual(events.events.map((e) => [e.kind, e.login]), [['login', { user: 'root', tty: 'pts/0', origin: '10.0.0.9' }]]);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit') as [number | null];
    assert.equal(code, 0);
    // Secrets never reach the log (every line the process wrote, to its exit).
    assert.ok(logs.some((l) => l.includes('host enrolled')), 'the log lacks the enrollment');
    const all = logs.join('\n');
    assert.ok(!all.includes(ADMIN_TOKEN) && !all.includes(ENROLL_TOKEN), 'a token was logged');
  } finally {
    child.kill('SIGKILL');
    removeTempDir(dir);
  }
});

test('a collector killed mid-batch leaves no partial batch: each batch is stored whole or not at all', async () => {
  const dir = makeTempDir();
  const db = join(dir, 'c.db');
  try {
    for (const delayMs of [0, 2, 5, 10, 20]) {
      const { child, base } = await startCollector(db);
      const agent = new FakeAgent(fetchSend(base), `crash-${delayMs}`);
      await agent.enroll();
      const batch = FakeAgent.batch(Array.from({ length: 1000 }, (_, i) => agent.nextEvent(pb.EventKind.EVENT_KIND_FILE_ADDED, `/f/${i}`)));
      const sent = agent.post('/api/v1/agent/events', batch).catch(() => undefined);
      await new Promise((r) => setTimeout(r, delayMs));
      child.kill('SIGKILL');
      await once(child, 'exit');
      await sent;
      const store = openSqliteStore(db);
      await store.migrate();
      const stored = await store.listEvents(agent.hostId, { limit: 5000 });
      const host = (await store.getHost(agent.hostId))!;
      await store.close();
      assert.ok(stored.length === 0 || stored.length === 1000, `delay ${delayMs}: ${stored.length} of 1000 events stored`);
      assert.equal(host.ackedSeq, stored.length, `delay ${delayMs}: ack ${host.ackedSeq} vs ${stored.length} stored`);
    }
  } finally {
    removeTempDir(dir);
  }
});

test('serve --tls-cert/--tls-key speaks HTTPS', async () => {
  const dir = makeTempDir();
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const { child, base } = await startCollector(join(dir, 'c.db'), ['--tls-cert', cert, '--tls-key', key]);
  try {
    assert.match(base, /^https:/);
    const body = await new Promise<string>((resolve, reject) => {
      request(`${base}/healthz`, { ca: readFileSync(cert) }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => { text += d.toString(); });
        res.on('end', () => resolve(text));
      }).on('error', reject).end();
    });
    assert.deepEqual(JSON.parse(body), { status: 'ok' });
  } finally {
    child.kill('SIGKILL');
    removeTempDir(dir);
  }
});
