// Roles on the operator API through fastify inject(): every operator route
// against every kind of caller, token management, the audit log, and that
// secrets stay out of list output and logs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../collector/http/app.js';
import { makeConfig } from '../collector/config.js';
import { errorHandler } from '../collector/http/error-reply.js';
import { hashSecret, newSecret, operatorRoutes, registerOperatorAuth } from '../collector/api/operator-auth.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { Role, Store } from '../collector/store/store.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN } from './helpers/fake-agent.js';

type Caller = 'none' | 'wrong' | 'revoked' | 'viewer' | 'responder' | 'admin' | 'admin-token';
const CALLERS: readonly Caller[] = ['none', 'wrong', 'revoked', 'viewer', 'responder', 'admin', 'admin-token'];
const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

let dir: string;
let store: Store;
let app: FastifyInstance;
let hostId: string;
const logs: string[] = [];
const secrets = new Map<Caller, string>();
const secretsSeen: string[] = [];
const tokenIds = new Map<Caller, string>();

interface Reply { status: number; code: string | undefined; json: Record<string, unknown> }

/** A request as `caller`, or with a raw secret. */
async function call(method: string, url: string, caller: Caller | { secret: string }, body?: unknown): Promise<Reply> {
  const secret = typeof caller === 'string' ? secrets.get(caller) : caller.secret;
  const headers: Record<string, string> = secret === undefined ? {} : { authorization: `Bearer ${secret}` };
  const r = await app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  const json = r.body === '' || method === 'HEAD' ? {} : JSON.parse(r.body) as Record<string, unknown>;
  return { status: r.statusCode, code: (json.error as { code?: string } | undefined)?.code, json };
}

async function createViaApi(name: string, role: Role, caller: Caller = 'admin-token'): Promise<{ id: string; secret: string }> {
  const r = await call('POST', '/api/v1/tokens', caller, { name, role });
  assert.equal(r.status, 201, JSON.stringify(r.json));
  const secret = r.json.secret as string;
  secretsSeen.push(secret);
  return { id: (r.json.token as { id: string }).id, secret };
}

/** A live token to be revoked by a DELETE in the matrix. */
async function victim(): Promise<string> {
  return (await store.createToken('victim', 'viewer', hashSecret(newSecret()), new Date(), 'test')).id;
}

before(async () => {
  dir = makeTempDir();
  store = openSqliteStore(join(dir, 'c.db'));
  await store.migrate();
  const config = makeConfig({ db: join(dir, 'c.db'), adminToken: ADMIN_TOKEN, enrollToken: ENROLL_TOKEN });
  // Everything the app logs, at every level, to check that no secret is ever in it.
  app = buildApp(store, config, pino({ level: 'trace' }, { write: (line: string) => { logs.push(line); } }));
  await app.ready();
  secrets.set('admin-token', ADMIN_TOKEN);
  secrets.set('wrong', `dwt_${'A'.repeat(43)}`);
  for (const role of ['viewer', 'responder', 'admin'] as const) {
    const t = await createViaApi(`${role} token`, role);
    secrets.set(role, t.secret);
    tokenIds.set(role, t.id);
  }
  const revoked = await createViaApi('soon revoked', 'admin');
  secrets.set('revoked', revoked.secret);
  assert.equal((await call('DELETE', `/api/v1/tokens/${revoked.id}`, 'admin-token')).status, 204);
  hostId = (await store.createHost({ hostname: 'web-1', machineId: 'm', instanceId: 'i', imageId: 'ami-1', os: 'linux', kernel: '6', labels: {} },
    Buffer.alloc(32, 1), new Date())).id;
});
after(async () => {
  await app.close();
  await store.close();
  removeTempDir(dir);
});

interface RouteCase { method: string; pattern: string; minRole: Role; ok: number; body?: unknown }

/** The routes of operator-routes.ts, with the least role each must demand. */
const TABLE: readonly RouteCase[] = [
  { method: 'GET', pattern: '/api/v1/hosts', minRole: 'viewer', ok: 200 },
  { method: 'GET', pattern: '/api/v1/hosts/:id', minRole: 'viewer', ok: 200 },
  { method: 'GET', pattern: '/api/v1/hosts/:id/events', minRole: 'viewer', ok: 200 },
  { method: 'GET', pattern: '/api/v1/summary', minRole: 'viewer', ok: 200 },
  { method: 'GET', pattern: '/api/v1/tokens', minRole: 'admin', ok: 200 },
  { method: 'POST', pattern: '/api/v1/tokens', minRole: 'admin', ok: 201, body: { name: 'made in the matrix', role: 'viewer' } },
  { method: 'DELETE', pattern: '/api/v1/tokens/:id', minRole: 'admin', ok: 204 },
  { method: 'GET', pattern: '/api/v1/audit', minRole: 'admin', ok: 200 },
];

function roleOf(caller: Caller): Role | undefined {
  if (caller === 'admin-token') return 'admin';
  return caller === 'viewer' || caller === 'responder' || caller === 'admin' ? caller : undefined;
}

/** [status, code] a caller must get: 401 without a valid token, 403 below the route's role. */
function expected(caller: Caller, minRole: Role, ok: number): [number, string | undefined] {
  const role = roleOf(caller);
  if (role === undefined) return [401, 'COLLECTOR_AUTH_REQUIRED'];
  return RANK[role] < RANK[minRole] ? [403, 'COLLECTOR_FORBIDDEN'] : [ok, undefined];
}

async function urlFor(pattern: string): Promise<string> {
  if (pattern.startsWith('/api/v1/tokens/')) return pattern.replace(':id', await victim());
  return pattern.replace(':id', hostId);
}

test('every operator route x every caller gets the status its role allows', async () => {
  const wrong: string[] = [];
  for (const route of TABLE) {
    for (const method of route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]) {
      for (const caller of CALLERS) {
        const url = await urlFor(route.pattern);
        const r = await call(method, url, caller, route.body);
        const [status, code] = expected(caller, route.minRole, route.ok);
        const got = method === 'HEAD' ? [r.status] : [r.status, r.code];
        const want = method === 'HEAD' ? [status] : [status, code];
        if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${method} ${url} as ${caller}: got ${got.join(' ')}, want ${want.join(' ')}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('the table names every route of operator-routes.ts with its declared role; other operator routes are guarded too', async () => {
  const registered = operatorRoutes(app).filter((r) => r.method !== 'HEAD');
  for (const row of TABLE) {
    const found = registered.find((r) => r.method === row.method && r.url === row.pattern);
    assert.deepEqual(found && [found.minRole, found.declared], [row.minRole, true], `${row.method} ${row.pattern}`);
  }
  // Routes added elsewhere (image groups, …): no valid token, no entry; a lower role, 403.
  const others = registered.filter((r) => !TABLE.some((row) => row.method === r.method && row.pattern === r.url));
  for (const route of others) {
    const url = route.url.replace(':id', hostId);
    for (const caller of CALLERS) {
      const r = await call(route.method, url, caller);
      const [status] = expected(caller, route.minRole, 200);
      if (status === 200) assert.ok(r.status !== 401 && r.status !== 403, `${route.method} ${url} as ${caller}: ${r.status}`);
      else assert.equal(r.status, status, `${route.method} ${url} as ${caller}`);
    }
  }
});

test('an unknown operator path needs a valid token before it is a 404', async () => {
  assert.equal((await call('GET', '/api/v1/nothing-here', 'none')).status, 401);
  assert.equal((await call('GET', '/api/v1/nothing-here', 'viewer')).status, 404);
  assert.equal((await call('GET', '/api/v1/%68osts', 'none')).status, 401);
});

test('a route that declares no role gets viewer for reads and admin for writes', async () => {
  const bare = Fastify({ logger: false });
  bare.setErrorHandler(errorHandler);
  registerOperatorAuth(bare, store, makeConfig({ db: join(dir, 'c.db'), adminToken: ADMIN_TOKEN, enrollToken: ENROLL_TOKEN }));
  bare.get('/api/v1/undeclared', async () => ({ ok: true }));
  bare.post('/api/v1/undeclared', async () => ({ ok: true }));
  const auth = { authorization: `Bearer ${secrets.get('viewer')!}` };
  assert.equal((await bare.inject({ method: 'GET', url: '/api/v1/undeclared', headers: auth })).statusCode, 200);
  assert.equal((await bare.inject({ method: 'POST', url: '/api/v1/undeclared', headers: auth })).statusCode, 403);
  assert.deepEqual(operatorRoutes(bare).map((r) => [r.method, r.minRole, r.declared]),
    [['GET', 'viewer', false], ['HEAD', 'viewer', false], ['POST', 'admin', false]]);
  await bare.close();
});

test('token create and revoke are audited, newest first, with the acting token as actor', async () => {
  const made = await createViaApi('audited', 'responder', 'admin');
  assert.equal((await call('DELETE', `/api/v1/tokens/${made.id}`, 'admin')).status, 204);
  const r = await call('GET', '/api/v1/audit?limit=2', 'admin-token');
  const entries = r.json.audit as Array<{ id: number; actor: string; action: string; detail: Record<string, unknown> }>;
  assert.deepEqual(entries.map((e) => [e.actor, e.action, e.detail.token_id]),
    [[tokenIds.get('admin'), 'token.revoke', made.id], [tokenIds.get('admin'), 'token.create', made.id]]);
  assert.ok(entries[0]!.id > entries[1]!.id);
  assert.equal(entries[1]!.detail.role, 'responder');
  const all = (await call('GET', '/api/v1/audit?limit=1000', 'admin')).json.audit as Array<{ actor: string; detail: Record<string, unknown> }>;
  assert.ok(all.some((e) => e.actor === 'admin-token' && e.detail.token_id === tokenIds.get('viewer')));
  assert.equal((await call('GET', '/api/v1/audit?limit=0', 'admin')).status, 400);
});

test('a revoked token is refused at once; revoking twice or an unknown id is a 404', async () => {
  const t = await createViaApi('short-lived', 'viewer');
  assert.equal((await call('GET', '/api/v1/hosts', t)).status, 200);
  assert.equal((await call('DELETE', `/api/v1/tokens/${t.id}`, 'admin-token')).status, 204);
  const r = await call('GET', '/api/v1/hosts', t);
  assert.deepEqual([r.status, r.code], [401, 'COLLECTOR_AUTH_REQUIRED']);
  assert.equal((await call('DELETE', `/api/v1/tokens/${t.id}`, 'admin-token')).status, 404);
  assert.equal((await call('DELETE', '/api/v1/tokens/not-an-id', 'admin-token')).status, 404);
  const listed = (await call('GET', '/api/v1/tokens', 'admin')).json.tokens as Array<{ id: string; revoked_at: string | null }>;
  assert.notEqual(listed.find((x) => x.id === t.id)?.revoked_at ?? null, null);
});

test('token bodies are validated', async () => {
  const bad: unknown[] = [{}, [], { name: 'x', role: 'root' }, { name: '', role: 'viewer' }, { name: '   ', role: 'viewer' },
    { name: 'x'.repeat(65), role: 'viewer' }, { name: 'a\nb', role: 'viewer' }, { name: 7, role: 'viewer' },
    { name: 'ok', role: 'viewer', extra: true }];
  for (const body of bad) {
    const r = await call('POST', '/api/v1/tokens', 'admin-token', body);
    assert.deepEqual([r.status, r.code], [400, 'COLLECTOR_BAD_REQUEST'], JSON.stringify(body));
  }
  const notJson = await app.inject({ method: 'POST', url: '/api/v1/tokens', payload: '{"name":', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' } });
  assert.equal(notJson.statusCode, 400);
  await createViaApi('x'.repeat(64), 'viewer');
  await createViaApi('Jürgen’s laptop', 'viewer');
});

test('secrets never appear in token lists, the audit log or the logs', async () => {
  const made = await createViaApi('listed', 'viewer');
  assert.match(made.secret, /^dwt_[A-Za-z0-9_-]{43}$/);
  const list = await call('GET', '/api/v1/tokens', 'admin');
  const tokens = list.json.tokens as Array<Record<string, unknown>>;
  for (const t of tokens) assert.deepEqual(Object.keys(t).sort(), ['created_at', 'id', 'name', 'revoked_at', 'role']);
  const audit = JSON.stringify((await call('GET', '/api/v1/audit?limit=1000', 'admin')).json);
  assert.ok(logs.length > 0, 'nothing was logged');
  const text = `${JSON.stringify(list.json)}\n${audit}\n${logs.join('\n')}`;
  for (const secret of [...secretsSeen, ADMIN_TOKEN]) assert.ok(!text.includes(secret), `a secret leaked: ${secret.slice(0, 8)}…`);
  for (const hash of secretsSeen.map((s) => hashSecret(s))) {
    assert.ok(!text.includes(hash.toString('hex')) && !text.includes(hash.toString('base64')), 'a token hash leaked');
  }
});
