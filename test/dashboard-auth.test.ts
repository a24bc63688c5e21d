// The dashboard's doors, through inject(): nothing without a session but the
// sign-in page and static files; sign-in with a good or bad token; the
// session cookie's flags; CSRF and same-origin checks on every form; roles
// (a viewer cannot approve, a responder can, audited as its token); idle and
// absolute expiry; sign-out; a revoked token's sessions end; security headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import { csrfOf, getPage, postForm, postSignIn, setCookies, signIn } from './helpers/dashboard-session.js';
import { ADMIN_TOKEN } from './helpers/fake-agent.js';
import { addHosts, drift } from './helpers/drift-fleet.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import { ABSOLUTE_MS, IDLE_MS, SessionTable } from '../collector/ui/sessions.js';
import type { Role } from '../collector/store/store.js';

let collector: TestCollector;
let clock = Date.now();
const sessions = new SessionTable({ idleMs: IDLE_MS, absoluteMs: ABSOLUTE_MS, maxSessions: 50 }, () => clock);

before(async () => {
  collector = await startTestCollector({}, undefined, { dashboard: { sessions } });
});
after(async () => collector.close());

async function token(role: Role): Promise<{ id: string; secret: string }> {
  const secret = newSecret();
  const t = await collector.store.createToken(`ui-${role}`, role, hashSecret(secret), new Date(), 'test');
  return { id: t.id, secret };
}

/** A host with a termination the governor held; returns the termination's id. */
async function heldTermination(name: string): Promise<number> {
  const [host] = await addHosts(collector.store, 1, new Date(), { prefix: name });
  await drift(collector.store, [host!], new Date());
  const [t] = await collector.store.listTerminations({ hostId: host!.id, limit: 1 });
  assert.ok(await collector.store.transitionTermination(t!.id, ['requested'], 'pending_approval', { holdReason: 'governor approval is "always"' },
    { at: new Date(), actor: 'governor', action: 'termination.hold', detail: { termination_id: t!.id, host_id: host!.id } }));
  return t!.id;
}

test('without a session every page redirects to sign-in; the sign-in page and static files are open; the live stream is refused', async () => {
  for (const url of ['/ui', '/ui/hosts?state=drifted', '/ui/hosts/0123456789abcdef0123456789abcdef', '/ui/approvals']) {
    const r = await collector.app.inject({ url });
    assert.equal(r.statusCode, 303, url);
    assert.equal(r.headers.location, `/ui/sign-in?next=${encodeURIComponent(url)}`);
  }
  const post = await postForm(collector.app, undefined, '/ui/terminations/1/approve', { reason: 'x', _csrf: 'x' });
  assert.equal(post.statusCode, 303);
  assert.match(String(post.headers.location), /^\/ui\/sign-in/);
  assert.equal((await collector.app.inject({ url: '/ui/live' })).statusCode, 401);
  assert.equal((await collector.app.inject({ url: '/ui/sign-in' })).statusCode, 200);
  const js = await collector.app.inject({ url: '/ui/static/dashboard.js' });
  assert.equal(js.statusCode, 200);
  assert.match(String(js.headers['content-type']), /^text\/javascript/);
  // A cookie that names no session is no session.
  const forged = await collector.app.inject({ url: '/ui', headers: { cookie: `dw_session=${'A'.repeat(43)}` } });
  assert.equal(forged.statusCode, 303);
});

test('a bad token is refused with the sign-in page again and no session; a good one gets a session cookie that is not the token', async () => {
  const bad = await postSignIn(collector.app, 'not-a-token-at-all-0123');
  assert.equal(bad.statusCode, 401);
  assert.match(bad.body, /That token is unknown or revoked/);
  assert.ok(!setCookies(bad).some((c) => c.startsWith('dw_session=')));

  const good = await postSignIn(collector.app, ADMIN_TOKEN);
  assert.equal(good.statusCode, 303);
  assert.equal(good.headers.location, '/ui');
  const cookie = setCookies(good).find((c) => c.startsWith('dw_session='))!;
  const attrs = cookie.split('; ');
  assert.match(attrs[0]!, /^dw_session=[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(attrs.slice(1).sort(), ['HttpOnly', 'Path=/ui', 'SameSite=Strict'], 'no Secure over plain HTTP (the TLS test checks it)');
  assert.ok(!cookie.includes(ADMIN_TOKEN));
  const overview = await collector.app.inject({ url: '/ui', headers: { cookie: attrs[0]! } });
  assert.equal(overview.statusCode, 200);
  assert.ok(!overview.body.includes(ADMIN_TOKEN), 'the token is nowhere in the page');
  assert.match(overview.body, /admin-token <span class="muted">\(admin\)<\/span>/);
});

test('pages carry a CSP without inline script, no framing, no caching', async () => {
  const s = await signIn(collector.app, ADMIN_TOKEN);
  for (const url of ['/ui', '/ui/hosts', '/ui/approvals', '/ui/sign-in']) {
    const r = await getPage(collector.app, s, url);
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/, url);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
    assert.match(csp, /frame-ancestors 'none'/, url);
    assert.equal(r.headers['x-frame-options'], 'DENY', url);
    assert.equal(r.headers['cache-control'], 'no-store', url);
    assert.doesNotMatch(r.body, /<script(?![^>]*\bsrc=)[^>]*>/, `${url}: no inline script`);
  }
});

test('every form needs the CSRF token and a same-origin request', async () => {
  const s = await signIn(collector.app, ADMIN_TOKEN);
  const id = await heldTermination('csrf');
  const url = `/ui/terminations/${id}/approve`;
  const missing = await collector.app.inject({ method: 'POST', url, payload: 'reason=ok', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie } });
  assert.equal(missing.statusCode, 403);
  assert.equal((await postForm(collector.app, s, url, { reason: 'ok', _csrf: `${s.csrf.slice(0, -2)}xx` })).statusCode, 403);
  assert.equal((await postForm(collector.app, s, url, { reason: 'ok' }, { 'sec-fetch-site': 'cross-site' })).statusCode, 403);
  assert.equal((await postForm(collector.app, s, url, { reason: 'ok' }, { origin: 'https://evil.example' })).statusCode, 403);
  assert.equal((await postForm(collector.app, s, '/ui/sign-out', { _csrf: 'wrong' })).statusCode, 403);
  // Sign-in too (login CSRF): the field must match the sign-in cookie.
  const page = await collector.app.inject({ url: '/ui/sign-in' });
  const signInPost = await collector.app.inject({
    method: 'POST', url: '/ui/sign-in', payload: new URLSearchParams({ _csrf: csrfOf(page.body), token: ADMIN_TOKEN }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'dw_signin=other' },
  });
  assert.equal(signInPost.statusCode, 403);
  assert.equal((await collector.store.getTermination(id))!.state, 'pending_approval', 'nothing was decided');
  const ok = await postForm(collector.app, s, url, { reason: 'checked the change' }, { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' });
  assert.equal(ok.statusCode, 303, ok.body);
});

test('a viewer sees approvals but cannot decide; a responder approves, audited as its token with the reason', async () => {
  const id = await heldTermination('roles');
  const viewer = await signIn(collector.app, (await token('viewer')).secret);
  const page = await getPage(collector.app, viewer, '/ui/approvals');
  assert.match(page.body, new RegExp(`id="termination-${id}"`));
  assert.doesNotMatch(page.body, new RegExp(`/ui/terminations/${id}/approve`), 'no decision form for a viewer');
  const refused = await postForm(collector.app, viewer, `/ui/terminations/${id}/approve`, { reason: 'I want to' });
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /needs role responder/);

  const resp = await token('responder');
  const responder = await signIn(collector.app, resp.secret);
  assert.equal((await postForm(collector.app, responder, `/ui/terminations/${id}/approve`, { reason: '   ' })).statusCode, 400, 'a reason is required');
  const ok = await postForm(collector.app, responder, `/ui/terminations/${id}/approve`, { reason: 'bad binary confirmed' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, `/ui/approvals?done=${id}-approved`);
  const t = (await collector.store.getTermination(id))!;
  assert.deepEqual([t.state, t.decidedBy, t.decisionReason], ['approved', resp.id, 'bad binary confirmed']);
  const audit = (await collector.store.listAudit(10)).find((a) => a.action === 'termination.approve' && a.detail.termination_id === id)!;
  assert.deepEqual([audit.actor, audit.detail.role, audit.detail.reason], [resp.id, 'responder', 'bad binary confirmed']);
  const again = await postForm(collector.app, responder, `/ui/terminations/${id}/deny`, { reason: 'too late' });
  assert.equal(again.statusCode, 409);
});

test('a session ends after 30 idle minutes, and 12 hours after sign-in however busy', async () => {
  const idle = await signIn(collector.app, ADMIN_TOKEN);
  clock += IDLE_MS - 1000;
  assert.equal((await getPage(collector.app, idle, '/ui')).statusCode, 200, 'used just in time');
  clock += IDLE_MS;
  assert.equal((await getPage(collector.app, idle, '/ui')).statusCode, 303, 'idle too long');

  const busy = await signIn(collector.app, ADMIN_TOKEN);
  for (let spent = 0; spent + 20 * 60_000 < ABSOLUTE_MS; spent += 20 * 60_000) {
    clock += 20 * 60_000;
    assert.equal((await getPage(collector.app, busy, '/ui/hosts')).statusCode, 200);
  }
  clock += 20 * 60_000;
  assert.equal((await getPage(collector.app, busy, '/ui/hosts')).statusCode, 303, 'past the absolute expiry');
});

test('sign-out ends the session and clears the cookie; a revoked token ends its sessions', async () => {
  const s = await signIn(collector.app, ADMIN_TOKEN);
  const out = await postForm(collector.app, s, '/ui/sign-out', {});
  assert.equal(out.statusCode, 303);
  assert.equal(out.headers.location, '/ui/sign-in');
  assert.ok(setCookies(out).some((c) => /^dw_session=; Path=\/ui; HttpOnly; SameSite=Strict; Max-Age=0$/.test(c)));
  assert.equal((await getPage(collector.app, s, '/ui')).statusCode, 303, 'the old cookie names no session');

  const t = await token('admin');
  const revoked = await signIn(collector.app, t.secret);
  assert.ok(await collector.store.revokeToken(t.id, new Date(), 'test'));
  assert.equal((await getPage(collector.app, revoked, '/ui')).statusCode, 303);
});

test('sign-in sends only to a dashboard path afterwards', async () => {
  const page = await collector.app.inject({ url: '/ui/sign-in?next=//evil.example/x' });
  assert.match(page.body, /name="next" value="\/ui"/);
  const csrf = csrfOf(page.body);
  const r = await collector.app.inject({
    method: 'POST', url: '/ui/sign-in', payload: new URLSearchParams({ _csrf: csrf, token: ADMIN_TOKEN, next: 'https://evil.example/' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `dw_signin=${csrf}` },
  });
  assert.equal(r.headers.location, '/ui');
});

test('over TLS the session cookie is also Secure', async (t) => {
  const dir = makeTempDir();
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  if (made.status !== 0) {
    removeTempDir(dir);
    t.skip('openssl could not make a test certificate');
    return;
  }
  const tls = await startTestCollector({}, undefined, { https: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) } });
  try {
    const base = await tls.app.listen({ host: '127.0.0.1', port: 0 });
    const get = (path: string, headers: Record<string, string> = {}, method = 'GET', body = ''): Promise<{ status: number; headers: Record<string, unknown>; body: string }> =>
      new Promise((resolve, reject) => {
        const req = httpsRequest(`${base}${path}`, { method, headers, rejectUnauthorized: false }, (res) => {
          let text = '';
          res.on('data', (d: Buffer) => { text += d.toString(); });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        });
        req.on('error', reject);
        req.end(body);
      });
    const page = await get('/ui/sign-in');
    const csrf = csrfOf(page.body);
    const r = await get('/ui/sign-in', { 'content-type': 'application/x-www-form-urlencoded', cookie: `dw_signin=${csrf}`, origin: base },
      'POST', new URLSearchParams({ _csrf: csrf, token: ADMIN_TOKEN }).toString());
    assert.equal(r.status, 303);
    const cookie = ([r.headers['set-cookie']].flat() as string[]).find((c) => c.startsWith('dw_session='))!;
    assert.deepEqual(cookie.split('; ').slice(1).sort(), ['HttpOnly', 'Path=/ui', 'SameSite=Strict', 'Secure']);
  } finally {
    await tls.close();
    removeTempDir(dir);
  }
});
