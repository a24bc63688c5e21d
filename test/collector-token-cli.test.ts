// drift-collector token create/list/revoke as a user runs them (the real bin
// in a child process), then the created secret against an app on the same
// database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApp } from '../collector/http/app.js';
import { makeConfig } from '../collector/config.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import { makeTempDir, removeTempDir, REPO_ROOT } from './helpers/temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN } from './helpers/fake-agent.js';

interface Run { status: number | null; stdout: string; stderr: string }

function runCollector(args: string[]): Run {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'drift-collector.js'), ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Calls the operator API of an app built on `db`, the way `serve` would run it. */
async function apiStatus(db: string, secret: string, url = '/api/v1/tokens'): Promise<{ status: number; body: string }> {
  const store = openSqliteStore(db);
  await store.migrate();
  const app = buildApp(store, makeConfig({ db, adminToken: ADMIN_TOKEN, enrollToken: ENROLL_TOKEN }), pino({ level: 'silent' }));
  try {
    const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${secret}` } });
    return { status: r.statusCode, body: r.body };
  } finally {
    await app.close();
    await store.close();
  }
}

test('token create prints only the secret; list shows the token without it; the secret works on the API until revoked', async () => {
  const dir = makeTempDir();
  try {
    const db = join(dir, 'c.db');
    const created = runCollector(['token', 'create', '--db', db, '--role', 'admin', '--name', 'bootstrap admin']);
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /^dwt_[A-Za-z0-9_-]{43}\n$/);
    const secret = created.stdout.trim();
    const id = /token ([0-9a-f]{32})/.exec(created.stderr)?.[1];
    assert.ok(id !== undefined, created.stderr);

    const viewer = runCollector(['token', 'create', '--db', db, '--role', 'viewer']);
    assert.equal(viewer.status, 0, viewer.stderr);

    const list = runCollector(['token', 'list', '--db', db]);
    assert.equal(list.status, 0, list.stderr);
    const lines = list.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ID\s+NAME\s+ROLE\s+CREATED\s+REVOKED$/);
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, new RegExp(`^${id}\\s+bootstrap admin\\s+admin\\s+\\d{4}-\\d\\d-\\d\\dT\\S+Z\\s+-$`));
    assert.match(lines[2]!, /\scli-viewer\s+viewer\s/);
    assert.ok(!list.stdout.includes(secret) && !list.stdout.includes(viewer.stdout.trim()), 'list printed a secret');

    // The CLI wrote the database a running collector reads.
    const ok = await apiStatus(db, secret);
    assert.equal(ok.status, 200, ok.body);
    assert.deepEqual((JSON.parse(ok.body) as { tokens: Array<{ name: string }> }).tokens.map((t) => t.name), ['bootstrap admin', 'cli-viewer']);
    assert.equal((await apiStatus(db, viewer.stdout.trim())).status, 403);
    assert.equal((await apiStatus(db, viewer.stdout.trim(), '/api/v1/hosts')).status, 200);

    const revoked = runCollector(['token', 'revoke', '--db', db, id]);
    assert.equal(revoked.status, 0, revoked.stderr);
    assert.equal(revoked.stdout, '');
    assert.equal((await apiStatus(db, secret)).status, 401);
    assert.match(runCollector(['token', 'list', '--db', db]).stdout.split('\n')[1]!, /\d{4}-\d\d-\d\dT\S+Z$/);

    // Every change is in the audit log, by "cli".
    const audit = await apiStatus(db, ADMIN_TOKEN, '/api/v1/audit');
    const entries = (JSON.parse(audit.body) as { audit: Array<{ actor: string; action: string; detail: { token_id: string } }> }).audit;
    assert.deepEqual(entries.map((e) => [e.actor, e.action]), [['cli', 'token.revoke'], ['cli', 'token.create'], ['cli', 'token.create']]);
    assert.equal(entries[0]!.detail.token_id, id);
  } finally {
    removeTempDir(dir);
  }
});

test('token command errors exit 2 with a code, and a bad create makes no database', () => {
  const dir = makeTempDir();
  try {
    const db = join(dir, 'c.db');
    const cases: Array<[string[], string]> = [
      [['token', 'create', '--db', db, '--role', 'root'], 'COLLECTOR_USAGE'],
      [['token', 'create', '--db', db, '--role', 'viewer', '--name', ''], 'COLLECTOR_USAGE'],
      [['token', 'create', '--role', 'viewer'], 'COLLECTOR_USAGE'],
      [['token', 'list', '--db', join(dir, 'typo.db')], 'COLLECTOR_USAGE'],
      [['token', 'frobnicate', '--db', db], 'COLLECTOR_USAGE'],
      [['token', 'list', '--db', db, '--bogus'], 'COLLECTOR_USAGE'],
    ];
    for (const [args, code] of cases) {
      const r = runCollector(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, new RegExp(`^drift-collector: error \\[${code}\\]: `), args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.ok(!existsSync(db) && !existsSync(join(dir, 'typo.db')), 'a failed command created a database');
    assert.equal(runCollector(['token', 'create', '--db', db, '--role', 'viewer']).status, 0);
    const unknown = runCollector(['token', 'revoke', '--db', db, 'f'.repeat(32)]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^drift-collector: error \[COLLECTOR_NOT_FOUND\]: /);
    const help = runCollector(['token', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /token create --db FILE --role ROLE/);
  } finally {
    removeTempDir(dir);
  }
});
