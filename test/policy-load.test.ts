// Policy files: the schema's defaults, every refusal naming FILE:LINE and the
// setting, a frozen result, and the built-in default policy, which
// docs/policy.md quotes word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DriftwatchError } from '../common/errors.js';
import { DEFAULT_POLICY_SOURCE, DEFAULT_POLICY_YAML } from '../collector/policy/default-policy.js';
import { defaultPolicy, loadPolicy } from '../collector/policy/policy-load.js';
import { REPO_ROOT } from './helpers/temp-tree.js';

function refused(text: string): string {
  try {
    loadPolicy({ path: 'p.yaml', text });
  } catch (err) {
    assert.ok(err instanceof DriftwatchError);
    assert.equal(err.code, 'COLLECTOR_POLICY_INVALID');
    return err.message;
  }
  assert.fail('policy was accepted');
}

const rule = (lines: string): string => `version: 1\nrules:\n  - name: r0\n    match: {}\n    verdict: flag\n  - name: r1\n${lines}`;

test('a minimal policy gets the schema defaults: no rules, default alert/medium, the governor defaults', () => {
  const p = loadPolicy({ path: 'p.yaml', text: 'version: 1\n' });
  assert.deepEqual(p, {
    rules: [], fallback: { verdict: 'alert', severity: 'medium' }, source: 'p.yaml',
    governor: {
      dryRun: false, windowMs: 600_000, maxTerminationsPerWindow: 10, maxGroupFraction: 0.25, minHealthyPerGroup: 1,
      groupLabels: [], approval: 'never', approvalAbove: 5,
    },
  });
});

test('rules map to the Policy type: one value or a list, severity by verdict when not given, frozen all the way down', () => {
  const p = loadPolicy({ path: 'p.yaml', text: `version: 1
rules:
  - name: bins
    description: binaries
    match:
      kind: file_changed
      path: [/usr/bin/**, /bin/**]
      not_path: /usr/bin/.cache/**
      package: openssl*
      changes: [content, mode]
      image: ami-*
      labels: {role: "web*"}
    verdict: terminate
  - name: quiet
    match: {kind: [login]}
    verdict: ignore
  - name: look
    match: {}
    verdict: flag
    severity: high
default: {verdict: flag}
governor: {window: 90s, dry_run: true, group_labels: [role], approval: above, approval_above: 3}
` });
  assert.deepEqual(p.rules[0], {
    name: 'bins', description: 'binaries', verdict: 'terminate', severity: 'critical',
    match: {
      kinds: ['file_changed'], paths: ['/usr/bin/**', '/bin/**'], notPaths: ['/usr/bin/.cache/**'], packages: ['openssl*'],
      changes: ['content', 'mode'], images: ['ami-*'], labels: { role: 'web*' },
    },
  });
  assert.deepEqual(p.rules.slice(1).map((r) => [r.name, r.verdict, r.severity]), [['quiet', 'ignore', 'info'], ['look', 'flag', 'high']]);
  assert.deepEqual(p.fallback, { verdict: 'flag', severity: 'low' });
  assert.deepEqual([p.governor.windowMs, p.governor.dryRun, p.governor.groupLabels, p.governor.approval, p.governor.approvalAbove], [90_000, true, ['role'], 'above', 3]);
  assert.ok(Object.isFrozen(p) && Object.isFrozen(p.rules) && Object.isFrozen(p.rules[0]!.match.paths) && Object.isFrozen(p.governor));
});

test('every refusal names the file, the line and the setting', () => {
  assert.equal(refused(''), 'p.yaml: version: missing: a policy file starts with "version: 1"');
  assert.equal(refused('version: 2\n'), 'p.yaml:1: version: this collector reads policy version 1, not 2');
  assert.equal(refused('version: 1\nrulez: []\n'), 'p.yaml:2: rulez: unknown setting');
  assert.equal(refused(rule('    match: {}\n    verdict: kill\n')), 'p.yaml:8: rules[1].verdict: expected one of ignore, flag, alert, terminate');
  assert.equal(refused(rule('    match: {}\n    verdict: flag\n    severity: urgent\n')), 'p.yaml:9: rules[1].severity: expected one of info, low, medium, high, critical');
  assert.equal(refused(rule('    match: {pth: /x}\n    verdict: flag\n')), 'p.yaml:7: rules[1].match.pth: unknown setting');
  assert.equal(refused(rule('    verdict: flag\n')), 'p.yaml:6: rules[1].match: Expected required property');
  assert.match(refused(rule('    match:\n      kind:\n        - login\n        - file_chaged\n    verdict: flag\n')),
    /^p\.yaml:10: rules\[1\]\.match\.kind\[1\]: "file_chaged" is not an event kind; expected one of file_added, /);
  assert.match(refused(rule('    match: {changes: contents}\n    verdict: flag\n')), /^p\.yaml:7: rules\[1\]\.match\.changes: "contents" is not a file change; expected one of content, mode, /);
  assert.equal(refused(rule('    match:\n      path:\n        - /usr/**\n        - "/x[ab"\n    verdict: flag\n')),
    'p.yaml:10: rules[1].match.path[1]: "/x[ab" is not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters');
  assert.equal(refused(rule('    match: {path: usr/bin/**}\n    verdict: flag\n')),
    'p.yaml:7: rules[1].match.path: "usr/bin/**": event paths are absolute, so a path glob starts with "/", "*" or "{"');
  assert.equal(refused(rule('    match: {not_path: "!/etc/**"}\n    verdict: flag\n')),
    'p.yaml:7: rules[1].match.not_path: "!/etc/**": a leading "!" (negation) is not supported; use not_path');
  assert.match(refused(rule('    match: {package: "open{ssl"}\n    verdict: flag\n')), /^p\.yaml:7: rules\[1\]\.match\.package: "open\{ssl" is not a valid glob/);
  assert.match(refused(rule('    match: {image: "(ami"}\n    verdict: flag\n')), /^p\.yaml:7: rules\[1\]\.match\.image: "\(ami" is not a valid glob/);
  assert.match(refused(rule('    match:\n      labels: {role: "[web"}\n    verdict: flag\n')), /^p\.yaml:8: rules\[1\]\.match\.labels\.role: "\[web" is not a valid glob/);
  assert.equal(refused(rule('    match: {path: []}\n    verdict: flag\n')), 'p.yaml:7: rules[1].match.path: expected a path glob, or a non-empty list of them');
  assert.equal(refused(rule('    match: {}\n    verdict: flag\n').replace('name: r1', 'name: r0')), 'p.yaml:6: rules[1].name: "r0" is already the name of rules[0]; rule names are unique');
  assert.equal(refused(rule('    match: {}\n    verdict: flag\n').replace('name: r1', 'name: default')),
    'p.yaml:6: rules[1].name: "default" names the verdict of events no rule matches; choose another name');
  assert.match(refused(rule('    match: {}\n    verdict: flag\n').replace('name: r1', 'name: "two words"')), /^p\.yaml:6: rules\[1\]\.name: "two words": a rule name is letters, digits/);
  assert.equal(refused('version: 1\ngovernor:\n  window: 0.5s\n'), 'p.yaml:3: governor.window: must be at least 1s, not 500ms');
  assert.match(refused('version: 1\ngovernor:\n  window: soon\n'), /^p\.yaml:3: governor\.window: expected a duration such as/);
  assert.match(refused('version: 1\ngovernor:\n  max_group_fraction: 1.5\n'), /^p\.yaml:3: governor\.max_group_fraction: .*less or equal to 1/);
  assert.equal(refused('version: 1\ngovernor:\n  approval: sometimes\n'), 'p.yaml:3: governor.approval: expected one of never, always, above');
  assert.match(refused('version: 1\ndefault: {verdict: flag}\ndefault: {verdict: alert}\n'), /^p\.yaml:3: Map keys must be unique/);
  assert.match(refused('- version: 1\n'), /^p\.yaml: expected a mapping of settings/);
});

test('the built-in default policy loads, is named "built-in default", and docs/policy.md quotes it exactly', () => {
  const p = defaultPolicy();
  assert.equal(p.source, DEFAULT_POLICY_SOURCE);
  assert.deepEqual(p.rules.map((r) => `${r.name}:${r.verdict}`), [
    'volatile-files:ignore', 'python-bytecode:flag', 'snap-refresh:flag', 'binaries:terminate', 'packages:terminate', 'logins:terminate',
    'coverage-gaps:alert', 'agent-stopped:flag',
  ]);
  // The block after the marker line in docs/policy.md, between ```yaml and ```.
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'policy.md'), 'utf8');
  const m = /<!-- default-policy: collector\/policy\/default-policy\.ts -->\n```yaml\n([\s\S]*?)```\n/.exec(doc);
  assert.ok(m !== null, 'docs/policy.md has no default-policy block after its marker');
  assert.equal(m[1], DEFAULT_POLICY_YAML);
});
