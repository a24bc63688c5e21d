// Who may call the operator API. A bearer token is either the --admin-token
// (role admin, compared in constant time) or a stored token, looked up by the
// SHA-256 of its secret. Each operator route declares the least role it needs
// in its route config (`config: { minRole }`); a request whose token ranks
// lower is refused with COLLECTOR_FORBIDDEN.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import { sameSecret } from '../http/secrets.js';
import type { Role, Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The least role that may call this operator route. */
    minRole?: Role;
  }
}

export const ROLES: readonly Role[] = ['viewer', 'responder', 'admin'];
// Each role may do everything the ones before it may.
const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** The caller of an operator request: `actor` names it in the audit log. */
export interface Principal {
  actor: string;
  role: Role;
}

export interface OperatorRoute {
  method: string;
  url: string;
  minRole: Role;
  /** False when the route did not declare its role and got the default (see defaultRole). */
  declared: boolean;
}

export const ADMIN_TOKEN_ACTOR = 'admin-token';
const SECRET_PREFIX = 'dwt_';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Why `name` is not a valid token name, or undefined: 1..64 characters, none of them control or format characters. */
export function tokenNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'name must be a string';
  if (!/^[^\p{C}]{1,64}$/u.test(name) || name.trim() === '') return 'name must be 1..64 printable characters, not only spaces';
  return undefined;
}

/** A new token secret: 256 random bits, base64url, prefixed so a leaked one is recognisable in a scan. */
export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** What the store keeps instead of the secret. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Operator paths are /api/v1/* except the agents' own routes, which are signed instead. */
function isOperatorPath(path: string): boolean {
  return path.startsWith('/api/v1/') && !path.startsWith('/api/v1/agent/');
}

/**
 * The role a route gets when it does not declare one: reads are for every
 * role (a viewer may GET everything), anything else for admins only, so a
 * forgotten declaration never opens a write to a lesser role.
 */
function defaultRole(method: string): Role {
  return method === 'GET' || method === 'HEAD' ? 'viewer' : 'admin';
}

const principals = new WeakMap<FastifyRequest, Principal>();
const routesOf = new WeakMap<FastifyInstance, OperatorRoute[]>();

/** The authenticated caller of an operator route (set before the handler runs). */
export function principalOf(req: FastifyRequest): Principal {
  const p = principals.get(req);
  if (p === undefined) throw new Error(`no authenticated caller on ${req.method} ${req.url}: is it an operator route?`);
  return p;
}

/** The operator routes registered after registerOperatorAuth, with their roles (HEAD twins included). */
export function operatorRoutes(app: FastifyInstance): readonly OperatorRoute[] {
  return routesOf.get(app) ?? [];
}

/** The caller a presented secret names (the --admin-token, or a live stored token with its hash), or undefined. */
export async function principalForSecret(secret: string, store: Store, adminToken: string): Promise<{ principal: Principal; tokenHash?: Buffer } | undefined> {
  if (sameSecret(secret, adminToken)) return { principal: { actor: ADMIN_TOKEN_ACTOR, role: 'admin' } };
  // Looked up by hash: the store never sees the secret, and an index lookup
  // on a hash reveals nothing useful about the secret through its timing.
  const tokenHash = hashSecret(secret);
  const token = await store.findToken(tokenHash);
  return token === undefined ? undefined : { principal: { actor: token.id, role: token.role }, tokenHash };
}

/** Whether `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

async function authenticate(req: FastifyRequest, store: Store, adminToken: string): Promise<Principal> {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer +(\S+)$/i.exec(auth) : null;
  if (m === null) throw new DriftwatchError('COLLECTOR_AUTH_REQUIRED', 'send Authorization: Bearer <token>');
  const found = await principalForSecret(m[1]!, store, adminToken);
  if (found === undefined) throw new DriftwatchError('COLLECTOR_AUTH_REQUIRED', 'unknown or revoked token');
  return found.principal;
}

/** Must be called before the operator routes are registered: it records their roles as they are added. */
export function registerOperatorAuth(app: FastifyInstance, store: Store, config: Readonly<CollectorConfig>): void {
  const routes: OperatorRoute[] = [];
  routesOf.set(app, routes);
  app.addHook('onRoute', (route) => {
    if (!isOperatorPath(route.url)) return;
    for (const method of [route.method].flat()) {
      const declared = route.config?.minRole;
      if (declared === undefined) app.log.warn({ method, url: route.url }, 'operator route declares no minRole: using the default for its method');
      routes.push({ method, url: route.url, minRole: declared ?? defaultRole(method), declared: declared !== undefined });
    }
  });
  app.addHook('onRequest', async (req) => {
    // The matched route's pattern, not the raw URL: an encoded or oddly
    // spelled URL that reaches an operator route is still checked.
    const path = req.is404 ? req.url.split('?')[0]! : req.routeOptions.url!;
    if (!isOperatorPath(path)) return;
    const principal = await authenticate(req, store, config.adminToken);
    principals.set(req, principal);
    // An unknown operator path only needs a valid token (then 404): strangers learn no route names.
    if (req.is404) return;
    const needed = req.routeOptions.config.minRole ?? defaultRole(req.method);
    if (!roleAtLeast(principal.role, needed)) {
      throw new DriftwatchError('COLLECTOR_FORBIDDEN', `this needs role ${needed} or higher; the token has role ${principal.role}`);
    }
  });
}
