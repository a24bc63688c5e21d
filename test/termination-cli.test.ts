// drift-collector terminations / approve / deny as an operator runs them:
// the real bin against a real collector process (with an exec terminator, so
// an approval is acted on), on a database the test filled through the store
// (the governor held every termination).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { createTerminationRunner } from '../collector/actions/termination-runner.js';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { HostRecord, Store } from '../collector/store/store.js';
import { waitFor } from './helpers/agent-process.js';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { addHosts, DEFAULT_GOVERNOR, drift } from './helpers/drift-fleet.js';
import { makeTempDir, removeTempDir, REPO_ROOT } from './helpers/temp-tree.js';
import { RecordingTerminator } from './helpers/recording-terminator.js';

let dir: string;
let store: Store;
let collector: CollectorProcess;
let hosts: HostRecord[];
const token = { viewer: newSecret(), responder: newSecret() };
const tokenId = { viewer: '', responder: '' };
const outputs: string[] = [];

interface Run { status: number | null; stdout: string; stderr: string }

/** The real bin; DRIFTWATCH_URL points at the collector unless `env` says otherwise. */
function cli(args: string[], env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'drift-collector.js'), ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH ?? '', DRIFTWATCH_URL: collector.base, DRIFTWATCH_TOKEN: token.viewer, ...env },
  });
  outputs.push(r.stdout, r.stderr);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectError(r: Run, code: string, message: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^drift-collector: error \\[${code}\\]: .*\\n$`));
  assert.match(r.stderr, message);
}

async function pendingIds(): Promise<number[]> {
  return (await store.listTerminations({ states: ['pending_approval'], limit: 10, oldestFirst: true })).map((t) => t.id);
}

before(async () => {
  dir = makeTempDir();
  const db = join(dir, 'collector.db');
  store = openSqliteStore(db);
  await store.migrate();
  for (const role of ['viewer', 'responder'] as const) tokenId[role] = (await store.createToken(role, role, hashSecret(token[role]), new Date(), 'test')).id;
  hosts = await addHosts(store, 6, new Date());
  await drift(store, hosts.slice(0, 3), new Date());
  const runner = createTerminationRunner(store, new RecordingTerminator(), () => ({ ...DEFAULT_GOVERNOR, approval: 'always' }), [],
    { silentAfterMs: 90_000, alertTtlMs: 3_600_000 }, pino({ level: 'silent' }));
  await runner.tick(new Date());
  await runner.stop();
  assert.equal((await pendingIds()).length, 3);
  // The collector runs the approved ones: through a command that records the host it was given.
  const script = join(dir, 'terminate-host');
  writeFileSync(script, `#!/bin/sh\necho "$DRIFTWATCH_HOSTNAME" >> '${join(dir, 'terminated.txt')}'\n`);
  chmodSync(script, 0o755);
  writeFileSync(join(dir, 'collector.yaml'), `terminator:\n  type: exec\n  command: ["${script}"]\n`);
  collector = await startCollector(db, ['--config', join(dir, 'collector.yaml')]);
});
after(async () => {
  collector.child.kill('SIGTERM');
  await once(collector.child, 'exit');
  await store.close();
  removeTempDir(dir);
  // Not in any output, nor in anything the collector logged.
  for (const secret of Object.values(token)) assert.ok(![...outputs, ...collector.logs].some((o) => o.includes(secret)), 'a token was printed');
});

test('terminations lists the held ones as a table for people and as JSON for scripts', async () => {
  const table = cli(['terminations', '--state', 'pending_approval']);
  assert.equal(table.status, 0, table.stderr);
  const lines = table.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^ID +STATE +HOST +REQUESTED +RULE +EVENT +WHY$/);
  assert.equal(lines.length, 4);
  const [id] = await pendingIds();
  assert.match(lines[3]!, new RegExp(`^${id} +pending_approval +web-1 +\\d{4}-\\d\\d-\\d\\dT[\\d:]+Z +binaries +file_changed /usr/bin/ls +governor approval is "always"`));

  const json = cli(['terminations', '--json', '--limit', '2']);
  assert.equal(json.status, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { terminations: Array<{ id: number; state: string }> };
  assert.deepEqual(parsed.terminations.map((t) => t.state), ['pending_approval', 'pending_approval']);
  assert.equal(cli(['terminations', '--state', 'done']).stdout, 'no terminations\n');
});

test('approve and deny as a responder, recorded in the audit log with who and why; a viewer is refused', async () => {
  const [first, second] = await pendingIds();
  expectError(cli(['approve', String(first), '--reason', 'rootkit confirmed']), 'COLLECTOR_FORBIDDEN', /role responder/);

  const ok = cli(['approve', String(first), '--reason', 'rootkit confirmed (INC-9)', '--token', token.responder], { DRIFTWATCH_TOKEN: '' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, `approved termination ${first} of web-1: the collector terminates it on its next tick\n`);
  expectError(cli(['approve', String(first), '--reason', 'again'], { DRIFTWATCH_TOKEN: token.responder }), 'COLLECTOR_CONFLICT',
    new RegExp(`termination ${first} is (approved|executing|done): only a termination pending approval can be approved`));

  const denied = cli(['deny', String(second), '--reason', 'known hotfix CHG-7', '--json'], { DRIFTWATCH_TOKEN: token.responder });
  assert.equal(denied.status, 0, denied.stderr);
  assert.equal((JSON.parse(denied.stdout) as { termination: { state: string } }).termination.state, 'denied');

  // The approval is acted on: the collector runs the terminator on it, and only on it.
  await waitFor('the approved termination done', async () => ((await store.getTermination(first!))!.state === 'done' ? true : undefined), 20_000, collector.logs);
  assert.equal(readFileSync(join(dir, 'terminated.txt'), 'utf8'), 'web-1\n');
  assert.equal((await store.getTermination(second!))!.state, 'denied');
  const audit = (await store.listAudit(10)).filter((e) => e.actor === tokenId.responder);
  assert.deepEqual(audit.map((e) => [e.action, e.detail.termination_id, e.detail.reason]), [
    ['termination.deny', second, 'known hotfix CHG-7'], ['termination.approve', first, 'rootkit confirmed (INC-9)'],
  ]);
  assert.ok(audit.every((e) => Math.abs(e.at.getTime() - Date.now()) < 120_000));
});

test('usage errors are caught before any request; a collector that is not there is COLLECTOR_UNREACHABLE', async () => {
  expectError(cli(['approve', '1']), 'COLLECTOR_USAGE', /--reason/);
  expectError(cli(['deny', 'x', '--reason', 'r']), 'COLLECTOR_USAGE', /termination ID/);
  expectError(cli(['deny', '1', '--reason', 'two\nlines']), 'COLLECTOR_USAGE', /printable/);
  expectError(cli(['terminations', '--state', 'gone']), 'COLLECTOR_USAGE', /--state must be one of/);
  expectError(cli(['terminations'], { DRIFTWATCH_TOKEN: '' }), 'COLLECTOR_USAGE', /--token T or DRIFTWATCH_TOKEN/);
  expectError(cli(['terminations', '--url', 'ftp://x']), 'COLLECTOR_USAGE', /http/);
  expectError(cli(['terminations', '--url', `http://me:${token.viewer}@127.0.0.1:1`]), 'COLLECTOR_USAGE', /user or password/);

  const free = createServer();
  free.listen(0, '127.0.0.1');
  await once(free, 'listening');
  const port = (free.address() as { port: number }).port;
  free.close();
  await once(free, 'close');
  expectError(cli(['terminations'], { DRIFTWATCH_URL: `http://127.0.0.1:${port}` }), 'COLLECTOR_UNREACHABLE',
    new RegExp(`cannot reach the collector at http://127\\.0\\.0\\.1:${port}: ECONNREFUSED`));
  expectError(cli(['terminations', '--token', 'dwt_not-a-real-token']), 'COLLECTOR_AUTH_REQUIRED', /unknown or revoked token/);
  assert.equal((await pendingIds()).length, 1, 'nothing else was decided');
});

test('--help for each command', () => {
  for (const cmd of ['terminations', 'approve', 'deny']) {
    const r = cli([cmd, '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`^Usage: drift-collector ${cmd} `));
    assert.match(r.stdout, /--url URL/);
  }
  assert.match(cli(['--help']).stdout, /approve +approve a termination the governor held/);
});
