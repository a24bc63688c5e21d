// A directory the agent cannot watch is a coverage_gap event at the collector,
// and the agent goes on watching the rest. Root may watch any directory, so a
// test running as root runs the agent as nobody; the directory is mode 000.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { startAgent, stopAgent, stopAllAgents } from './helpers/agent-process.js';
import { hostEvents, waitEnrolled, waitEvent, waitWatching } from './helpers/agent-host.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;
let dir: string;
let collector: CollectorProcess;
const root = (): string => join(dir, 'root');

before(async () => {
  dir = makeTempDir('driftwatch-agent-gap-');
  chmodSync(dir, 0o755); // nobody must reach the root and its state directory
  writeTree(root(), {
    'usr/lib/ok/libok.so': 'ELF', 'usr/lib/locked/deeper/libsecret.so': 'ELF', 'etc/hosts': '127.0.0.1 localhost\n',
  });
  chmodSync(join(root(), 'usr/lib/locked'), 0o000);
  collector = await startCollector(join(dir, 'collector.db'));
});

after(async () => {
  await stopAllAgents();
  collector.child.kill('SIGTERM');
  chmodSync(join(root(), 'usr/lib/locked'), 0o755);
  removeTempDir(dir);
});

test('a directory the agent cannot watch is a coverage_gap event naming it; the rest is still watched', { timeout: 60_000 }, async () => {
  const state = join(dir, 'state');
  mkdirSync(state, { mode: 0o700 });
  if (asRoot) chownSync(state, NOBODY, NOBODY);
  const agent = startAgent(collector.base, root(), state, ['--paths', '/usr/lib,/etc'], asRoot ? { uid: NOBODY, gid: NOBODY } : undefined);
  const id = await waitEnrolled(state, agent);
  await waitWatching(agent);

  const gap = await waitEvent(collector.base, id, 'coverage_gap for /usr/lib/locked', (e) => e.kind === 'coverage_gap' && e.path === '/usr/lib/locked', agent);
  assert.match(gap.detail ?? '', /^not watched: .*EACCES.*; rescanning$/);

  writeFileSync(join(root(), 'usr/lib/ok/libnew.so'), 'ELF');
  await waitEvent(collector.base, id, 'a file added beside the gap', (e) => e.kind === 'file_added' && e.path === '/usr/lib/ok/libnew.so', agent);
  assert.equal(await stopAgent(agent), 0);
  const events = await hostEvents(collector.base, id);
  assert.equal(events.filter((e) => e.kind === 'coverage_gap' && e.path === '/usr/lib/locked').length, 1, JSON.stringify(events));
  assert.deepEqual(events.filter((e) => e.kind === 'coverage_gap' && e.path !== '/usr/lib/locked'), [], 'no other gap');
});
