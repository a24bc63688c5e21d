// drift-agent run end to end: a real agent process on a temporary root, a
// real collector process, real HTTP, real SQLite on both sides.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { api, startAgent, stopAgent, waitFor, type ApiEvent, type ApiHost, type AgentProcess } from './helpers/agent-process.js';
import { runAgent } from './helpers/run-cli.js';
import { parseManifest } from '../agent/codec/load-manifest.js';
import { encodeManifest } from '../agent/codec/manifest-proto.js';
import { buildManifest } from '../agent/fingerprint/build-manifest.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';

let dir: string;
let collector: CollectorProcess;
const root = (): string => join(dir, 'root');
const state = (): string => join(dir, 'state');

before(async () => {
  dir = makeTempDir();
  writeTree(root(), {
    'etc/hosts': '127.0.0.1 localhost\n', 'etc/passwd': 'root:x:0:0::/root:/bin/sh\n', 'etc/ssh/sshd_config': 'PermitRootLogin no\n',
    'usr/bin/ls': 'ls binary', 'usr/bin/cat': 'cat binary',
  });
  collector = await startCollector(join(dir, 'collector.db'));
});

after(async () => {
  collector.child.kill('SIGTERM');
  removeTempDir(dir);
});

async function hostOf(): Promise<ApiHost | undefined> {
  const { hosts } = await api<{ hosts: ApiHost[] }>(collector.base, '/api/v1/hosts');
  return hosts[0];
}

async function events(hostId: string): Promise<ApiEvent[]> {
  return (await api<{ events: ApiEvent[] }>(collector.base, `/api/v1/hosts/${hostId}/events?limit=1000`)).events;
}

function eventWhere(hostId: string, pred: (e: ApiEvent) => boolean, agent: AgentProcess, what: string): Promise<ApiEvent> {
  return waitFor(what, async () => (await events(hostId)).find(pred), 20_000, agent.logs);
}

function start(): AgentProcess {
  return startAgent(collector.base, root(), state(), ['--paths', '/etc,/usr/bin']);
}

test('the agent seals, uploads, reports a change live, stops cleanly and reports what changed while it was down', async () => {
  let agent = start();
  const host = await waitFor('a sealed host', async () => {
    const h = await hostOf();
    return h !== undefined && h.state === 'clean' ? h : undefined;
  }, 30_000, agent.logs);
  assert.match(host.baseline_root, /^[0-9a-f]{64}$/);
  assert.equal(statSync(join(state(), 'agent.key')).mode & 0o777, 0o600);
  assert.equal(statSync(state()).mode & 0o777, 0o700);
  await waitFor('watching', async () => (agent.logs.some((l) => l.includes('"msg":"watching"')) ? true : undefined), 20_000, agent.logs);

  writeFileSync(join(root(), 'etc/hosts'), '127.0.0.1 localhost\n10.0.0.66 evil\n');
  const changed = await eventWhere(host.id, (e) => e.kind === 'file_changed' && e.path === '/etc/hosts', agent, '/etc/hosts change');
  assert.deepEqual(changed.changes, ['content']);
  writeFileSync(join(root(), 'usr/bin/nc'), 'netcat');
  await eventWhere(host.id, (e) => e.kind === 'file_added' && e.path === '/usr/bin/nc', agent, 'file_added /usr/bin/nc');
  assert.equal((await hostOf())!.state, 'drifted');

  assert.equal(await stopAgent(agent), 0);
  await eventWhere(host.id, (e) => e.kind === 'agent_stopped', agent, 'agent_stopped');

  // While the agent is down: a change it must report on its return, and nothing it already reported again.
  unlinkSync(join(root(), 'usr/bin/cat'));
  agent = start();
  await eventWhere(host.id, (e) => e.kind === 'file_removed' && e.path === '/usr/bin/cat', agent, 'removal made while down');
  const all = await events(host.id);
  assert.equal(all.filter((e) => e.path === '/etc/hosts').length, 1, JSON.stringify(all));
  assert.deepEqual(all.map((e) => e.seq), [...all.map((e) => e.seq)].sort((a, b) => a - b));

  const status = runAgent(['status', '--state-dir', state(), '--json']);
  assert.equal(status.status, 0, status.stderr);
  const s = JSON.parse(status.stdout) as Record<string, unknown>;
  assert.equal(s.host_id, host.id);
  assert.equal(s.collector_status, 'reachable');
  assert.equal(typeof s.baseline_sealed_at, 'string');
  assert.equal(s.running_pid, agent.child.pid);
  assert.equal(await stopAgent(agent), 0);
});

test('an edited local baseline is detected and replaced by the collector\'s copy', async () => {
  const host = (await hostOf())!;
  const file = join(state(), 'baseline.pb');
  const original = readFileSync(file);
  // An attacker who edits an entry and recomputes the root: the file verifies on its own.
  const m = await parseManifest(original, file).complete;
  const files = m.files.map((f) => (f.path === '/usr/bin/ls' ? { ...f, sha256: 'ab'.repeat(32) } : f));
  writeFileSync(file, encodeManifest(buildManifest({ ...m, files })));
  const agent = start();
  const gap = await eventWhere(host.id, (e) => e.kind === 'coverage_gap' && /baseline/.test(e.detail ?? ''), agent, 'baseline tamper gap');
  assert.match(gap.detail!, /differs from the collector's sealed copy/);
  await waitFor('baseline restored', async () => (readFileSync(file).equals(original) ? true : undefined), 20_000, agent.logs);
  assert.equal(await stopAgent(agent), 0);
});

test('a damaged local baseline is reported and restored from the collector', async () => {
  const host = (await hostOf())!;
  const file = join(state(), 'baseline.pb');
  const original = readFileSync(file);
  writeFileSync(file, original.subarray(0, original.length - 40)); // truncated
  const agent = start();
  const gap = await eventWhere(host.id, (e) => e.kind === 'coverage_gap' && /restoring the collector's copy/.test(e.detail ?? ''), agent, 'damaged baseline gap');
  assert.match(gap.detail!, /baseline\.pb/);
  await waitFor('baseline restored', async () => (readFileSync(file).equals(original) ? true : undefined), 20_000, agent.logs);
  assert.equal(await stopAgent(agent), 0);
});

test('with the collector down, events wait in the outbox and arrive when it returns', async () => {
  const host = (await hostOf())!;
  const agent = start();
  await waitFor('watching', async () => (agent.logs.some((l) => l.includes('"msg":"watching"')) ? true : undefined), 20_000, agent.logs);
  const port = new URL(collector.base).port;
  collector.child.kill('SIGTERM');
  await once(collector.child);
  writeFileSync(join(root(), 'etc/ssh/sshd_config'), 'PermitRootLogin yes\n');
  await waitFor('event queued', async () => {
    const s = JSON.parse(runAgent(['status', '--state-dir', state(), '--json']).stdout) as { events_queued: number; collector_status: string };
    return s.events_queued > 0 && /unreachable/.test(s.collector_status) ? true : undefined;
  }, 20_000, agent.logs);
  collector = await startCollector(join(dir, 'collector.db'), ['--listen', `127.0.0.1:${port}`]);
  await eventWhere(host.id, (e) => e.kind === 'file_changed' && e.path === '/etc/ssh/sshd_config', agent, 'queued event delivered');
  assert.equal(await stopAgent(agent), 0);
});

function once(child: { once: (e: 'exit', f: () => void) => unknown; exitCode: number | null }): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((r) => { child.once('exit', r); });
}
