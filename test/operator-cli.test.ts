// drift-collector hosts / host / events / report as an operator runs them:
// the real bin against a real collector process, on a database the test
// filled through the store before starting it. Tables for people (control
// characters escaped), --json for scripts, reports to stdout and to a file,
// errors with their codes; the token is never printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { Store } from '../collector/store/store.js';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { addHosts } from './helpers/drift-fleet.js';
import { SCRIPT_NAME, seedReportFleet, T0, type ReportFleet } from './helpers/report-fleet.js';
import { makeTempDir, removeTempDir, REPO_ROOT } from './helpers/temp-tree.js';

let dir: string;
let store: Store;
let collector: CollectorProcess;
let fleet: ReportFleet;
const viewer = newSecret();
const outputs: string[] = [];

interface Run { status: number | null; stdout: string; stderr: string }

function cli(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'drift-collector.js'), ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', DRIFTWATCH_URL: collector.base, DRIFTWATCH_TOKEN: viewer, ...env },
  });
  outputs.push(r.stdout, r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Run): string {
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function expectError(r: Run, code: string, message: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^drift-collector: error \\[${code}\\]: .*\\n$`));
  assert.match(r.stderr, message);
}

before(async () => {
  dir = makeTempDir();
  const db = join(dir, 'collector.db');
  store = openSqliteStore(db);
  await store.migrate();
  await store.createToken('viewer', 'viewer', hashSecret(viewer), new Date(), 'test');
  const responder = (await store.createToken('alice', 'responder', hashSecret(newSecret()), new Date(), 'test')).id;
  // web-2's termination stays held: the collector would act on an approval while the tests read.
  fleet = await seedReportFleet(store, responder, false);
  await addHosts(store, 1, new Date(T0), { prefix: 'evil\u001b[2J', imageId: 'ami-odd' });
  collector = await startCollector(db);
});
after(async () => {
  collector.child.kill('SIGTERM');
  await once(collector.child, 'exit');
  await store.close();
  removeTempDir(dir);
  assert.ok(![...outputs, ...collector.logs].some((o) => o.includes(viewer)), 'the token was printed');
});

test('hosts: a table with filters, control characters escaped; --json for scripts', () => {
  const lines = ok(cli(['hosts'])).trimEnd().split('\n');
  assert.match(lines[0]!, /^ID +HOSTNAME +STATE +IMAGE +LAST SEEN +TERMINATION$/);
  assert.equal(lines.length, 5);
  assert.match(lines.find((l) => l.includes('web-2'))!, new RegExp(`^${fleet.web2.id} +web-2 +drifted +ami-web +\\S+ +${fleet.approvedId} pending_approval: governor approval`));
  assert.ok(lines.some((l) => l.includes('evil\\u001b[2J-1')), 'the escape character is shown, not sent');
  assert.ok(!lines.join('\n').includes('\u001b'));

  const db = ok(cli(['hosts', '--label', 'role=db'])).trimEnd().split('\n');
  assert.deepEqual(db.slice(1).map((l) => l.split(/ +/)[1]), ['db-1']);
  assert.equal(ok(cli(['hosts', '--image', 'ami-web', '--state', 'clean'])), 'no hosts\n');
  const json = JSON.parse(ok(cli(['hosts', '--image', 'ami-web', '--json']))) as { hosts: Array<{ hostname: string }> };
  // Same enrollment time: the order between them is the ids'.
  assert.deepEqual(json.hosts.map((h) => h.hostname).sort(), ['web-1', 'web-2']);
});

test('host ID: facts, state, baseline and the termination in flight', () => {
  const out = ok(cli(['host', fleet.web2.id]));
  assert.match(out, /^FIELD +VALUE\n/);
  assert.match(out, /\nhostname +web-2\n/);
  assert.match(out, /\nstate +drifted\n/);
  assert.match(out, /\nimage +ami-web\n/);
  assert.match(out, /\nlabels +role=web\n/);
  assert.match(out, /\nbaseline +(ab){32} sealed 2024-05-01T10:00:00Z\n/);
  assert.match(out, new RegExp(`\\ntermination +${fleet.approvedId} pending_approval: governor approval is "always"`));
  const json = JSON.parse(ok(cli(['host', fleet.db1.id, '--json']))) as { host: { hostname: string; termination: unknown } };
  assert.deepEqual([json.host.hostname, json.host.termination], ['db-1', null]);
});

test('events HOST_ID: verdict and rule columns, filters, --json', () => {
  const lines = ok(cli(['events', fleet.web1.id])).trimEnd().split('\n');
  assert.match(lines[0]!, /^SEQ +RECEIVED +KIND +SUBJECT +CHANGES +VERDICT +SEVERITY +RULE$/);
  assert.match(lines[1]!, /^1 +2024-05-01T10:01:00Z +file_changed +\/etc\/hosts +content +alert +high +etc-config$/);
  assert.ok(lines.some((l) => l.includes(SCRIPT_NAME) && /flag +low +tmp-files$/.test(l)));
  assert.match(lines[4]!, /^4 .*package_added +=HYPERLINK\("http:\/\/evil"\) 1 +- +alert +medium +packages$/);
  assert.equal(ok(cli(['events', fleet.web1.id, '--kind', 'package_added', '--limit', '1'])).trimEnd().split('\n').length, 2);
  assert.equal(ok(cli(['events', fleet.web1.id, '--since', '2024-05-01T10:03:30Z'])).trimEnd().split('\n').length, 2);
  const json = JSON.parse(ok(cli(['events', fleet.web2.id, '--json']))) as { events: Array<{ verdict: string; rule: string }> };
  assert.deepEqual(json.events.map((e) => [e.verdict, e.rule]), [['terminate', 'binaries']]);
});

test('report: Markdown to stdout by default, any format to a file with --out', () => {
  const md = ok(cli(['report', '--host', fleet.web2.id]));
  assert.match(md, /^# Drift report: host web-2 \(/);
  assert.match(md, /\| terminate \| critical \| binaries \| termination \d+ held; held: governor approval is "always"/);

  const out = join(dir, 'fleet.html');
  const wrote = ok(cli(['report', '--since', '2024-05-01T00:00:00Z', '--until', '2024-05-02T00:00:00Z', '--format', 'html', '--out', out]));
  assert.match(wrote, new RegExp(`^wrote the html report to ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(\\d+ bytes\\)\\n$`));
  const html = readFileSync(out, 'utf8');
  assert.match(html, /^<!DOCTYPE html>/);
  assert.ok(html.includes('/tmp/&lt;script&gt;alert(1)&lt;/script&gt;'));
  const csv = ok(cli(['report', '--image', 'ami-db', '--format', 'csv']));
  assert.match(csv, /^record,host_id,/);
  assert.ok(csv.includes(',denied,alice (token '));
  const json = JSON.parse(ok(cli(['report', '--image', 'ami-web', '--json', '--max-events', '2']))) as { report: { truncated: boolean; events: unknown[] } };
  assert.deepEqual([json.report.truncated, json.report.events.length], [true, 2]);
});

test('errors: usage before any request, the collector\'s own codes, an unreachable collector', () => {
  expectError(cli(['report']), 'COLLECTOR_USAGE', /--host ID, --image ID, or --since TIME/);
  expectError(cli(['report', '--host', fleet.web1.id, '--image', 'x']), 'COLLECTOR_USAGE', /not both/);
  expectError(cli(['report', '--image', 'x', '--format', 'pdf']), 'COLLECTOR_USAGE', /--format must be one of/);
  expectError(cli(['report', '--since', 'soon']), 'COLLECTOR_USAGE', /--since must be a time/);
  expectError(cli(['host', 'web-1']), 'COLLECTOR_USAGE', /32 hex digits/);
  expectError(cli(['events']), 'COLLECTOR_USAGE', /host ID/);
  expectError(cli(['hosts', '--state', 'sleepy']), 'COLLECTOR_USAGE', /--state must be one of/);
  expectError(cli(['hosts', '--label', 'role']), 'COLLECTOR_USAGE', /key=value/);
  expectError(cli(['report', '--image', 'x', '--out', join(dir, 'no', 'such', 'dir.md')]), 'COLLECTOR_USAGE', /cannot write --out .*ENOENT/);
  expectError(cli(['host', '0'.repeat(32)]), 'COLLECTOR_NOT_FOUND', /no host/);
  expectError(cli(['report', '--host', '0'.repeat(32)]), 'COLLECTOR_NOT_FOUND', /no host/);
  expectError(cli(['report', '--image', 'x', '--max-events', '0']), 'COLLECTOR_BAD_REQUEST', /max_events/);
  expectError(cli(['hosts', '--token', 'dwt_wrong']), 'COLLECTOR_AUTH_REQUIRED', /unknown or revoked token/);
  expectError(cli(['report', '--image', 'x'], { DRIFTWATCH_URL: 'http://127.0.0.1:1' }), 'COLLECTOR_UNREACHABLE', /cannot reach the collector at http:\/\/127\.0\.0\.1:1/);
});

test('--help for each command', () => {
  for (const cmd of ['hosts', 'host', 'events', 'report']) {
    const r = cli([cmd, '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`^Usage: drift-collector ${cmd} `));
    assert.match(r.stdout, /--url URL/);
  }
  const top = ok(cli(['--help']));
  for (const cmd of ['hosts', 'host', 'events', 'report']) assert.match(top, new RegExp(`\\n  ${cmd} +\\S`));
});
