// The operator API (JSON, bearer token): hosts, one host, a host's events, and
// fleet counts. This build knows one token, the admin token from the command
// line; stored tokens with viewer/responder/admin roles come next.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import { sameSecret } from '../http/secrets.js';
import type { EventFilter, HostFilter, HostRecord, HostState, Store } from '../store/store.js';

const STATES: readonly HostState[] = ['pending', 'clean', 'drifted', 'terminating', 'terminated', 'silent'];
const MAX_EVENTS = 1000;

function requireToken(req: FastifyRequest, config: Readonly<CollectorConfig>): void {
  const auth = req.headers.authorization;
  const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
  if (token === undefined) throw new DriftwatchError('COLLECTOR_AUTH_REQUIRED', 'send Authorization: Bearer <token>');
  if (!sameSecret(token, config.adminToken)) throw new DriftwatchError('COLLECTOR_AUTH_REQUIRED', 'unknown token');
}

function hostJson(h: HostRecord): Record<string, unknown> {
  return {
    id: h.id, hostname: h.facts.hostname, state: h.state, machine_id: h.facts.machineId, instance_id: h.facts.instanceId,
    image_id: h.facts.imageId, os: h.facts.os, kernel: h.facts.kernel, labels: h.facts.labels,
    enrolled_at: h.enrolledAt.toISOString(), baseline_root: h.baselineRoot, baseline_at: h.baselineAt?.toISOString() ?? null,
    last_seen_at: h.lastSeenAt?.toISOString() ?? null, acked_seq: h.ackedSeq,
  };
}

function query(req: FastifyRequest): Record<string, string> {
  const q = req.query as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(q)) {
    if (typeof v !== 'string') throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `query parameter ${k} given more than once`);
    out[k] = v;
  }
  return out;
}

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `${name} is not a date`);
  return d;
}

function hostFilter(q: Record<string, string>): HostFilter {
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

function eventFilter(q: Record<string, string>): EventFilter {
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENTS) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `limit must be 1..${MAX_EVENTS}`);
  const f: EventFilter = { limit };
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

async function hostOr404(store: Store, id: string): Promise<HostRecord> {
  const host = /^[0-9a-f]{32}$/.test(id) ? await store.getHost(id) : undefined;
  if (host === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no host ${id}`);
  return host;
}

export function registerOperatorRoutes(app: FastifyInstance, store: Store, config: Readonly<CollectorConfig>): void {
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/v1/') && !req.url.startsWith('/api/v1/agent/')) requireToken(req, config);
  });
  app.get('/api/v1/hosts', async (req) => ({ hosts: (await store.listHosts(hostFilter(query(req)))).map(hostJson) }));
  app.get<{ Params: { id: string } }>('/api/v1/hosts/:id', async (req) => ({ host: hostJson(await hostOr404(store, req.params.id)) }));
  app.get<{ Params: { id: string } }>('/api/v1/hosts/:id/events', async (req) => {
    const host = await hostOr404(store, req.params.id);
    const events = await store.listEvents(host.id, eventFilter(query(req)));
    return {
      events: events.map((e) => ({ seq: e.seq, ...e.payload, kind: e.kind, path: e.path, changes: e.changes, verdict: null, received_at: e.receivedAt.toISOString() })),
    };
  });
  app.get('/api/v1/summary', async () => ({ hosts_by_state: await store.countHostsByState() }));
}
