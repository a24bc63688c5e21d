// The agent's view (view.db) is a cache of the last observed state that a
// rescan can always rebuild: a damaged one must be reported and replaced, not
// leave the agent blind. Real agent, real collector, a view file overwritten
// while the agent was stopped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { startAgent, stopAgent, stopAllAgents, type AgentProcess } from './helpers/agent-process.js';
import { waitEvent, waitHostState, waitEnrolled, waitWatching } from './helpers/agent-host.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';

let dir: string;
let collector: CollectorProcess;
const root = (): string => join(dir, 'root');
const state = (): string => join(dir, 'state');
const start = (): AgentProcess => startAgent(collector.base, root(), state(), ['--paths', '/etc']);

before(async () => {
  dir = makeTempDir('driftwatch-view-damage-');
  writeTree(root(), { 'etc/hosts': '127.0.0.1 localhost\n', 'etc/passwd': 'root:x:0:0::/root:/bin/sh\n', 'etc/motd': 'hi\n' });
  collector = await startCollector(join(dir, 'collector.db'));
});

after(async () => {
  await stopAllAgents();
  collector.child.kill('SIGTERM');
  removeTempDir(dir);
});

test('a damaged view.db is a coverage gap, the host is compared with the baseline, and live changes are seen again', { timeout: 60_000 }, async () => {
  let agent = start();
  const id = await waitEnrolled(state(), agent);
  await waitHostState(collector.base, id, 'clean', agent);
  await waitWatching(agent);
  assert.equal(await stopAgent(agent), 0);

  const view = join(state(), 'view.db');
  writeFileSync(view, Buffer.alloc(readFileSync(view).length, 0x5a)); // a disk error, a bad restore
  writeFileSync(join(root(), 'etc/motd'), 'changed while the agent was down\n');
  agent = start();
  const gap = await waitEvent(collector.base, id, 'coverage_gap about the view', (e) => e.kind === 'coverage_gap' && /view/.test(e.detail ?? ''), agent);
  assert.match(gap.detail!, /view\.db/);
  await waitEvent(collector.base, id, 'the change made while down', (e) => e.kind === 'file_changed' && e.path === '/etc/motd', agent);
  await waitWatching(agent);

  writeFileSync(join(root(), 'etc/hosts'), '127.0.0.1 localhost\n10.6.6.6 mirror\n');
  const live = await waitEvent(collector.base, id, 'a live change after the recovery', (e) => e.kind === 'file_changed' && e.path === '/etc/hosts', agent);
  assert.deepEqual(live.changes, ['content']);
  assert.equal(await stopAgent(agent), 0);
});
