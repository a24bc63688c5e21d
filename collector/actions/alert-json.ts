// An AlertMessage as JSON for the outside world (snake_case, every key present,
// null where a message has no such part): the generic webhook's body and the
// deliveries API both show it so. docs: /work/notes/doc-notifiers.md.
import type { AlertEvent, AlertMessage } from '../store/response-store.js';

/** Bumped only for an incompatible change; receivers may check it. */
export const ALERT_JSON_VERSION = 1;

function eventJson(e: AlertEvent): Record<string, unknown> {
  return { seq: e.seq, kind: e.kind, path: e.path, subject: e.subject, verdict: e.verdict, severity: e.severity, rule: e.rule, received_at: e.receivedAt };
}

export function alertJson(m: AlertMessage): Record<string, unknown> {
  const h = m.host;
  return {
    version: ALERT_JSON_VERSION,
    type: m.type,
    dedup_key: m.dedupKey,
    summary: m.summary,
    severity: m.severity,
    at: m.at,
    host: h === undefined
      ? null
      : { id: h.id, hostname: h.hostname, image_id: h.imageId, instance_id: h.instanceId, labels: h.labels, state: h.state },
    event_count: m.eventCount ?? null,
    window: m.window ?? null,
    worst: (m.worst ?? []).map(eventJson),
    action: m.action ?? null,
  };
}
