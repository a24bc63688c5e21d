// drift-collector serve as a real process on a real port, driven over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { makeTempDir, removeTempDir, REPO_ROOT } from './helpers/temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN, FakeAgent } from './helpers/fake-agent.js';

const pb = driftwatch.v1;

test('serve listens, ingests a signed batch over HTTP, answers the API, and stops cleanly on SIGTERM', async () => {
  const dir = makeTempDir();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/drift-collector.js'), 'serve', '--db', join(dir, 'c.db'), '--listen', '127.0.0.1:0',
    '--admin-token', ADMIN_TOKEN, '--enroll-token', ENROLL_TOKEN], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const logs: string[] = [];
    const lines = createInterface({ input: child.stdout });
    const listening = new Promise<string>((resolve, reject) => {
      lines.on('line', (line) => {
        logs.push(line);
        const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (m !== null) resolve(m[1]!);
      });
      child.once('exit', () => reject(new Error(`collector exited before listening: ${logs.join('\n')}`)));
    });
    const base = await listening;
    const agent = new FakeAgent(async (method, path, body, headers) => {
      const r = await fetch(base + path, { method, body: Buffer.from(body), headers });
      return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
    });
    assert.equal((await agent.enroll()).status, 200);
    const r = await agent.post('/api/v1/agent/events', FakeAgent.batch([agent.nextEvent(pb.EventKind.EVENT_KIND_LOGIN, '', { login: { user: 'root', tty: 'pts/0', origin: '10.0.0.9' } })]));
    assert.equal(r.status, 200);
    assert.equal(pb.Ack.decode(r.body).ackedSeq, 1);
    const hosts = await (await fetch(`${base}/api/v1/hosts`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json() as { hosts: Array<{ id: string; hostname: string; state: string }> };
    assert.deepEqual(hosts.hosts.map((h) => [h.id, h.hostname, h.state]), [[agent.hostId, 'web-1', 'drifted']]);
    const events = await (await fetch(`${base}/api/v1/hosts/${agent.hostId}/events`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json() as { events: Array<{ kind: string; login: unknown }> };
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
