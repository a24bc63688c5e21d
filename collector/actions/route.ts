// Which notifiers get a message. Drift alerts go to the notifiers whose
// min_severity they reach; the governor's pages and "host terminated"
// resolutions go to every notifier: on-call must hear that auto-termination
// paused, and PagerDuty must hear the incident is over, whatever the severity.
import { SEVERITIES, type Severity } from '../policy/policy-types.js';
import type { AlertMessage } from '../store/response-store.js';

export function notifierNamesFor(notifiers: ReadonlyArray<{ name: string; minSeverity: Severity }>, message: AlertMessage): string[] {
  if (message.type !== 'drift') return notifiers.map((n) => n.name);
  const level = SEVERITIES.indexOf(message.severity);
  return notifiers.filter((n) => level >= SEVERITIES.indexOf(n.minSeverity)).map((n) => n.name);
}
