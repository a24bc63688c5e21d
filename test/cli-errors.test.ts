// Bad input to the CLI: one clear line on stderr with a stable code, exit 2.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';
import { runAgent } from './helpers/run-cli.js';

let dir: string;
let root: string;

function expectError(args: string[], code: string, message: RegExp): void {
  const r = runAgent(args);
  assert.equal(r.status, 2, `exit status for ${args.join(' ')}: ${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line expected, got: ${r.stderr}`);
  assert.match(lines[0]!, new RegExp(`^drift-agent: error \\[${code}\\]: `));
  assert.match(lines[0]!, message);
}

before(() => {
  dir = makeTempDir();
  root = join(dir, 'root');
  writeTree(root, { 'etc/hosts': 'x\n' });
  assert.equal(runAgent(['scan', '--root', root, '--paths', '/etc', '--format', 'json', '--out', join(dir, 'm.json')]).status, 0);
  assert.equal(runAgent(['scan', '--root', root, '--paths', '/etc', '--format', 'proto', '--out', join(dir, 'm.pb')]).status, 0);
});
after(() => removeTempDir(dir));

test('a bad flag, a bad value, a missing baseline flag, an unknown command', () => {
  expectError(['scan', '--frobnicate'], 'AGENT_USAGE', /frobnicate/);
  expectError(['scan', '--root', root, '--format', 'xml'], 'AGENT_USAGE', /--format/);
  expectError(['scan', '--root', root, '--paths', 'etc'], 'AGENT_USAGE', /not absolute/);
  expectError(['scan', '--root', root, '--paths', '/etc/../..'], 'AGENT_USAGE', /\.\./);
  expectError(['check', '--root', root], 'AGENT_USAGE', /--baseline/);
  expectError(['launch'], 'AGENT_USAGE', /unknown command/);
});

test('a root that does not exist or is not a directory', () => {
  expectError(['scan', '--root', join(dir, 'nope')], 'AGENT_ROOT_INVALID', /ENOENT/);
  expectError(['scan', '--root', join(root, 'etc/hosts')], 'AGENT_ROOT_INVALID', /not a directory/);
});

test('a baseline that is missing, empty, truncated, edited or foreign', () => {
  expectError(['check', '--root', root, '--baseline', join(dir, 'missing.pb')], 'AGENT_BASELINE_UNREADABLE', /ENOENT/);
  writeFileSync(join(dir, 'empty'), '');
  expectError(['check', '--root', root, '--baseline', join(dir, 'empty')], 'AGENT_BASELINE_CORRUPT', /empty/);
  const pb = readFileSync(join(dir, 'm.pb'));
  writeFileSync(join(dir, 'truncated.pb'), pb.subarray(0, pb.length - 40));
  expectError(['check', '--root', root, '--baseline', join(dir, 'truncated.pb')], 'AGENT_BASELINE_CORRUPT', /truncated|not a driftwatch manifest/);
  const edited = readFileSync(join(dir, 'm.json'), 'utf8').replace(/"sha256":"[0-9a-f]{64}"/, `"sha256":"${'0'.repeat(64)}"`);
  writeFileSync(join(dir, 'edited.json'), edited);
  expectError(['check', '--root', root, '--baseline', join(dir, 'edited.json')], 'AGENT_BASELINE_CORRUPT', /Merkle root/);
  writeFileSync(join(dir, 'foreign.json'), '{"hello": "world"}');
  expectError(['check', '--root', root, '--baseline', join(dir, 'foreign.json')], 'AGENT_BASELINE_CORRUPT', /format_version/);
  writeFileSync(join(dir, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
  expectError(['check', '--root', root, '--baseline', join(dir, 'passwd')], 'AGENT_BASELINE_CORRUPT', /not a driftwatch manifest/);
});

test('a package database that cannot be parsed names the line', () => {
  const bad = join(dir, 'badpkg');
  writeTree(bad, { 'etc/hosts': 'x\n', 'var/lib/dpkg/status': 'Package: a\nStatus: install ok installed\nthis line is garbage\n' });
  expectError(['scan', '--root', bad, '--paths', '/etc'], 'AGENT_PACKAGE_DB_INVALID', /line 3/);
});

test('--help for each command exits 0 and names every option', () => {
  for (const [cmd, opts] of [['scan', ['--root', '--paths', '--ignore', '--format', '--out']], ['check', ['--baseline', '--root', '--format', '--quick', '--paths', '--ignore']]] as const) {
    const r = runAgent([cmd, '--help']);
    assert.equal(r.status, 0);
    for (const o of opts) assert.match(r.stdout, new RegExp(`${o}\\b`), `${cmd} --help lacks ${o}`);
    assert.match(r.stdout, /Exit status/);
  }
  const top = runAgent(['--help']);
  assert.equal(top.status, 0);
  assert.match(top.stdout, /scan/);
  assert.match(top.stdout, /check/);
});
