// Terminations on the operator API: list and read them (viewer), and approve
// or deny one the governor held back (responder). A decision needs a reason,
// and goes into the audit log with the caller, the time and that reason, in
// the same transaction as the state change; only a termination pending
// approval can be decided (else 409 COLLECTOR_CONFLICT).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { Store } from '../store/store.js';
import { TERMINATION_STATES, type TerminationFilter, type TerminationRecord, type TerminationState } from '../store/response-store.js';
import { principalOf } from './operator-auth.js';
import { limitParam, query } from './operator-routes.js';
import { terminationJson } from './termination-json.js';
import { decideTermination, terminationOr404, type Decision } from './termination-decide.js';

const MAX_LIST = 1000;
export const MAX_REASON_CHARS = 500;
const viewer = { config: { minRole: 'viewer' as const } };
const responder = { config: { minRole: 'responder' as const } };

const bad = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_BAD_REQUEST', message);

function listFilter(q: Record<string, string>): TerminationFilter {
  const f: TerminationFilter = { limit: limitParam(q, MAX_LIST) };
  if (q.state !== undefined) {
    if (!(TERMINATION_STATES as readonly string[]).includes(q.state)) throw bad(`state must be one of ${TERMINATION_STATES.join(', ')}`);
    f.states = [q.state as TerminationState];
  }
  if (q.host !== undefined) {
    if (!/^[0-9a-f]{32}$/.test(q.host)) throw bad('host must be a host id (32 hex digits)');
    f.hostId = q.host;
  }
  return f;
}

/** Why a decision's reason is not acceptable, or undefined: 1..500 printable characters, not only spaces. */
export function reasonProblem(reason: unknown): string | undefined {
  if (typeof reason !== 'string') return 'reason must be a string: say why';
  if (reason.trim() === '') return 'reason must not be empty: say why';
  if ([...reason].length > MAX_REASON_CHARS) return `reason must be at most ${MAX_REASON_CHARS} characters`;
  if (/\p{C}/u.test(reason)) return 'reason must be printable (no control characters or line breaks)';
  return undefined;
}

/** POST …/approve and …/deny body: exactly {"reason": "…"}. */
function decisionReason(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw bad('send a JSON object {"reason": "…"}');
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => k !== 'reason');
  if (extra.length > 0) throw bad(`unknown field ${extra[0]!}`);
  const problem = reasonProblem(b.reason);
  if (problem !== undefined) throw bad(problem);
  return b.reason as string;
}

async function withHostname(store: Store, t: TerminationRecord): Promise<Record<string, unknown>> {
  return terminationJson(t, (await store.getHost(t.hostId))?.facts.hostname ?? null);
}

export function registerTerminationRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/v1/terminations', viewer, async (req) => {
    const list = await store.listTerminations(listFilter(query(req)));
    const names = new Map<string, string | null>();
    for (const t of list) if (!names.has(t.hostId)) names.set(t.hostId, (await store.getHost(t.hostId))?.facts.hostname ?? null);
    return { terminations: list.map((t) => terminationJson(t, names.get(t.hostId) ?? null)) };
  });
  app.get<{ Params: { id: string } }>('/api/v1/terminations/:id', viewer, async (req) => ({
    termination: await withHostname(store, await terminationOr404(store, req.params.id)),
  }));

  const decide = (verb: Decision) => async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const reason = decisionReason(req.body);
    const t = await decideTermination(store, req.params.id, verb, reason, principalOf(req), req.log);
    return { termination: await withHostname(store, t) };
  };
  app.post<{ Params: { id: string } }>('/api/v1/terminations/:id/approve', responder, decide('approve'));
  app.post<{ Params: { id: string } }>('/api/v1/terminations/:id/deny', responder, decide('deny'));
}
