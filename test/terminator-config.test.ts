// The collector's `terminator:` setting: one schema per type, defaults filled,
// every refusal naming the setting and its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../collector/config.js';
import { DriftwatchError } from '../common/errors.js';
import { REPO_ROOT, tempRoots } from './helpers/temp-tree.js';

const GOOD = 'db: /tmp/c.db\nlisten: 127.0.0.1:8080\nadmin_token: admin-token-0123456789\nenroll_token: enroll-token-0123456789\n';
const dirs = tempRoots('driftwatch-term-config-');

const load = (terminator: string) => loadConfig({ file: { path: 'c.yaml', text: `${GOOD}terminator:\n${terminator}` }, flags: {} }).terminator;

function refused(terminator: string): string {
  try {
    load(terminator);
  } catch (err) {
    assert.ok(err instanceof DriftwatchError, String(err));
    assert.equal(err.code, 'COLLECTOR_CONFIG_INVALID');
    return err.message;
  }
  return assert.fail('config was accepted');
}

test('each type gets its defaults; no terminator is no terminator', () => {
  assert.equal(loadConfig({ file: { path: 'c.yaml', text: GOOD }, flags: {} }).terminator, undefined);
  assert.deepEqual(load('  type: exec\n  command: [/bin/sh, -c, "exit 0"]\n'), { type: 'exec', command: ['/bin/sh', '-c', 'exit 0'], timeoutMs: 60_000 });
  assert.deepEqual(load('  type: aws-asg\n'), { type: 'aws-asg', respectGracePeriod: true, timeoutMs: 30_000 });
  assert.deepEqual(
    load('  type: aws-asg\n  region: eu-west-1\n  endpoint: http://127.0.0.1:4566/\n  respect_grace_period: false\n  timeout_seconds: 5\n'),
    { type: 'aws-asg', region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566', respectGracePeriod: false, timeoutMs: 5000 },
  );
  assert.deepEqual(load('  type: aws-ec2\n  region: us-east-1\n'), { type: 'aws-ec2', region: 'us-east-1', timeoutMs: 30_000 });
  assert.deepEqual(load('  type: agent\n'), { type: 'agent' });
});

test('a wrong type or a setting of another type is refused at its line', () => {
  assert.equal(refused('  type: shell\n'), 'c.yaml:6: terminator.type: type: expected one of exec, aws-asg, aws-ec2, agent');
  assert.equal(refused('  command: [/bin/true]\n'), 'c.yaml:5: terminator: type: expected one of exec, aws-asg, aws-ec2, agent');
  assert.equal(refused('  type: agent\n  region: eu-west-1\n'), 'c.yaml:7: terminator.region: unknown setting');
  assert.equal(refused('  type: aws-ec2\n  respect_grace_period: true\n'), 'c.yaml:7: terminator.respect_grace_period: unknown setting');
  assert.match(refused('  type: aws-asg\n  respect_grace_period: "no"\n'), /^c\.yaml:7: terminator\.respect_grace_period: Expected boolean/);
  assert.match(refused('  type: exec\n  command: [/bin/true]\n  timeout_seconds: 0\n'), /^c\.yaml:8: terminator\.timeout_seconds: .*greater or equal to 1/);
  assert.match(refused('  type: aws-ec2\n  region: "EU WEST"\n'), /^c\.yaml:7: terminator\.region: Expected string to match/);
  assert.match(loadRefusedScalar(), /^c\.yaml:5: terminator: expected a mapping with a type/);
});

function loadRefusedScalar(): string {
  try {
    loadConfig({ file: { path: 'c.yaml', text: `${GOOD}terminator: exec\n` }, flags: {} });
  } catch (err) {
    return (err as Error).message;
  }
  return assert.fail('accepted');
}

test('exec: the program is an absolute path to an executable file; no NUL anywhere', () => {
  const dir = dirs();
  const script = join(dir, 'kill-host');
  writeFileSync(script, '#!/bin/sh\n');
  chmodSync(script, 0o644);
  assert.equal(refused('  type: exec\n  command: []\n'), 'c.yaml:7: terminator.command: Expected array length to be greater or equal to 1');
  assert.match(refused('  type: exec\n  command: [terminate-host, "$DRIFTWATCH_HOSTNAME"]\n'),
    /^c\.yaml:7: terminator\.command\[0\]: terminate-host is not an absolute path \(no shell/);
  // Arguments are data for the program, not programs: only the first item must exist.
  assert.deepEqual(load('  type: exec\n  command: [/bin/sh, /nonexistent/x, "it\'s; rm -rf /"]\n'),
    { type: 'exec', command: ['/bin/sh', '/nonexistent/x', "it's; rm -rf /"], timeoutMs: 60_000 });
  assert.match(refused(`  type: exec\n  command: [${script}]\n`), /^c\.yaml:7: terminator\.command\[0\]: .* is not executable/);
  assert.match(refused(`  type: exec\n  command: [${dir}]\n`), /^c\.yaml:7: terminator\.command\[0\]: .* is not a file/);
  assert.match(refused('  type: exec\n  command: [/bin/true, "a\\0b"]\n'), /^c\.yaml:7: terminator\.command\[1\]: must not contain a NUL/);
  chmodSync(script, 0o755);
  assert.deepEqual(load(`  type: exec\n  command: [${script}, --force]\n  timeout_seconds: 5\n`), { type: 'exec', command: [script, '--force'], timeoutMs: 5000 });
});

test('aws: the endpoint is an http(s) URL without credentials, query or fragment', () => {
  assert.match(refused('  type: aws-asg\n  endpoint: not a url\n'), /^c\.yaml:7: terminator\.endpoint: is not a URL/);
  assert.match(refused('  type: aws-asg\n  endpoint: ftp://x.example\n'), /^c\.yaml:7: terminator\.endpoint: must be an http:\/\/ or https:\/\/ URL, not ftp:/);
  const withKey = refused('  type: aws-ec2\n  endpoint: https://AKIAEXAMPLE:s3cr3t@ec2.example\n');
  assert.match(withKey, /^c\.yaml:7: terminator\.endpoint: must not carry credentials/);
  assert.doesNotMatch(withKey, /s3cr3t/);
  assert.match(refused('  type: aws-ec2\n  endpoint: https://ec2.example/?x=1\n'), /must not have a query or fragment/);
});

test('the terminator examples of docs/collector.md load as documented', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/collector.md'), 'utf8');
  const section = doc.slice(doc.indexOf('### `terminator`'), doc.indexOf('\n## ', doc.indexOf('### `terminator`')));
  const examples = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!.replace('/usr/local/bin/terminate-host', '/bin/sh'));
  const loaded = examples.map((text) => loadConfig({ file: { path: 'c.yaml', text: `${GOOD}${text}` }, flags: {} }).terminator);
  assert.deepEqual(loaded, [
    { type: 'exec', command: ['/bin/sh', '--force'], timeoutMs: 60_000 },
    { type: 'aws-asg', region: 'eu-west-1', endpoint: 'https://autoscaling.eu-west-1.amazonaws.com', respectGracePeriod: true, timeoutMs: 30_000 },
    { type: 'aws-ec2', region: 'eu-west-1', timeoutMs: 30_000 },
    { type: 'agent' },
  ]);
});
