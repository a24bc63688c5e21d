// The operator API (JSON, bearer token): hosts, one host, a host's events,
// fleet counts, API tokens and the audit log. Who may call what is
// operator-auth.ts's job; each route here only declares the least role it needs.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import type { EventFilter, HostFilter, HostRecord, HostState, Role, Store, TokenRecord } from '../store/store.js';
import { hashSecret, isRole, newSecret, principalOf, registerOperatorAuth, ROLES, tokenNameProblem } from './operator-auth.js';
import { inFlightTerminations, terminationSummary } from './termination-json.js';

const STATES: readonly HostState[] = ['pending', 'clean', 'drifted', 'terminating', 'terminated', 'silent'];
const MAX_EVENTS = 1000;
const MAX_AUDIT = 1000;
const viewer = { config: { minRole: 'viewer' as const } };
const admin = { config: { minRole: 'admin' as const } };

function hostJson(h: HostRecord): Record<string, unknown> {
  return {
    id: h.id, hostname: h.facts.hostname, state: h.state, machine_id: h.facts.machineId, instance_id: h.facts.instanceId,
    image_id: h.facts.imageId, os: h.facts.os, kernel: h.facts.kernel, labels: h.facts.labels,
    enrolled_at: h.enrolledAt.toISOString(), baseline_root: h.baselineRoot, baseline_at: h.baselineAt?.toISOString() ?? null,
    last_seen_at: h.lastSeenAt?.toISOString() ?? null, acked_seq: h.ackedSeq,
  };
}

export function query(req: FastifyRequest): Record<string, string> {
  const q = req.query as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (typeof v !== 'string') throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `query parameter ${k} given more than once`);
    out[k] = v;
  }
  return out;
}

export function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `${name} is not a date`);
  return d;
}

export function hostFilter(q: Record<string, string>): HostFilter {
  const f: HostFilter = {};
  if (q.state !== undefined) {
    if (!(STATES as readonly string[]).includes(q.state)) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `state must be one of ${STATES.join(', ')}`);
    f.state = q.state as HostState;
  }
  if (q.image !== undefined) f.imageId = q.image;
  if (q.label !== undefined) {
    const [k, ...v] = q.label.split('=');
    if (k === undefined || k === '' || v.length === 0) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', 'label must be key=value');
    f.labels = { [k]: v.join('=') };
  }
  return f;
}

export function limitParam(q: Record<string, string>, max: number): number {
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `limit must be 1..${max}`);
  return limit;
}

function eventFilter(q: Record<string, string>): EventFilter {
  const f: EventFilter = { limit: limitParam(q, MAX_EVENTS) };
  if (q.kind !== undefined) f.kind = q.kind;
  const since = date(q.since, 'since');
  const until = date(q.until, 'until');
  if (since !== undefined) f.since = since;
  if (until !== undefined) f.until = until;
  if (q.after_seq !== undefined) {
    const n = Number(q.after_seq);
    if (!Number.isSafeInteger(n) || n < 0) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', 'after_seq must be a non-negative integer');
    f.afterSeq = n;
  }
  return f;
}

/** POST /api/v1/tokens body: exactly {name, role}; unknown keys are refused, not ignored. */
function tokenRequest(body: unknown): { name: string; role: Role } {
  const bad = (msg: string): DriftwatchError => new DriftwatchError('COLLECTOR_BAD_REQUEST', msg);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('send a JSON object {"name": …, "role": …}');
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => k !== 'name' && k !== 'role');
  if (extra.length > 0) throw bad(`unknown field ${extra[0]!}`);
  const nameProblem = tokenNameProblem(b.name);
  if (nameProblem !== undefined) throw bad(nameProblem);
  if (!isRole(b.role)) throw bad(`role must be one of ${ROLES.join(', ')}`);
  return { name: b.name as string, role: b.role };
}

/** A token as the API shows it: never its secret or hash (the store does not hand those out). */
function tokenJson(t: TokenRecord): Record<string, unknown> {
  return { id: t.id, name: t.name, role: t.role, created_at: t.createdAt.toISOString(), revoked_at: t.revokedAt?.toISOString() ?? null };
}

export async function hostOr404(store: Store, id: string): Promise<HostRecord> {
  const host = /^[0-9a-f]{32}$/.test(id) ? await store.getHost(id) : undefined;
  if (host === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no host ${id}`);
  return host;
}

export function registerOperatorRoutes(app: FastifyInstance, store: Store, config: Readonly<CollectorConfig>): void {
  registerOperatorAuth(app, store, config);
  app.get('/api/v1/hosts', viewer, async (req) => {
    const hosts = await store.listHosts(hostFilter(query(req)));
    const terminations = await inFlightTerminations(store);
    return { hosts: hosts.map((h) => ({ ...hostJson(h), termination: terminationSummary(terminations.get(h.id)) })) };
  });
  app.get<{ Params: { id: string } }>('/api/v1/hosts/:id', viewer, async (req) => {
    const host = await hostOr404(store, req.params.id);
    return { host: { ...hostJson(host), termination: terminationSummary((await inFlightTerminations(store, host.id)).get(host.id)) } };
  });
  app.get<{ Params: { id: string } }>('/api/v1/hosts/:id/events', viewer, async (req) => {
    const host = await hostOr404(store, req.params.id);
    const events = await store.listEvents(host.id, eventFilter(query(req)));
    return {
      events: events.map((e) => ({
        seq: e.seq, ...e.payload, kind: e.kind, path: e.path, changes: e.changes,
        // null for events stored before there was a policy
        verdict: e.verdict?.verdict ?? null, severity: e.verdict?.severity ?? null, rule: e.verdict?.rule ?? null,
        received_at: e.receivedAt.toISOString(),
      })),
    };
  });
  app.get('/api/v1/summary', viewer, async () => ({ hosts_by_state: await store.countHostsByState() }));

  app.get('/api/v1/tokens', admin, async () => ({ tokens: (await store.listTokens()).map(tokenJson) }));
  // The secret is in this one response and nowhere else: only its hash is stored.
  app.post('/api/v1/tokens', admin, async (req, reply) => {
    const { name, role } = tokenRequest(req.body);
    const secret = newSecret();
    const now = new Date();
    const token = await store.createToken(name, role, hashSecret(secret), now, principalOf(req).actor);
    return reply.status(201).send({ token: tokenJson(token), secret });
  });
  app.delete<{ Params: { id: string } }>('/api/v1/tokens/:id', admin, async (req, reply) => {
    const now = new Date();
    const revoked = /^[0-9a-f]{32}$/.test(req.params.id) && await store.revokeToken(req.params.id, now, principalOf(req).actor);
    if (!revoked) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no live token ${req.params.id}`);
    return reply.status(204).send();
  });
  app.get('/api/v1/audit', admin, async (req) => ({
    audit: (await store.listAudit(limitParam(query(req), MAX_AUDIT))).map((e) => ({ id: e.id, at: e.at.toISOString(), actor: e.actor, action: e.action, detail: e.detail })),
  }));
}
