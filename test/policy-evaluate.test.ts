// The evaluator: every condition, first match wins, the default, the
// explanation of each rule tried, and the default policy's verdicts for the
// events an immutable server produces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPolicy, loadPolicy } from '../collector/policy/policy-load.js';
import { evaluate, explain } from '../collector/policy/policy-evaluate.js';
import type { Policy, PolicyEvent, PolicyHost } from '../collector/policy/policy-types.js';

const WEB: PolicyHost = { imageId: 'ami-0abc', labels: { role: 'web-frontend', env: 'prod' } };

/** A policy of one rule with this match, default "flag"/"default". */
function only(match: string): Policy {
  return loadPolicy({ path: 'p.yaml', text: `version: 1\nrules:\n  - name: r\n    match: ${match}\n    verdict: terminate\ndefault: {verdict: flag}\n` });
}

function matches(match: string, event: PolicyEvent, host: PolicyHost = WEB): boolean {
  const policy = only(match);
  const got = evaluate(event, host, policy).rule === 'r';
  // explain() must agree with evaluate() on every case.
  assert.equal(explain(event, host, policy).rule === 'r', got, `explain disagrees on ${match}`);
  return got;
}

const changed = (path: string, changes = ['content']): PolicyEvent => ({ kind: 'file_changed', path, changes });

test('kind: one of the listed kinds', () => {
  assert.equal(matches('{kind: login}', { kind: 'login' }), true);
  assert.equal(matches('{kind: [file_added, file_changed]}', changed('/x')), true);
  assert.equal(matches('{kind: [file_added, file_removed]}', changed('/x')), false);
});

test('path: picomatch globs, dot files included, `**` also matching the directory itself; an event without a path never matches', () => {
  assert.equal(matches('{path: /usr/bin/**}', changed('/usr/bin/ls')), true);
  assert.equal(matches('{path: /usr/bin/**}', changed('/usr/bin/.hidden/x')), true);
  assert.equal(matches('{path: /usr/bin/**}', changed('/usr/bin')), true);
  assert.equal(matches('{path: /usr/bin/*}', changed('/usr/bin/sub/x')), false);
  assert.equal(matches('{path: "/etc/{hosts,passwd}"}', changed('/etc/passwd')), true);
  assert.equal(matches('{path: [/a/**, /etc/*.conf]}', changed('/etc/x.conf')), true);
  assert.equal(matches('{path: /usr/bin/**}', changed('/usr/binary')), false);
  assert.equal(matches('{path: "**"}', { kind: 'login' }), false);
});

test('not_path: excludes what it matches, holds for an event without a path', () => {
  const m = '{path: /usr/bin/**, not_path: [/usr/bin/.cache/**]}';
  assert.equal(matches(m, changed('/usr/bin/ls')), true);
  assert.equal(matches(m, changed('/usr/bin/.cache/x')), false);
  assert.equal(matches('{kind: login, not_path: /x/**}', { kind: 'login' }), true);
});

test('package: globs on the package name', () => {
  const pkg = (name: string): PolicyEvent => ({ kind: 'package_changed', package: { manager: 'dpkg', name, version: '1' } });
  assert.equal(matches('{package: openssl*}', pkg('openssl')), true);
  assert.equal(matches('{package: openssl*}', pkg('openssl-dev')), true);
  assert.equal(matches('{package: [libc6, "openssl*"]}', pkg('libssl3')), false);
  assert.equal(matches('{package: "*"}', changed('/x')), false);
});

test('changes: any of the listed changes', () => {
  assert.equal(matches('{changes: [mode, uid]}', changed('/x', ['content', 'mode'])), true);
  assert.equal(matches('{changes: mode}', changed('/x', ['content'])), false);
  assert.equal(matches('{changes: content}', { kind: 'file_added', path: '/x' }), false);
});

test('image: globs on the host image id', () => {
  assert.equal(matches('{image: ami-*}', { kind: 'login' }), true);
  assert.equal(matches('{image: [ami-1, ami-2]}', { kind: 'login' }), false);
  assert.equal(matches('{image: "*"}', { kind: 'login' }, { imageId: '', labels: {} }), false);
  // GCE image ids are paths: in names, `*` crosses slashes.
  assert.equal(matches('{image: "projects/debian-cloud/*"}', { kind: 'login' }, { imageId: 'projects/debian-cloud/global/images/debian-12', labels: {} }), true);
});

test('labels: every key present with a value matching its glob; inherited object keys are not labels', () => {
  assert.equal(matches('{labels: {role: "web*"}}', { kind: 'login' }), true);
  assert.equal(matches('{labels: {role: "web*", env: prod}}', { kind: 'login' }), true);
  assert.equal(matches('{labels: {role: "web*", env: staging}}', { kind: 'login' }), false);
  assert.equal(matches('{labels: {team: "*"}}', { kind: 'login' }), false);
  assert.equal(matches('{labels: {constructor: "*"}}', { kind: 'login' }), false);
});

test('all conditions must hold; an empty match matches everything', () => {
  const m = '{kind: file_changed, path: /usr/**, changes: content, image: ami-*, labels: {env: prod}}';
  assert.equal(matches(m, changed('/usr/bin/ls')), true);
  assert.equal(matches(m, changed('/usr/bin/ls', ['mode'])), false);
  assert.equal(matches(m, changed('/usr/bin/ls'), { imageId: 'ami-1', labels: {} }), false);
  assert.equal(matches('{}', { kind: 'agent_stopped' }), true);
});

test('the first matching rule wins; no match gives the default with rule "default"', () => {
  const policy = loadPolicy({ path: 'p.yaml', text: `version: 1
rules:
  - {name: quiet-etc, match: {path: /etc/resolv.conf}, verdict: ignore}
  - {name: etc, match: {path: /etc/**}, verdict: alert, severity: high}
  - {name: everything-else-in-etc, match: {path: /etc/**}, verdict: terminate}
default: {verdict: flag, severity: low}
` });
  assert.deepEqual(evaluate(changed('/etc/resolv.conf'), WEB, policy), { verdict: 'ignore', severity: 'info', rule: 'quiet-etc' });
  assert.deepEqual(evaluate(changed('/etc/hosts'), WEB, policy), { verdict: 'alert', severity: 'high', rule: 'etc' });
  assert.deepEqual(evaluate(changed('/srv/x'), WEB, policy), { verdict: 'flag', severity: 'low', rule: 'default' });
});

test('explain: every rule tried with the first failed condition, or all that held; none after the match', () => {
  const policy = loadPolicy({ path: 'p.yaml', text: `version: 1
rules:
  - {name: pkgs, match: {kind: package_added}, verdict: terminate}
  - {name: web-bins, match: {kind: file_changed, path: /usr/bin/**, not_path: /usr/bin/.cache/**, labels: {role: "web*"}}, verdict: terminate}
  - {name: later, match: {}, verdict: flag}
` });
  const e = explain(changed('/usr/bin/ls'), WEB, policy);
  assert.deepEqual(e, {
    verdict: 'terminate', severity: 'critical', rule: 'web-bins',
    trace: [
      { rule: 'pkgs', matched: false, why: ['kind file_changed is not one of [package_added]'] },
      { rule: 'web-bins', matched: true, why: [
        'kind file_changed is one of [file_changed]', 'path /usr/bin/ls matches /usr/bin/**',
        'path /usr/bin/ls matches none of not_path [/usr/bin/.cache/**]', 'label role=web-frontend matches web*',
      ] },
    ],
  });
  const miss = explain(changed('/usr/bin/ls'), { imageId: '', labels: { role: 'db' } }, policy);
  assert.deepEqual(miss.trace.map((t) => [t.rule, t.matched, t.why]), [
    ['pkgs', false, ['kind file_changed is not one of [package_added]']],
    ['web-bins', false, ['label role=db does not match web*']],
    ['later', true, ['the rule has no conditions: it matches every event']],
  ]);
  const none = explain({ kind: 'login' }, WEB, only('{path: /x/**}'));
  assert.deepEqual([none.rule, none.verdict, none.trace], ['default', 'flag', [{ rule: 'r', matched: false, why: ['the event has no path'] }]]);
});

test('the default policy: binaries, packages and logins terminate; volatile files are ignored; gaps alert high; the rest alerts', () => {
  const policy = defaultPolicy();
  const verdict = (e: PolicyEvent): string => {
    const v = evaluate(e, WEB, policy);
    return `${v.verdict}/${v.severity}/${v.rule}`;
  };
  const cases: Array<[PolicyEvent, string]> = [
    [changed('/usr/bin/ls'), 'terminate/critical/binaries'],
    [{ kind: 'file_added', path: '/usr/local/bin/miner' }, 'terminate/critical/binaries'],
    [changed('/usr/sbin/sshd', ['mode']), 'terminate/critical/binaries'],
    [{ kind: 'file_removed', path: '/bin/su' }, 'terminate/critical/binaries'],
    [changed('/lib64', ['target']), 'terminate/critical/binaries'],
    [changed('/lib/x86_64-linux-gnu/libc.so.6'), 'terminate/critical/binaries'],
    [{ kind: 'file_added', path: '/lib/modules/6.1.0-13-amd64/extra/rootkit.ko' }, 'terminate/critical/binaries'],
    [changed('/boot/vmlinuz-6.1.0-13-amd64'), 'terminate/critical/binaries'],
    [{ kind: 'file_added', path: '/etc/ld.so.preload' }, 'terminate/critical/binaries'],
    [{ kind: 'package_added', package: { manager: 'dpkg', name: 'nmap', version: '7.93', arch: 'amd64' } }, 'terminate/critical/packages'],
    [{ kind: 'package_changed', package: { manager: 'dpkg', name: 'openssl', version: '3.0.17-1~deb12u3', arch: 'amd64' } }, 'terminate/critical/packages'],
    [{ kind: 'package_file_modified', path: '/usr/bin/hostname', package: { name: 'hostname' } }, 'terminate/critical/packages'],
    [{ kind: 'login', login: { user: 'admin', tty: 'pts/0', origin: '10.0.0.5' } }, 'terminate/high/logins'],
    [changed('/etc/resolv.conf'), 'ignore/info/volatile-files'],
    [changed('/etc/adjtime'), 'ignore/info/volatile-files'],
    [changed('/etc/ld.so.cache'), 'ignore/info/volatile-files'],
    [changed('/boot/grub/grubenv'), 'ignore/info/volatile-files'],
    [{ kind: 'file_added', path: '/var/lib/dpkg/lock-frontend' }, 'ignore/info/volatile-files'],
    [changed('/var/log/syslog'), 'ignore/info/volatile-files'],
    [{ kind: 'file_added', path: '/usr/lib/python3/dist-packages/yaml/__pycache__/nodes.cpython-311.pyc' }, 'flag/low/python-bytecode'],
    [changed('/etc/systemd/system/snap-core20-2318.mount'), 'flag/low/snap-refresh'],
    [{ kind: 'coverage_gap', detail: 'watcher overflow' } as PolicyEvent, 'alert/high/coverage-gaps'],
    [{ kind: 'coverage_gap', path: '/usr/bin/ls' }, 'alert/high/coverage-gaps'],
    [{ kind: 'agent_stopped' }, 'flag/medium/agent-stopped'],
    [changed('/etc/ssh/sshd_config'), 'alert/medium/default'],
    [{ kind: 'file_added', path: '/root/.ssh/authorized_keys' }, 'alert/medium/default'],
    [{ kind: 'file_added', path: '/etc/cron.d/backdoor' }, 'alert/medium/default'],
    [changed('/etc/hosts'), 'alert/medium/default'],
  ];
  assert.deepEqual(cases.map(([e]) => `${e.path ?? e.kind} ${verdict(e)}`), cases.map(([e, want]) => `${e.path ?? e.kind} ${want}`));
});

test('evaluate returns the same frozen verdict object for a rule: nothing is allocated per event', () => {
  const policy = defaultPolicy();
  const a = evaluate(changed('/usr/bin/ls'), WEB, policy);
  const b = evaluate(changed('/usr/bin/cat'), WEB, policy);
  assert.equal(a, b);
  assert.ok(Object.isFrozen(a));
  // A different policy object with the same text compiles on its own.
  assert.notEqual(evaluate(changed('/usr/bin/ls'), WEB, defaultPolicy()), a);
});
