// PagerDuty Events API v2 (developer.pagerduty.com/docs/events-api-v2/trigger-events).
// A drift alert triggers an incident keyed by its host (dedup_key
// "driftwatch/host/<id>"), so later alerts of the same host add to it instead
// of paging again; a "resolved" message (the host was terminated) resolves it
// by the same key; the governor's pages carry their own key. PagerDuty answers
// 202; a 400 is an event it will never take (not retried), 429 and 5xx are retried.
import type { Severity } from '../policy/policy-types.js';
import type { AlertMessage } from '../store/response-store.js';
import type { NotifierConfig } from './action-config.js';
import { alertJson } from './alert-json.js';
import { MAX_SUMMARY_CHARS } from './alert-message.js';
import { postingNotifier } from './http-post.js';
import type { Notifier } from './notifier.js';

type PagerDutyConfig = Extract<NotifierConfig, { type: 'pagerduty' }>;

/** PagerDuty has four severities; low drift is still a problem, so it is a warning, not info. */
export const PAGERDUTY_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  critical: 'critical', high: 'error', medium: 'warning', low: 'warning', info: 'info',
};

/** A source for messages without a host (the governor's pages). */
const COLLECTOR_SOURCE = 'driftwatch-collector';

export function pagerDutyEvent(routingKey: string, m: AlertMessage): Record<string, unknown> {
  if (m.type === 'resolved') return { routing_key: routingKey, event_action: 'resolve', dedup_key: m.dedupKey };
  const worst = m.worst?.[0];
  // PagerDuty refuses empty optional fields less gracefully than absent ones.
  const optional = (key: string, value: string | undefined): Record<string, string> => (value === undefined || value === '' ? {} : { [key]: value });
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: m.dedupKey,
    payload: {
      summary: [...m.summary].slice(0, MAX_SUMMARY_CHARS).join(''),
      source: m.host === undefined ? COLLECTOR_SOURCE : m.host.hostname === '' ? m.host.id : m.host.hostname,
      severity: PAGERDUTY_SEVERITY[m.severity],
      timestamp: m.at,
      ...optional('component', worst?.path === '' ? worst.kind : worst?.path),
      ...optional('group', m.host?.imageId),
      ...optional('class', worst?.kind),
      custom_details: alertJson(m),
    },
  };
}

export function createPagerDutyNotifier(c: PagerDutyConfig): Notifier {
  return postingNotifier(c, [c.routingKey], (message) => ({ body: JSON.stringify(pagerDutyEvent(c.routingKey, message)) }));
}
