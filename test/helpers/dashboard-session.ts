// Signing in to the dashboard through inject(), and posting its forms as a
// browser would (urlencoded, with the session cookie and the CSRF field).
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface UiSession {
  /** The Cookie header value. */
  cookie: string;
  /** The session's CSRF token, as the pages carry it. */
  csrf: string;
}

/** The Set-Cookie header lines of a response. */
export function setCookies(r: LightMyRequestResponse): string[] {
  const h = r.headers['set-cookie'];
  return h === undefined ? [] : [h].flat().map(String);
}

/** The value of the `_csrf` hidden field of a page. */
export function csrfOf(body: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(body);
  assert.ok(m !== null, 'the page has a form with a _csrf field');
  return m[1]!;
}

/** Posts the sign-in form with `token`; returns the response. */
export async function postSignIn(app: FastifyInstance, token: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const page = await app.inject({ url: '/ui/sign-in' });
  const csrf = csrfOf(page.body);
  return app.inject({
    method: 'POST', url: '/ui/sign-in', payload: new URLSearchParams({ _csrf: csrf, token, next: '/ui' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `dw_signin=${csrf}`, ...headers },
  });
}

export async function signIn(app: FastifyInstance, token: string): Promise<UiSession> {
  const r = await postSignIn(app, token);
  assert.equal(r.statusCode, 303, r.body);
  const m = setCookies(r).map((c) => /^dw_session=([^;]+)/.exec(c)).find((x) => x !== null);
  assert.ok(m, 'a session cookie');
  const cookie = `dw_session=${m[1]!}`;
  const overview = await app.inject({ url: '/ui', headers: { cookie } });
  assert.equal(overview.statusCode, 200);
  return { cookie, csrf: csrfOf(overview.body) };
}

export async function getPage(app: FastifyInstance, s: UiSession, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ url, headers: { cookie: s.cookie } });
}

/** Posts a dashboard form; `fields` without `_csrf` get the session's. */
export async function postForm(app: FastifyInstance, s: UiSession | undefined, url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams({ ...(s === undefined || '_csrf' in fields ? {} : { _csrf: s.csrf }), ...fields });
  return app.inject({
    method: 'POST', url, payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(s === undefined ? {} : { cookie: s.cookie }), ...headers },
  });
}
