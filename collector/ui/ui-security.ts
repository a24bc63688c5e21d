// The dashboard's HTTP hygiene: the session cookie (HttpOnly, SameSite=Strict,
// Path=/ui, Secure over TLS), the response headers of every /ui response (a
// Content-Security-Policy that allows no inline script, no framing, no
// caching of pages), and the checks every form POST passes: a same-origin
// request (Origin / Sec-Fetch-Site, when the browser sends them) carrying the
// expected CSRF token (compared in constant time).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import { sameSecret } from '../http/secrets.js';

export const SESSION_COOKIE = 'dw_session';
/** Before sign-in there is no session: the sign-in form's CSRF token is double-submitted in this cookie. */
export const SIGN_IN_COOKIE = 'dw_signin';
export const UI_PATH = '/ui';

const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
  "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'",
].join('; ');

export function setSecurityHeaders(reply: FastifyReply, cacheable: boolean): void {
  reply.header('content-security-policy', CSP);
  reply.header('x-frame-options', 'DENY');
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('cross-origin-opener-policy', 'same-origin');
  // Pages show live fleet data and belong to one session: never kept. Static assets may be cached briefly.
  reply.header('cache-control', cacheable ? 'private, max-age=300' : 'no-store');
}

/** The value of cookie `name` (the first one), or undefined. */
export function cookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

const isTls = (req: FastifyRequest): boolean => req.protocol === 'https';

/** A Set-Cookie value; `maxAgeSeconds` 0 deletes the cookie. Values are base64url: nothing to quote. */
export function setCookie(reply: FastifyReply, req: FastifyRequest, name: string, value: string, maxAgeSeconds?: number): void {
  const attrs = [`${name}=${value}`, `Path=${UI_PATH}`, 'HttpOnly', 'SameSite=Strict'];
  if (isTls(req)) attrs.push('Secure');
  if (maxAgeSeconds !== undefined) attrs.push(`Max-Age=${maxAgeSeconds}`);
  // Fastify appends set-cookie headers rather than replacing them.
  reply.header('set-cookie', attrs.join('; '));
}

/**
 * A form POST from another site is refused: browsers say where a request
 * comes from (Origin, and Sec-Fetch-Site in current ones); when they say, it
 * must be this origin. The CSRF token is the check that holds without them.
 */
function checkSameOrigin(req: FastifyRequest): void {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin') throw new DriftwatchError('COLLECTOR_FORBIDDEN', 'cross-site form post refused');
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    const expected = `${isTls(req) ? 'https' : 'http'}://${req.headers.host ?? ''}`;
    if (origin !== expected) throw new DriftwatchError('COLLECTOR_FORBIDDEN', 'cross-origin form post refused');
  }
}

/** A form POST's checks: same origin, and the `_csrf` field equal to `expected`. */
export function checkForm(req: FastifyRequest, form: Record<string, string>, expected: string | undefined): void {
  checkSameOrigin(req);
  const presented = form._csrf;
  if (expected === undefined || expected === '' || presented === undefined || !sameSecret(presented, expected)) {
    throw new DriftwatchError('COLLECTOR_FORBIDDEN', 'the form is stale or was not sent by this dashboard: reload the page and try again');
  }
}

const MAX_FORM_FIELDS = 16;

/** An urlencoded form body as single-valued fields; a repeated or extra-long field is refused. */
export function parseForm(body: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const params = new URLSearchParams(body);
  let n = 0;
  for (const [k, v] of params) {
    if (++n > MAX_FORM_FIELDS || k in out) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `form field ${k.slice(0, 40)} repeated, or too many fields`);
    out[k] = v;
  }
  return out;
}
