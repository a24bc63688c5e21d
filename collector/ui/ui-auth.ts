// Who is signed in to the dashboard. POST /ui/sign-in exchanges an API token
// (the --admin-token or a stored token: operator-auth.ts's lookup) for a
// server-side session (sessions.ts) named by a random id in an HttpOnly
// cookie; the token itself is never in the cookie or the page. Every other
// /ui route except the sign-in page and static assets needs a live session:
// a page request without one is sent to sign in. Routes declare the least
// role they need (`config: { minRole }`), as the API's do.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import { principalForSecret, roleAtLeast } from '../api/operator-auth.js';
import type { Store } from '../store/store.js';
import { htmlText } from './html.js';
import { signInPage } from './pages/sign-in-page.js';
import type { Session, SessionTable } from './sessions.js';
import type { StaticAssets } from './static-assets.js';
import { checkForm, cookie, parseForm, SESSION_COOKIE, setCookie, SIGN_IN_COOKIE } from './ui-security.js';

const sessions = new WeakMap<FastifyRequest, Session>();
const SIGN_IN_TTL_S = 600;

/** The signed-in session of a /ui request (set before the handler runs). */
export function sessionOf(req: FastifyRequest): Session {
  const s = sessions.get(req);
  if (s === undefined) throw new Error(`no dashboard session on ${req.method} ${req.url}`);
  return s;
}

const isPublic = (path: string): boolean => path === '/ui/sign-in' || path.startsWith('/ui/static/');

/** Where to go after signing in: a dashboard path of this collector, nothing else (no open redirect). */
export function safeNext(next: string | undefined): string {
  return next !== undefined && /^\/ui(\/[A-Za-z0-9/_.\-]*)?(\?[A-Za-z0-9=&%_.\-+]*)?$/.test(next) && !next.includes('//') ? next : '/ui';
}

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}

/** The live session the request's cookie names; a session of a token revoked since is ended. */
async function findSession(req: FastifyRequest, table: SessionTable, store: Store): Promise<Session | undefined> {
  const id = cookie(req, SESSION_COOKIE);
  if (id === undefined || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
  const s = table.use(id);
  if (s === undefined) return undefined;
  if (s.tokenHash !== undefined && (await store.findToken(s.tokenHash)) === undefined) {
    table.end(s);
    return undefined;
  }
  return s;
}

export function registerUiAuth(ui: FastifyInstance, store: Store, config: Readonly<CollectorConfig>, table: SessionTable, assets: StaticAssets): void {
  ui.addHook('onRequest', async (req, reply) => {
    const path = req.routeOptions.url ?? req.url.split('?')[0]!;
    if (isPublic(path)) return;
    const s = await findSession(req, table, store);
    if (s === undefined) {
      if (path === '/ui/live') throw new DriftwatchError('COLLECTOR_AUTH_REQUIRED', 'sign in first');
      const next = req.method === 'GET' ? req.url : '/ui';
      return reply.redirect(`/ui/sign-in?next=${encodeURIComponent(safeNext(next))}`, 303);
    }
    sessions.set(req, s);
    const needed = req.routeOptions.config.minRole ?? (req.method === 'GET' || req.method === 'HEAD' ? 'viewer' : 'admin');
    if (!roleAtLeast(s.principal.role, needed)) {
      throw new DriftwatchError('COLLECTOR_FORBIDDEN', `this needs role ${needed} or higher; you are signed in as ${s.principal.role}`);
    }
    return undefined;
  });

  const showSignIn = (req: FastifyRequest, reply: FastifyReply, status: number, next: string, problem?: string): FastifyReply => {
    const csrf = randomBytes(32).toString('base64url');
    setCookie(reply, req, SIGN_IN_COOKIE, csrf, SIGN_IN_TTL_S);
    return sendHtml(reply, status, htmlText(signInPage(assets, csrf, safeNext(next), problem)));
  };

  ui.get<{ Querystring: { next?: string } }>('/ui/sign-in', async (req, reply) => showSignIn(req, reply, 200, String(req.query.next ?? '/ui')));

  ui.post('/ui/sign-in', async (req, reply) => {
    const form = parseForm(typeof req.body === 'string' ? req.body : '');
    checkForm(req, form, cookie(req, SIGN_IN_COOKIE));
    const token = form.token ?? '';
    const found = token.length > 256 ? undefined : await principalForSecret(token, store, config.adminToken);
    if (found === undefined) {
      req.log.warn({ ip: req.ip }, 'dashboard sign-in refused: unknown or revoked token');
      return showSignIn(req, reply, 401, form.next ?? '/ui', 'That token is unknown or revoked.');
    }
    const { id } = table.create(found.principal, found.tokenHash);
    req.log.info({ actor: found.principal.actor, role: found.principal.role }, 'dashboard sign-in');
    // A session cookie (no Max-Age): gone with the browser; the server ends it sooner (idle, absolute expiry).
    setCookie(reply, req, SESSION_COOKIE, id);
    setCookie(reply, req, SIGN_IN_COOKIE, '', 0);
    return reply.redirect(safeNext(form.next), 303);
  });

  ui.post('/ui/sign-out', { config: { minRole: 'viewer' } }, async (req, reply) => {
    const s = sessionOf(req);
    checkForm(req, parseForm(typeof req.body === 'string' ? req.body : ''), s.csrf);
    table.end(s);
    req.log.info({ actor: s.principal.actor }, 'dashboard sign-out');
    setCookie(reply, req, SESSION_COOKIE, '', 0);
    return reply.redirect('/ui/sign-in', 303);
  });
}
