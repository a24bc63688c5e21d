// An operator's decision on a termination the governor held: one code path
// for the JSON API (termination-routes.ts) and the dashboard's forms. Only a
// termination pending approval can be decided (else COLLECTOR_CONFLICT); the
// state change and its audit row (who, when, why, with which role) are one
// store transaction.
import type { FastifyBaseLogger } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { Store } from '../store/store.js';
import type { TerminationRecord } from '../store/response-store.js';
import type { Principal } from './operator-auth.js';

export type Decision = 'approve' | 'deny';

/** A termination by its id as given in a URL (1..15 digits), or COLLECTOR_NOT_FOUND. */
export async function terminationOr404(store: Store, id: string): Promise<TerminationRecord> {
  const t = /^[1-9][0-9]{0,14}$/.test(id) ? await store.getTermination(Number(id)) : undefined;
  if (t === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no termination ${id}`);
  return t;
}

/** Approves or denies termination `id` with `reason` (already checked: reasonProblem); returns it as decided. */
export async function decideTermination(
  store: Store, id: string, verb: Decision, reason: string, by: Principal, log: FastifyBaseLogger,
): Promise<TerminationRecord> {
  const t = await terminationOr404(store, id);
  const conflict = (state: string): DriftwatchError => new DriftwatchError('COLLECTOR_CONFLICT',
    `termination ${t.id} is ${state}: only a termination pending approval can be ${verb === 'approve' ? 'approved' : 'denied'}`);
  if (t.state !== 'pending_approval') throw conflict(t.state);
  const { actor, role } = by;
  const now = new Date();
  const decided = await store.transitionTermination(t.id, ['pending_approval'], verb === 'approve' ? 'approved' : 'denied',
    { decidedBy: actor, decidedAt: now, decisionReason: reason }, {
      at: now, actor, action: `termination.${verb}`,
      detail: { termination_id: t.id, host_id: t.hostId, reason, role, hold_reason: t.holdReason },
    });
  // Decided by someone else between the read and the write.
  if (!decided) throw conflict((await store.getTermination(t.id))?.state ?? 'gone');
  log.info({ termination: t.id, host: t.hostId, actor, decision: verb }, `termination ${verb === 'approve' ? 'approved' : 'denied'} by an operator`);
  return (await store.getTermination(t.id))!;
}
