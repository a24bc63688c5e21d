// The agent's settings: schema defaults, every key of the documented example,
// durations, refusals naming FILE:LINE and the key, flags over the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentConfigSchema, DEFAULT_AGENT_PATHS } from '../agent/config/agent-config-schema.js';
import { loadAgentConfig, readAgentConfigFile } from '../agent/config/load-agent-config.js';
import type { AgentConfig } from '../agent/config/agent-config-schema.js';
import { DriftwatchError } from '../common/errors.js';
import { load, refused } from './helpers/agent-config.js';
import { REPO_ROOT, tempRoots } from './helpers/temp-tree.js';

const tempDir = tempRoots('driftwatch-agent-config-');


test('no file and no flags: every default from the schema, deeply frozen', () => {
  const c = loadAgentConfig({});
  assert.deepEqual({ ...c }, {
    collector: undefined, enrollToken: undefined, caFile: undefined, root: '/', stateDir: '/var/lib/drift-agent',
    paths: [...DEFAULT_AGENT_PATHS], ignore: [], chokidarPaths: ['/etc', '/root/.ssh', '/var/spool/cron'],
    seal: { when: 'auto', file: '/var/lib/cloud/instance/boot-finished' },
    heartbeatIntervalMs: 30_000, rescanIntervalMs: 900_000, fullRehashIntervalMs: 86_400_000, watchDebounceMs: 20,
    hashRateMbPerS: 64, nice: 10, batchMaxEvents: 100, outboxMaxEvents: 100_000, labels: {}, imageId: undefined, logLevel: 'info',
    shutdownCommand: undefined,
    capture: ['/etc/**'], captureMaxBytes: 65_536, secret: [],
  });
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.paths) && Object.isFrozen(c.seal) && Object.isFrozen(c.labels));
  assert.deepEqual(DEFAULT_AGENT_PATHS, ['/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/opt', '/boot', '/root/.ssh', '/var/spool/cron']);
});

test('the complete example of docs/agent.md loads, every key parsed', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/agent.md'), 'utf8');
  const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(example !== undefined, 'docs/agent.md has a yaml example');
  const dir = tempDir();
  writeFileSync(join(dir, 'token'), 'fleet-token-0123456789\n', { mode: 0o600 });
  writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const text = example.replace('/etc/driftwatch/enroll-token', 'token').replace('/etc/driftwatch/collector-ca.pem', 'ca.pem')
    .replace('heartbeat_interval: 30s', 'heartbeat_interval: 45').replace('nice: 10', 'nice: 5').replace('log_level: info', 'log_level: debug')
    .replace('/usr/bin/systemctl', '/bin/sh'); // checked to exist, and the test machine need not have systemd
  const c = load(text, {}, join(dir, 'agent.yaml'));
  assert.deepEqual({ ...c }, {
    collector: 'https://collector.example.com:8443', enrollToken: 'fleet-token-0123456789', caFile: join(dir, 'ca.pem'),
    root: '/', stateDir: '/var/lib/drift-agent', paths: [...DEFAULT_AGENT_PATHS],
    ignore: ['/etc/ld.so.cache', '**/__pycache__/**'], chokidarPaths: ['/etc', '/root/.ssh', '/var/spool/cron'],
    seal: { when: 'auto', file: '/var/lib/cloud/instance/boot-finished' },
    heartbeatIntervalMs: 45_000, rescanIntervalMs: 900_000, fullRehashIntervalMs: 86_400_000, watchDebounceMs: 20,
    hashRateMbPerS: 64, nice: 5, batchMaxEvents: 100, outboxMaxEvents: 100_000,
    labels: { role: 'web', env: 'production' }, imageId: 'ami-0123456789abcdef0', logLevel: 'debug',
    shutdownCommand: ['/bin/sh', 'poweroff'],
    capture: ['/etc/**', '/opt/app/conf/**'], captureMaxBytes: 65_536, secret: ['/etc/app/credentials/**'],
  });
  // The table documents exactly the schema's settings (seal's as seal.when and
  // seal.file), and the example shows all of them but the token's other form.
  const settings = Object.keys(AgentConfigSchema.properties).flatMap((k) => (k === 'seal' ? ['seal.when', 'seal.file'] : [k]));
  const section = doc.slice(doc.indexOf('## Configuration'), doc.indexOf('\n## ', doc.indexOf('## Configuration') + 1));
  const documented = [...section.matchAll(/^\| `([a-z_.]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented.sort(), [...settings].sort());
  const shown = [...text.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
  assert.deepEqual(shown.sort(), Object.keys(AgentConfigSchema.properties).filter((k) => k !== 'enroll_token').sort());
});

test('other values of each kind: paths normalised, relative paths resolved, URL trimmed', () => {
  const c = load([
    'collector: http://10.0.0.5:8080/drift/', 'root: ./image', 'state_dir: /srv/state', 'paths: [/etc/, /srv//app]',
    'chokidar_paths: [/etc/ssh]', 'seal: {when: file, file: /run/ready}', 'hash_rate_mb_per_s: 0', 'batch_max_events: 1000',
    'outbox_max_events: 1000', 'enroll_token: "0123456789abcdef"',
  ].join('\n'), {}, '/opt/agent/agent.yaml');
  assert.deepEqual([c.collector, c.root, c.stateDir, c.paths, c.chokidarPaths, c.seal, c.hashRateMbPerS, c.batchMaxEvents, c.outboxMaxEvents, c.enrollToken],
    ['http://10.0.0.5:8080/drift', '/opt/agent/image', '/srv/state', ['/etc', '/srv/app'], ['/etc/ssh'], { when: 'file', file: '/run/ready' }, 0, 1000, 1000, '0123456789abcdef']);
  // Default chokidar trees outside a narrowed `paths` are dropped, not refused.
  assert.deepEqual(load('paths: [/srv, /root]').chokidarPaths, ['/root/.ssh']);
  assert.deepEqual(load('paths: [/]').chokidarPaths, ['/etc', '/root/.ssh', '/var/spool/cron']);
});

test('durations: units, bare seconds, 0 to disable, and the bounds', () => {
  const c = load('heartbeat_interval: 1.5s\nrescan_interval: 0\nfull_rehash_interval: 2h\nwatch_debounce: 500ms\n');
  assert.deepEqual([c.heartbeatIntervalMs, c.rescanIntervalMs, c.fullRehashIntervalMs, c.watchDebounceMs], [1500, 0, 7_200_000, 500]);
  assert.equal(load('rescan_interval: 90\nwatch_debounce: 0.25').rescanIntervalMs, 90_000);
  assert.equal(load('watch_debounce: 0.25').watchDebounceMs, 250);
  assert.equal(load('full_rehash_interval: 0').fullRehashIntervalMs, 0);
  assert.equal(refused('nice: 3\nheartbeat_interval: 500ms'), 'agent.yaml:2: heartbeat_interval: must be at least 1s, not 500ms');
  assert.equal(refused('heartbeat_interval: 0'), 'agent.yaml:1: heartbeat_interval: must be at least 1s, not 0ms');
  assert.equal(refused('rescan_interval: 5s'), 'agent.yaml:1: rescan_interval: must be at least 10s (or 0 to disable), not 5s');
  assert.equal(refused('watch_debounce: 6s'), 'agent.yaml:1: watch_debounce: must be at most 5s, not 6s');
  assert.match(refused('\nrescan_interval: 10 minutes'), /^agent\.yaml:2: rescan_interval: expected a duration such as "500ms"/);
  assert.match(refused('rescan_interval: -5'), /^agent\.yaml:1: rescan_interval: expected a duration/);
  assert.equal(load('', { rescanIntervalMs: 60_000 }).rescanIntervalMs, 60_000);
  assert.match(refused('', { watchDebounceMs: 9000 }), /^flags\.watchDebounceMs: must be at most 5s, not 9s$/);
});

test('an unknown key is refused with its line, at the top level and inside seal', () => {
  assert.equal(refused('root: /\n\nfrobnicate: true\n'), 'agent.yaml:3: frobnicate: unknown setting');
  assert.equal(refused('root: /\nseal:\n  when: auto\n  timeout: 5m\n'), 'agent.yaml:4: seal.timeout: unknown setting');
  assert.equal(refused('state-dir: /x\n'), 'agent.yaml:1: state-dir: unknown setting');
  assert.throws(() => loadAgentConfig({ flags: { bogus: 1 } as Partial<AgentConfig> }), /flags\.bogus: unknown setting/);
});

test('a wrong type or value is refused with its line and key', () => {
  assert.match(refused('root: /\nnice: high\n'), /^agent\.yaml:2: nice: Expected integer$/);
  assert.match(refused('nice: 20'), /^agent\.yaml:1: nice: Expected integer to be less or equal to 19$/);
  assert.match(refused('paths: /etc'), /^agent\.yaml:1: paths: Expected array$/);
  assert.equal(refused('paths:\n  - /etc\n  - usr\n'), 'agent.yaml:3: paths[1]: usr is not absolute (paths are as seen inside --root, e.g. /etc)');
  assert.match(refused('paths: [/etc, /etc/../root]'), /^agent\.yaml:1: paths\[1\]: .*contains "\.\."/);
  assert.match(refused('ignore: ["var/log/**"]'), /^agent\.yaml:1: ignore\[0\]: var\/log\/\*\* must start with \/ or \*\*/);
  assert.equal(refused('log_level: loud'), 'agent.yaml:1: log_level: expected one of fatal, error, warn, info, debug, trace, silent');
  assert.equal(refused('seal:\n  when: later'), 'agent.yaml:2: seal.when: expected one of auto, immediate, file, manual');
  assert.match(refused('seal:\n  file: ready'), /^agent\.yaml:2: seal\.file: ready is not absolute/);
  assert.match(refused('batch_max_events: 0'), /^agent\.yaml:1: batch_max_events: Expected integer to be greater or equal to 1/);
  assert.match(refused('outbox_max_events: 999'), /^agent\.yaml:1: outbox_max_events: /);
  assert.match(refused('labels:\n  role: web\n  tier: 3\n'), /^agent\.yaml:3: labels\.tier: Expected string$/);
  assert.equal(refused(`labels:\n  ${'k'.repeat(129)}: v\n`), `agent.yaml:2: labels.${'k'.repeat(129)}: a label key must be 1 to 128 characters long`);
  const many = Array.from({ length: 65 }, (_, i) => `  l${i}: v`).join('\n');
  assert.match(refused(`labels:\n${many}\n`), /^agent\.yaml:1: labels: Expected object to have no more than 64 properties/);
  assert.match(refused('- /etc\n'), /^agent\.yaml: expected a mapping of settings$/);
  assert.match(refused('root: /\nroot: /srv\n'), /^agent\.yaml:2: Map keys must be unique/);
});

test('collector: http or https, no credentials (not echoed), no query', () => {
  assert.equal(refused('collector: ftp://c.example.com'), 'agent.yaml:1: collector: must be an http:// or https:// URL, not ftp:');
  assert.match(refused('collector: not a url'), /^agent\.yaml:1: collector: is not a URL/);
  const withPassword = refused('collector: https://ops:hunter2@c.example.com');
  assert.match(withPassword, /^agent\.yaml:1: collector: must not carry credentials/);
  assert.doesNotMatch(withPassword, /hunter2/);
  assert.match(refused('collector: https://c.example.com/?x=1'), /must not have a query or fragment/);
});

test('flags win over the file key by key, and a refused flag is named as the flag', () => {
  const text = 'collector: http://file.example:8080\nroot: /mnt/image\npaths: [/etc]\nnice: 3\n';
  const c = load(text, { collector: 'https://flag.example', paths: ['/usr', '/etc'], stateDir: 'state', heartbeatIntervalMs: 5000 });
  assert.deepEqual([c.collector, c.root, c.paths, c.nice, c.stateDir, c.heartbeatIntervalMs],
    ['https://flag.example', '/mnt/image', ['/usr', '/etc'], 3, join(process.cwd(), 'state'), 5000]);
  assert.equal(refused(text, { collector: 'gopher://x' }), '--collector: must be an http:// or https:// URL, not gopher:');
  assert.equal(refused(text, { paths: ['/etc', 'relative'] }), '--paths: paths[1]: relative is not absolute (paths are as seen inside --root, e.g. /etc)');
  assert.equal(refused('', { chokidarPaths: ['/etc', '/srv'] }), 'flags.chokidarPaths: chokidar_paths[1]: /srv is not inside any of paths (' + DEFAULT_AGENT_PATHS.join(', ') + '); only scanned trees can be watched');
  // The file's value is checked only if no flag replaced it.
  assert.equal(load('collector: ftp://bad\n', { collector: 'http://good' }).collector, 'http://good');
});

test('chokidar_paths must lie inside paths', () => {
  assert.equal(refused('paths: [/etc, /usr]\nchokidar_paths:\n  - /etc/ssh\n  - /var/spool/cron\n'),
    'agent.yaml:4: chokidar_paths[1]: /var/spool/cron is not inside any of paths (/etc, /usr); only scanned trees can be watched');
  assert.match(refused('paths: [/etc]\nchokidar_paths: [/etcetera]\n'), /^agent\.yaml:2: chokidar_paths\[0\]: \/etcetera is not inside/);
  assert.deepEqual(load('paths: [/etc]\nchokidar_paths: []\n').chokidarPaths, []);
});

test('ca_file: a readable PEM file, only for an https collector', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  writeFileSync(join(dir, 'junk.pem'), 'not a certificate\n');
  const path = join(dir, 'agent.yaml');
  assert.equal(load('collector: https://c\nca_file: ca.pem\n', {}, path).caFile, join(dir, 'ca.pem'));
  assert.equal(refused('collector: http://c\nca_file: ca.pem\n', {}, path), `${path}:2: ca_file: is only used with an https:// collector`);
  assert.equal(refused('ca_file: junk.pem\n', {}, path), `${path}:1: ca_file: ${join(dir, 'junk.pem')} holds no PEM certificate`);
  assert.equal(refused('ca_file: gone.pem\n', {}, path), `${path}:1: ca_file: cannot read ${join(dir, 'gone.pem')}: ENOENT: no such file or directory`);
});

test('readAgentConfigFile reads a file, or says clearly that it cannot', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'agent.yaml'), 'nice: 7\n');
  assert.equal(loadAgentConfig({ file: readAgentConfigFile(join(dir, 'agent.yaml')) }).nice, 7);
  assert.throws(() => readAgentConfigFile(join(dir, 'missing.yaml')),
    (err: unknown) => err instanceof DriftwatchError && err.code === 'AGENT_CONFIG_INVALID' && err.message === `cannot read ${join(dir, 'missing.yaml')}: ENOENT: no such file or directory`);
});
