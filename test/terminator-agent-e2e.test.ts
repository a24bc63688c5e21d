// The agent terminator end to end: a real collector process, real agent
// processes. The host is put into `terminating` with an executing agent
// termination by writing the SQLite file (so no drift need pass the governor
// first; the runner takes the row up as one cut off by a crash and runs the
// agent terminator on it); the collector then repeats SHUTDOWN in every
// acknowledgement. An agent with shutdown_command runs it once, and the
// command, not the agent, stops the agent (whose agent_stopped is reported);
// an agent without one refuses and keeps running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { api, startAgent, stopAgent, stopAllAgents, waitFor, type AgentProcess, type ApiEvent, type ApiHost } from './helpers/agent-process.js';
import { putTerminating } from './helpers/termination-rows.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';

let dir: string;
let collector: CollectorProcess | undefined;

before(async () => {
  dir = makeTempDir();
  const config = join(dir, 'collector.yaml');
  writeFileSync(config, 'terminator:\n  type: agent\n');
  collector = await startCollector(join(dir, 'collector.db'), ['--config', config]);
});

after(async () => {
  await stopAllAgents();
  collector?.child.kill('SIGTERM');
  removeTempDir(dir);
});

/** An agent on its own root and state directory, heartbeating every second, logging at debug. */
function start(name: string, shutdownCommand?: string[]): { agent: AgentProcess; stateDir: string } {
  const root = join(dir, name, 'root');
  const stateDir = join(dir, name, 'state');
  writeTree(root, { 'etc/hosts': '127.0.0.1 localhost\n' });
  const config = join(dir, name, 'agent.yaml');
  writeFileSync(config, `heartbeat_interval: 1s\nlog_level: debug\n${shutdownCommand === undefined ? '' : `shutdown_command: ${JSON.stringify(shutdownCommand)}\n`}`);
  return { agent: startAgent(collector!.base, root, stateDir, ['--config', config, '--paths', '/etc']), stateDir };
}

async function cleanHost(stateDir: string, agent: AgentProcess): Promise<string> {
  const hostId = await waitFor('enrollment', async () => {
    const file = join(stateDir, 'identity.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { hostId: string }).hostId : undefined;
  }, 30_000, agent.logs);
  await waitFor('a clean host', async () => {
    const { hosts } = await api<{ hosts: ApiHost[] }>(collector!.base, '/api/v1/hosts');
    return hosts.find((h) => h.id === hostId && h.state === 'clean');
  }, 30_000, agent.logs);
  await waitFor('delivery', async () => (agent.logs.some((l) => l.includes('connected to the collector')) ? true : undefined), 30_000, agent.logs);
  return hostId;
}

const count = (agent: AgentProcess, msg: string): number => agent.logs.filter((l) => l.includes(`"msg":"${msg}"`)).length;

test('shutdown_command runs once on the repeated directive, and stopping the agent is left to it', async () => {
  const marker = join(dir, 'shutdown-ran');
  const go = join(dir, 'go');
  const pidFile = join(dir, 'doomed', 'state', 'agent.pid');
  const program = join(dir, 'poweroff');
  // Like `systemctl poweroff`: it stops the agent (here, once the test says go).
  writeFileSync(program, `#!/bin/sh\necho "$DRIFTWATCH_REASON" >> "${marker}"\nwhile [ ! -e "${go}" ]; do sleep 0.05; done\nkill -TERM "$(cat "${pidFile}")"\n`);
  chmodSync(program, 0o755);
  const { agent, stateDir } = start('doomed', [program]);
  const hostId = await cleanHost(stateDir, agent);

  const id = putTerminating(join(dir, 'collector.db'), { hostId, state: 'executing', terminator: 'agent', rule: 'binaries', reason: 'file_added /usr/bin/nc' });
  await waitFor('the shutdown command', async () => (existsSync(marker) ? true : undefined), 30_000, agent.logs);
  // The collector keeps repeating the directive; the agent keeps not running the command again.
  await waitFor('two repeated directives', async () => (count(agent, 'shutdown directive repeated; shutdown_command already ran') >= 2 ? true : undefined), 30_000, agent.logs);
  assert.equal(readFileSync(marker, 'utf8'), `termination ${id} by rule binaries: file_added /usr/bin/nc\n`);
  assert.equal(agent.child.exitCode, null, 'the agent does not stop itself');

  writeFileSync(go, '');
  assert.equal(await agent.exited, 0);
  const { events } = await api<{ events: ApiEvent[] }>(collector!.base, `/api/v1/hosts/${hostId}/events?limit=100`);
  assert.ok(events.some((e) => e.kind === 'agent_stopped'), JSON.stringify(events));
  assert.equal(readFileSync(marker, 'utf8').split('\n').length, 2, 'ran once');
  assert.equal(count(agent, 'shutdown_command finished'), 1);
});

test('an agent without shutdown_command refuses the directive once and keeps running', async () => {
  const { agent, stateDir } = start('refusing');
  const hostId = await cleanHost(stateDir, agent);
  putTerminating(join(dir, 'collector.db'), { hostId, state: 'executing', terminator: 'agent' });
  await waitFor('two repeated directives', async () => (count(agent, 'shutdown directive repeated; still no shutdown_command') >= 2 ? true : undefined), 30_000, agent.logs);
  const refusals = agent.logs.filter((l) => l.includes('"msg":"shutdown directive received but no shutdown_command is configured; ignored"'));
  assert.equal(refusals.length, 1);
  assert.match(refusals[0]!, /"level":50/);
  assert.equal(agent.child.exitCode, null);
  assert.equal(await stopAgent(agent), 0);
});
