// The approvals page's forms (responder): approve or deny a held termination
// with a reason, through the same code path as the API's routes
// (api/termination-decide.ts: one store transition and its audit row, with
// the signed-in session's actor and role).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import { decideTermination, type Decision } from '../api/termination-decide.js';
import { reasonProblem } from '../api/termination-routes.js';
import type { Store } from '../store/store.js';
import { sessionOf } from './ui-auth.js';
import { checkForm, parseForm } from './ui-security.js';

const responder = { config: { minRole: 'responder' as const } };

export function registerDecisionRoutes(ui: FastifyInstance, store: Store): void {
  const decide = (verb: Decision) => async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const session = sessionOf(req);
    const form = parseForm(typeof req.body === 'string' ? req.body : '');
    checkForm(req, form, session.csrf);
    const problem = reasonProblem(form.reason);
    if (problem !== undefined) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', problem);
    const t = await decideTermination(store, req.params.id, verb, form.reason!, session.principal, req.log);
    return reply.redirect(`/ui/approvals?done=${t.id}-${t.state}`, 303);
  };
  ui.post<{ Params: { id: string } }>('/ui/terminations/:id/approve', responder, decide('approve'));
  ui.post<{ Params: { id: string } }>('/ui/terminations/:id/deny', responder, decide('deny'));
}
