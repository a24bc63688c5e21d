// The policy through the real binaries: `drift-collector policy test|check|default`
// (fed by real `drift-agent check` output), `serve --policy --check-config`,
// and SIGHUP reloading the policy of a running collector.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_POLICY_YAML } from '../collector/policy/default-policy.js';
import { ADMIN_TOKEN } from './helpers/fake-agent.js';
import { startCollector } from './helpers/collector-process.js';
import { runAgent, runCollector } from './helpers/run-cli.js';
import { makeTempDir, put, removeTempDir, writeTree } from './helpers/temp-tree.js';

let dir: string;
before(() => {
  dir = makeTempDir();
});
after(() => removeTempDir(dir));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const WEB_POLICY = `version: 1
rules:
  - name: web-bins
    match: {path: /usr/bin/**, labels: {role: "web*"}}
    verdict: terminate
  - name: pkgs
    match: {package: openssl*}
    verdict: alert
    severity: high
default: {verdict: flag}
`;

test('policy default prints the built-in policy; policy check accepts it and refuses a bad file with its line', () => {
  const printed = runCollector(['policy', 'default']);
  assert.deepEqual([printed.status, printed.stdout], [0, DEFAULT_POLICY_YAML]);
  const ok = runCollector(['policy', 'check', file('default.yaml', printed.stdout)]);
  assert.deepEqual([ok.status, ok.stdout], [0, `policy ok: 8 rules in ${join(dir, 'default.yaml')}\n`]);
  const badPath = file('bad.yaml', 'version: 1\nrules:\n  - name: x\n    match: {path: /usr/**}\n    verdict: nuke\n');
  const bad = runCollector(['policy', 'check', badPath]);
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr, `drift-collector: error [COLLECTOR_POLICY_INVALID]: ${badPath}:5: rules[0].verdict: expected one of ignore, flag, alert, terminate\n`);
  const usage = runCollector(['policy', 'check', badPath, '--json']);
  assert.deepEqual([usage.status, usage.stderr], [2, 'drift-collector: error [COLLECTOR_USAGE]: --json is an option of policy test only\n']);
});

test('policy test on real `drift-agent check` output: each event with the rules tried and the verdict', () => {
  const root = join(dir, 'root');
  writeTree(root, { 'etc/resolv.conf': 'nameserver 10.0.0.2\n', 'etc/hosts': '127.0.0.1 localhost\n', 'usr/bin/ls': 'ELF\n' });
  const baseline = join(dir, 'baseline.json');
  assert.equal(runAgent(['scan', '--root', root, '--paths', '/etc,/usr', '--format', 'json', '--out', baseline]).status, 0);
  put(root, 'etc/resolv.conf', 'nameserver 10.0.0.3\n');
  put(root, 'usr/bin/ls', 'ELF, trojaned\n');
  const check = runAgent(['check', '--root', root, '--baseline', baseline, '--format', 'json']);
  assert.equal(check.status, 1, check.stderr);
  const r = runCollector(['policy', 'test', '--event', file('check.json', check.stdout)]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `policy: built-in default (8 rules)
host: image (none), labels (none)

event 1: file_changed /etc/resolv.conf (content)
  + volatile-files: matches: kind file_changed is one of [file_added, file_removed, file_changed]; path /etc/resolv.conf matches /etc/resolv.conf
  => ignore, severity info, by rule volatile-files

event 2: file_changed /usr/bin/ls (content)
  - volatile-files: no: path /usr/bin/ls matches none of [/etc/resolv.conf, /etc/adjtime, /etc/mtab, /etc/ld.so.cache, /etc/.updated, /boot/grub/grubenv, /usr/lib/sysimage/rpm/**, /var/lib/**, /var/cache/**, /var/log/**, /var/tmp/**, /var/backups/**, /tmp/**, /run/**, /var/run/**]
  - python-bytecode: no: path /usr/bin/ls matches none of [/usr/lib/python3*/**/__pycache__/*.pyc, /usr/local/lib/python3*/**/__pycache__/*.pyc]
  - snap-refresh: no: path /usr/bin/ls matches none of [/etc/systemd/system/snap-*.mount, /etc/systemd/system/snap.*, /etc/systemd/system/*.wants/snap-*.mount, /etc/systemd/system/*.wants/snap.*]
  + binaries: matches: kind file_changed is one of [file_added, file_removed, file_changed]; path /usr/bin/ls matches /usr/bin/**
  => terminate, severity critical, by rule binaries
`);
});

test('policy test --json with a policy file and a host (as the API returns it); a list of events or one event', () => {
  const policy = file('web.yaml', WEB_POLICY);
  const host = file('host.json', JSON.stringify({ host: { id: 'x', hostname: 'web-1', image_id: 'ami-1', labels: { role: 'web-frontend' } } }));
  const events = file('events.json', JSON.stringify([
    { kind: 'file_added', path: '/usr/bin/nc' },
    { kind: 'package_changed', package: { manager: 'dpkg', name: 'openssl', version: '3.0.17', arch: 'amd64' } },
    { kind: 'login', login: { user: 'root', tty: 'pts/0', origin: '10.0.0.9' } },
  ]));
  const r = runCollector(['policy', 'test', '--policy', policy, '--event', events, '--host', host, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { policy: string; results: Array<{ event: { kind: string }; verdict: string; severity: string; rule: string; trace: Array<{ rule: string; matched: boolean; why: string[] }> }> };
  assert.equal(out.policy, policy);
  assert.deepEqual(out.results.map((x) => [x.event.kind, x.verdict, x.severity, x.rule]), [
    ['file_added', 'terminate', 'critical', 'web-bins'], ['package_changed', 'alert', 'high', 'pkgs'], ['login', 'flag', 'low', 'default'],
  ]);
  assert.deepEqual(out.results[0]!.trace, [{ rule: 'web-bins', matched: true, why: ['path /usr/bin/nc matches /usr/bin/**', 'label role=web-frontend matches web*'] }]);
  assert.deepEqual(out.results[2]!.trace.map((t) => t.why[0]), ['the event has no path', 'the event has no package']);
  // The same host without the role label: the first rule no longer matches, and says why.
  const one = runCollector(['policy', 'test', '--policy', policy, '--event', file('one.json', '{"kind":"file_added","path":"/usr/bin/nc"}'),
    '--host', file('bare.json', '{"image_id":"ami-1","labels":{}}')]);
  assert.match(one.stdout, /\n {2}- web-bins: no: the host has no label role\n[\s\S]*=> flag, severity low, by default \(no rule matched\)\n$/);
});

test('policy test refuses malformed input naming the event, exit 2', () => {
  const bad = runCollector(['policy', 'test', '--event', file('bad-events.json', '{"events":[{"kind":"login"},{"kind":"file_chnged","path":"/x"}]}')]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^drift-collector: error \[COLLECTOR_USAGE\]: .*bad-events\.json: events\[1\]: kind "file_chnged" is not an event kind; expected one of /);
  const noEvent = runCollector(['policy', 'test']);
  assert.deepEqual([noEvent.status, noEvent.stderr], [2, 'drift-collector: error [COLLECTOR_USAGE]: policy test needs --event FILE (try drift-collector policy --help)\n']);
  const badPolicy = runCollector(['policy', 'test', '--policy', file('p.yaml', 'version: 1\nrules: nope\n'), '--event', file('e.json', '{"kind":"login"}')]);
  assert.deepEqual([badPolicy.status, badPolicy.stderr], [2, `drift-collector: error [COLLECTOR_POLICY_INVALID]: ${join(dir, 'p.yaml')}:2: rules: Expected array\n`]);
});

test('serve --check-config loads the policy too: a bad policy file is exit 2 with its line', () => {
  const common = ['serve', '--db', join(dir, 'x.db'), '--listen', '127.0.0.1:0', '--admin-token', ADMIN_TOKEN, '--enroll-token', ADMIN_TOKEN, '--check-config'];
  const ok = runCollector([...common, '--policy', file('good.yaml', WEB_POLICY)]);
  assert.deepEqual([ok.status, ok.stdout], [0, 'config ok\n']);
  const badPath = file('bad-serve.yaml', `${WEB_POLICY}governor: {window: 2ms}\n`);
  const bad = runCollector([...common, '--policy', badPath]);
  assert.deepEqual([bad.status, bad.stderr], [2, `drift-collector: error [COLLECTOR_POLICY_INVALID]: ${badPath}:11: governor.window: must be at least 1s, not 2ms\n`]);
});

/** Polls until `probe` is true; fails after many tries (no assertion on how long it took). */
async function until(probe: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await probe()) return;
    await sleep(50);
  }
  assert.fail(`gave up waiting for ${what}`);
}

test('SIGHUP reloads the policy of a running collector; a bad file is refused, logged and audited, the old policy stays', async () => {
  const policyPath = file('live.yaml', 'version: 1\nrules:\n  - {name: first, match: {kind: login}, verdict: alert}\n');
  const { child, base, logs } = await startCollector(join(dir, 'live.db'), ['--policy', policyPath]);
  try {
    const get = async (path: string): Promise<Record<string, unknown>> =>
      await (await fetch(base + path, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json() as Record<string, unknown>;
    const ruleNames = async (): Promise<string[]> => ((await get('/api/v1/policy')).policy as { rules: Array<{ name: string }> }).rules.map((r) => r.name);
    assert.deepEqual(await ruleNames(), ['first']);
    assert.ok(logs.some((l) => l.includes('"msg":"policy loaded"') && l.includes(`"source":"${policyPath}"`) && l.includes('"rules":1')));

    writeFileSync(policyPath, 'version: 1\nrules:\n  - {name: second, match: {kind: login}, verdict: terminate}\n  - {name: third, match: {}, verdict: flag}\n');
    child.kill('SIGHUP');
    await until(async () => (await ruleNames()).join() === 'second,third', 'the reloaded policy');

    writeFileSync(policyPath, 'version: 1\nrules:\n  - {name: broken, match: {kind: nope}, verdict: flag}\n');
    child.kill('SIGHUP');
    await until(() => logs.some((l) => l.includes('policy reload refused')), 'the refusal in the log');
    assert.ok(logs.some((l) => l.includes('policy reload refused') && l.includes(`${policyPath}:3: rules[0].match.kind: \\"nope\\" is not an event kind`)));
    assert.deepEqual(await ruleNames(), ['second', 'third']);
    const audit = ((await get('/api/v1/audit')).audit as Array<{ actor: string; action: string; detail: { outcome: string } }>).reverse();
    assert.deepEqual(audit.map((a) => [a.actor, a.action, a.detail.outcome]), [['sighup', 'policy.reload', 'loaded'], ['sighup', 'policy.reload', 'refused']]);
  } finally {
    child.kill('SIGKILL');
  }
});
