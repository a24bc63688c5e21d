// When the baseline is taken: real agents configured by YAML files (seal.when
// manual and file) against one real collector. Until the condition holds the
// host is enrolled but pending and nothing is sealed; then it seals once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { startAgent, stopAgent, stopAllAgents, waitFor, type AgentProcess, type ApiHost } from './helpers/agent-process.js';
import { hostById, waitEnrolled, waitHostState, waitLog, waitWatching } from './helpers/agent-host.js';
import { runAgent } from './helpers/run-cli.js';
import { makeTempDir, put, removeTempDir, writeTree } from './helpers/temp-tree.js';

let dir: string;
let collector: CollectorProcess;

before(async () => {
  dir = makeTempDir('driftwatch-seal-');
  collector = await startCollector(join(dir, 'collector.db'));
});

after(async () => {
  await stopAllAgents();
  collector.child.kill('SIGTERM');
  removeTempDir(dir);
});

/** A root, a state directory and a YAML config with this seal section; the agent started on them. */
function agentWith(name: string, sealYaml: string, extra: string[] = []): { agent: AgentProcess; root: string; state: string } {
  const root = join(dir, name, 'root');
  const state = join(dir, name, 'state');
  writeTree(root, { 'etc/hosts': '127.0.0.1 localhost\n', 'etc/motd': 'hello\n' });
  const config = join(dir, name, 'agent.yaml');
  writeFileSync(config, `# ${name}\npaths: [/etc]\nheartbeat_interval: 1s\n${sealYaml}`);
  const agent = startAgent(collector.base, root, state, ['--config', config, ...extra]);
  return { agent, root, state };
}

const lastSeen = async (base: string, id: string): Promise<string | null> => (await hostById(base, id) as ApiHost & { last_seen_at: string | null }).last_seen_at;

/**
 * The agent is waiting: enrolled, pending at the collector, heartbeating (so
 * it does not go silent), no baseline, for longer than its 1 s poll.
 */
async function assertWaiting(base: string, state: string, agent: AgentProcess): Promise<string> {
  await waitLog(agent, 'no baseline yet: waiting for the seal condition');
  const id = await waitEnrolled(state, agent);
  const seen = await waitFor('a heartbeat', async () => (await lastSeen(base, id)) ?? undefined, 20_000, agent.logs);
  await sleep(1500);
  const host = await hostById(base, id);
  assert.ok(Date.parse((await lastSeen(base, id))!) > Date.parse(seen), 'no heartbeat while waiting for the seal');
  assert.equal(host.state, 'pending');
  assert.equal(host.baseline_root, '');
  assert.equal(existsSync(join(state, 'baseline.pb')), false, 'sealed before the condition held');
  assert.equal(agent.logs.some((l) => l.includes('"msg":"baseline sealed"')), false);
  return id;
}

test('seal.when manual: enrolled and pending until `drift-agent seal`, then sealed and clean', async () => {
  const { agent, state } = agentWith('manual', 'seal:\n  when: manual\n');
  const id = await assertWaiting(collector.base, state, agent);

  const seal = runAgent(['seal', '--state-dir', state]);
  assert.equal(seal.status, 0, seal.stderr);
  assert.match(seal.stdout, /seal requested/);
  const host = await waitHostState(collector.base, id, 'clean', agent);
  assert.match(host.baseline_root, /^[0-9a-f]{64}$/);
  assert.ok(existsSync(join(state, 'baseline.pb')));
  await waitWatching(agent);
  assert.equal(existsSync(join(state, 'seal-request')), false, 'the request is consumed by the seal');

  // Sealed once in the host's life: asking again changes nothing and says so.
  const before = readFileSync(join(state, 'baseline.pb'));
  const again = runAgent(['seal', '--state-dir', state]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stdout, /already sealed/);
  assert.equal(existsSync(join(state, 'seal-request')), false);
  assert.equal(await stopAgent(agent), 0);
  assert.ok(readFileSync(join(state, 'baseline.pb')).equals(before));
  assert.equal((await hostById(collector.base, id)).baseline_root, host.baseline_root);
});

test('seal.when file: sealed only once cloud-init\'s boot-finished exists inside the root', async () => {
  const { agent, root, state } = agentWith('file', 'seal:\n  when: file\n  file: /var/lib/cloud/instance/boot-finished\n');
  const id = await assertWaiting(collector.base, state, agent);
  // The same path outside the root (on this machine) must not count; inside it does.
  put(root, 'var/lib/cloud/instance/boot-finished', 'Sat, 01 Mar 2025 10:00:00 +0000\n');
  const host = await waitHostState(collector.base, id, 'clean', agent);
  assert.match(host.baseline_root, /^[0-9a-f]{64}$/);
  assert.ok(existsSync(join(state, 'baseline.pb')));
  await waitWatching(agent);
  assert.equal(await stopAgent(agent), 0);
});

test('an enrollment refused while the agent waits for its seal ends the wait: exit 2, said why', { timeout: 20_000 }, async () => {
  const { agent } = agentWith('refused', 'seal:\n  when: manual\n', ['--enroll-token', 'not-the-fleet-token-at-all']);
  assert.equal(await agent.exited, 2);
  assert.match(agent.logs.join('\n'), /AGENT_ENROLL_REFUSED/);
});

test('the seal never waits for the collector: with none answering, the agent seals and watches', { timeout: 30_000 }, async () => {
  const root = join(dir, 'offline', 'root');
  const state = join(dir, 'offline', 'state');
  writeTree(root, { 'etc/hosts': '127.0.0.1 localhost\n' });
  const agent = startAgent('http://127.0.0.1:9', root, state, ['--paths', '/etc']); // the discard port: nothing listens
  await waitWatching(agent);
  assert.ok(existsSync(join(state, 'baseline.pb')));
  assert.equal(existsSync(join(state, 'identity.json')), false);
  assert.equal(await stopAgent(agent), 0);
});

test('drift-agent seal with no agent ever run writes the request; a bad flag is a usage error', () => {
  const state = join(dir, 'fresh-state');
  const r = runAgent(['seal', '--state-dir', state]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(existsSync(join(state, 'seal-request')));
  const bad = runAgent(['seal', '--state-dir', state, '--now']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /AGENT_USAGE/);
});
