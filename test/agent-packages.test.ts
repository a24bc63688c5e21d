// Package database changes end to end: a real agent watching a temp root's
// dpkg database, changed the way dpkg changes it (journal entries in updates/,
// then a checkpoint: status-new written, status kept as status-old, status-new
// renamed over status), and a real collector storing the package_* events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, fsyncSync, linkSync, openSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { startAgent, stopAgent, waitFor, stopAllAgents, type AgentProcess } from './helpers/agent-process.js';
import { hostEvents, waitEnrolled, waitEvent, waitWatching } from './helpers/agent-host.js';
import { makeTempDir, put, removeTempDir, writeTree } from './helpers/temp-tree.js';

let dir: string;
let collector: CollectorProcess;
const root = (): string => join(dir, 'root');
const dpkg = (f: string): string => join(root(), 'var/lib/dpkg', f);

before(async () => {
  dir = makeTempDir('driftwatch-agent-pkg-');
  collector = await startCollector(join(dir, 'collector.db'));
});

after(async () => {
  await stopAllAgents();
  collector.child.kill('SIGTERM');
  removeTempDir(dir);
});

interface Stanza { name: string; version: string; arch: string; status?: string; extra?: string }

/** A stanza as dpkg writes it: Description and Conffiles continuation lines included. */
function stanza(p: Stanza): string {
  return `Package: ${p.name}\nStatus: ${p.status ?? 'install ok installed'}\nPriority: optional\nSection: utils\nInstalled-Size: 1024\n` +
    `Maintainer: Debian Maintainers <debian-devel@lists.debian.org>\nArchitecture: ${p.arch}\n${p.extra ?? ''}Version: ${p.version}\n` +
    `Depends: libc6 (>= 2.34)\nConffiles:\n /etc/${p.name}/${p.name}.conf 0b7d3a4c1f2e9d8c7b6a5f4e3d2c1b0a\n` +
    `Description: ${p.name} for the driftwatch tests\n The long description of ${p.name}, over\n .\n two paragraphs.\n`;
}

const statusText = (pkgs: Stanza[]): string => pkgs.map(stanza).join('\n');

function writeSynced(file: string, text: string): void {
  const fd = openSync(file, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** One dpkg run: a journal entry in updates/, then the checkpoint of the whole status file, then the journal cleared. */
function dpkgRun(pkgs: Stanza[], journal: Stanza): void {
  writeSynced(dpkg('updates/0000'), stanza({ ...journal, status: 'install ok unpacked' }));
  writeSynced(dpkg('status-new'), statusText(pkgs));
  rmSync(dpkg('status-old'), { force: true });
  linkSync(dpkg('status'), dpkg('status-old'));
  renameSync(dpkg('status-new'), dpkg('status'));
  unlinkSync(dpkg('updates/0000'));
}

const BASE: Stanza[] = [
  { name: 'base-files', version: '12.4+deb12u5', arch: 'amd64', extra: 'Essential: yes\n' },
  { name: 'libssl3', version: '3.0.11-1~deb12u2', arch: 'amd64', extra: 'Multi-Arch: same\n' },
  { name: 'openssl', version: '3.0.11-1~deb12u2', arch: 'amd64' },
  { name: 'old-tool', version: '1.0-1', arch: 'amd64', status: 'deinstall ok config-files' },
];

test('a package installed, upgraded and removed through dpkg\'s status file, live and while the agent was down: package_added, _changed, _removed', { timeout: 60_000 }, async () => {
  writeTree(root(), { 'etc/hosts': '127.0.0.1 localhost\n', 'var/lib/dpkg/status': statusText(BASE), 'var/lib/dpkg/updates/.keep': '' });
  let agent: AgentProcess = startAgent(collector.base, root(), join(dir, 'state'), ['--paths', '/etc']);
  const id = await waitEnrolled(join(dir, 'state'), agent);
  await waitWatching(agent);
  const base = collector.base;

  const curl: Stanza = { name: 'curl', version: '7.88.1-10+deb12u5', arch: 'amd64' };
  dpkgRun([...BASE.slice(0, 3), curl, BASE[3]!], curl);
  const added = await waitEvent(base, id, 'package_added curl', (e) => e.kind === 'package_added', agent);
  assert.deepEqual(added.package, { manager: 'dpkg', name: 'curl', version: '7.88.1-10+deb12u5', arch: 'amd64' });

  const upgraded: Stanza = { ...BASE[2]!, version: '3.0.13-1~deb12u1' };
  dpkgRun([BASE[0]!, BASE[1]!, upgraded, curl, BASE[3]!], upgraded);
  const changed = await waitEvent(base, id, 'package_changed openssl', (e) => e.kind === 'package_changed', agent);
  assert.deepEqual(changed.package, { manager: 'dpkg', name: 'openssl', version: '3.0.13-1~deb12u1', arch: 'amd64' });
  assert.deepEqual(changed.previous, { manager: 'dpkg', name: 'openssl', version: '3.0.11-1~deb12u2', arch: 'amd64' });

  // Removed but its conffiles kept: dpkg marks it config-files, which is no longer installed.
  dpkgRun([BASE[0]!, BASE[1]!, upgraded, { ...curl, status: 'deinstall ok config-files' }, BASE[3]!], curl);
  const removed = await waitEvent(base, id, 'package_removed curl', (e) => e.kind === 'package_removed', agent);
  assert.deepEqual(removed.package, { manager: 'dpkg', name: 'curl', version: '7.88.1-10+deb12u5', arch: 'amd64' });

  // A file in the dpkg directory that is not the status file changes no package.
  put(root(), 'var/lib/dpkg/lock-frontend', '');
  assert.equal(await stopAgent(agent), 0);

  // Upgraded while the agent was down: reported when it is back, and nothing earlier again.
  const libssl: Stanza = { ...BASE[1]!, version: '3.0.13-1~deb12u1' };
  dpkgRun([BASE[0]!, libssl, upgraded, { ...curl, status: 'deinstall ok config-files' }, BASE[3]!], libssl);
  agent = startAgent(collector.base, root(), join(dir, 'state'), ['--paths', '/etc']);
  const whileDown = await waitEvent(base, id, 'package_changed libssl3', (e) => e.kind === 'package_changed' && e.package?.name === 'libssl3', agent);
  assert.equal(whileDown.previous?.version, '3.0.11-1~deb12u2');
  await waitWatching(agent);
  assert.equal(await stopAgent(agent), 0);
  const events = await waitFor('two agent_stopped', async () => {
    const all = await hostEvents(base, id);
    return all.filter((e) => e.kind === 'agent_stopped').length === 2 ? all : undefined;
  }, 20_000, agent.logs);
  const kinds = events.filter((e) => e.kind.startsWith('package_')).map((e) => `${e.kind} ${e.package?.name ?? ''}`);
  assert.deepEqual(kinds, ['package_added curl', 'package_changed openssl', 'package_removed curl', 'package_changed libssl3'], JSON.stringify(events));
  assert.deepEqual(events.filter((e) => e.kind.startsWith('file_')), [], 'the dpkg database is not in --paths: no file events');
});
