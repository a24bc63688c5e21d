// drift-agent run --check-config, run refusals, and drift-agent status as an
// operator reads it: the real binary in child processes, real files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector } from './helpers/collector-process.js';
import { startAgent, stopAgent, stopAllAgents } from './helpers/agent-process.js';
import { waitEnrolled, waitLog } from './helpers/agent-host.js';
import { runAgent } from './helpers/run-cli.js';
import { put, tempRoots } from './helpers/temp-tree.js';

const tempDir = tempRoots('driftwatch-agent-cli-');
after(() => stopAllAgents());

const GOOD = `# a host's agent settings
collector: http://127.0.0.1:8443
enroll_token: enroll-token-0123456789
root: ./root
state_dir: ./state
paths: [/etc, /usr/bin]
seal:
  when: file
  file: /var/lib/cloud/instance/boot-finished
rescan_interval: 15m
labels: {role: web}
`;

function config(text: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'agent.yaml');
  writeFileSync(file, text);
  chmodSync(file, 0o600);
  return { dir, file };
}

test('run --check-config: a good file is "config ok", exit 0, and starts nothing', () => {
  const { dir, file } = config(GOOD);
  const r = runAgent(['run', '--config', file, '--check-config']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'config ok');
  assert.equal(r.stderr, '');
  assert.equal(existsSync(join(dir, 'state')), false, 'checking the config created the state directory');
});

test('run --check-config: a bad file is exit 2, AGENT_CONFIG_INVALID at FILE:LINE naming the key', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['too short a rescan interval', GOOD.replace('rescan_interval: 15m', 'rescan_interval: 5s'), /:10: rescan_interval: .*at least 10s/],
    ['an unknown key', `${GOOD}rescan_intervall: 15m\n`, /:12: .*rescan_intervall/],
    ['a seal condition that does not exist', GOOD.replace('when: file', 'when: later'), /:8: seal\.when: expected one of auto, immediate, file, manual/],
    ['a relative watched path', GOOD.replace('[/etc, /usr/bin]', '[etc]'), /:6: paths/],
    ['a collector that is not http(s)', GOOD.replace('http://127.0.0.1:8443', 'ftp://collector'), /:2: collector: /],
  ];
  for (const [what, text, where] of cases) {
    const { file } = config(text);
    const r = runAgent(['run', '--config', file, '--check-config']);
    assert.equal(r.status, 2, `${what}: ${r.stdout}`);
    assert.equal(r.stdout, '', what);
    assert.match(r.stderr, /^drift-agent: error \[AGENT_CONFIG_INVALID\]: /, what);
    assert.ok(r.stderr.includes(file), `${what}: the file is not named: ${r.stderr}`);
    assert.match(r.stderr, where, what);
    assert.doesNotMatch(r.stderr, /enroll-token-0123456789/, `${what}: the token leaked`);
  }
  const missing = runAgent(['run', '--config', join(tempDir(), 'nope.yaml'), '--check-config']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /AGENT_CONFIG_INVALID.*nope\.yaml/);
});

test('run without any collector is exit 2 saying how to give one, before touching the state directory', () => {
  const dir = tempDir();
  const state = join(dir, 'state');
  const r = runAgent(['run', '--root', dir, '--state-dir', state, '--enroll-token', 'enroll-token-0123456789']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /AGENT_CONFIG_INVALID.*no collector.*--collector URL/);
  assert.equal(existsSync(state), false);
  const checked = runAgent(['run', '--check-config', '--root', dir]);
  assert.equal(checked.status, 2, 'a config without a collector passed --check-config');
  assert.match(checked.stderr, /no collector/);
});

test('status: no state directory is exit 2 AGENT_STATE_INVALID; a running agent\'s status names every field', async () => {
  const none = runAgent(['status', '--state-dir', '/nonexistent/drift-agent']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^drift-agent: error \[AGENT_STATE_INVALID\]: no state directory \/nonexistent\/drift-agent/);

  const dir = tempDir();
  put(join(dir, 'root'), 'etc/hosts', '127.0.0.1 localhost\n');
  const collector = await startCollector(join(dir, 'collector.db'));
  try {
    const agent = startAgent(collector.base, join(dir, 'root'), join(dir, 'state'), ['--paths', '/etc']);
    const id = await waitEnrolled(join(dir, 'state'), agent);
    await waitLog(agent, 'connected to the collector');
    const r = runAgent(['status', '--state-dir', join(dir, 'state')]);
    assert.equal(r.status, 0, r.stderr);
    const fields = new Map(r.stdout.trim().split('\n').map((l) => {
      const m = /^(\S+(?: \S+)*)\s{2,}(.*)$/.exec(l);
      assert.ok(m !== null, `not "name  value": ${JSON.stringify(l)}`);
      return [m[1]!, m[2]!] as const;
    }));
    assert.deepEqual([...fields.keys()], ['state dir', 'running pid', 'host id', 'collector', 'collector status', 'baseline sealed at',
      'events queued', 'last seq', 'acked seq', 'oldest queued at', 'dropped total', 'last contact at', 'last error']);
    assert.equal(fields.get('host id'), id);
    assert.equal(fields.get('running pid'), String(agent.child.pid));
    assert.equal(fields.get('collector'), collector.base);
    assert.equal(fields.get('collector status'), 'reachable');
    assert.match(fields.get('baseline sealed at')!, /^\d{4}-\d\d-\d\dT/);
    assert.match(fields.get('events queued')!, /^\d+$/);
    assert.equal(await stopAgent(agent), 0);
    const stopped = runAgent(['status', '--state-dir', join(dir, 'state')]);
    assert.match(stopped.stdout, /^running pid\s+-$/m);
  } finally {
    collector.child.kill('SIGTERM');
  }
});
