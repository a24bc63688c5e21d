// The alert delivery queue on the operator API: what was sent where, what is
// still being retried, what expired and why. A viewer may read it: messages
// hold no secrets (URLs and keys are applied at send time, never stored).
import type { FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import { alertJson } from '../actions/alert-json.js';
import type { DeliveryRecord, DeliveryState } from '../store/response-store.js';
import type { Store } from '../store/store.js';
import { limitParam, query } from './operator-routes.js';

const STATES: readonly DeliveryState[] = ['pending', 'delivered', 'expired'];
const MAX_DELIVERIES = 1000;

function deliveryJson(d: DeliveryRecord): Record<string, unknown> {
  return {
    id: d.id, delivery_id: d.uuid, notifier: d.notifier, state: d.state, attempts: d.attempts, last_error: d.lastError,
    created_at: d.createdAt.toISOString(), expires_at: d.expiresAt.toISOString(),
    next_attempt_at: d.state === 'pending' ? d.nextAttemptAt.toISOString() : null,
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    message: alertJson(d.message),
  };
}

export function registerDeliveryRoutes(app: FastifyInstance, store: Store): void {
  app.get('/api/v1/deliveries', { config: { minRole: 'viewer' } }, async (req) => {
    const q = query(req);
    if (q.state !== undefined && !(STATES as readonly string[]).includes(q.state)) {
      throw new DriftwatchError('COLLECTOR_BAD_REQUEST', `state must be one of ${STATES.join(', ')}`);
    }
    const deliveries = await store.listDeliveries({ limit: limitParam(q, MAX_DELIVERIES), ...(q.state === undefined ? {} : { state: q.state as DeliveryState }) });
    return { deliveries: deliveries.map(deliveryJson) };
  });
}
