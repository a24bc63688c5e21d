// What the termination runner tells on-call, as notifier-neutral
// AlertMessages: the governor's page when it holds terminations back, the
// page when a termination failed for good, and the "resolved" that closes a
// terminated host's incident (PagerDuty resolves by the host's dedup key).
import type { HostRecord } from '../store/store.js';
import { hostDedupKey, MAX_SUMMARY_CHARS, oneLine } from './alert-message.js';
import type { AlertMessage, TerminationRecord } from '../store/response-store.js';

/** A summary as one printable line (host-supplied names cannot forge lines), at most PagerDuty's 1024 characters. */
export function summaryLine(text: string): string {
  return oneLine(text, MAX_SUMMARY_CHARS);
}

function alertHost(h: HostRecord): NonNullable<AlertMessage['host']> {
  return {
    id: h.id, hostname: h.facts.hostname, imageId: h.facts.imageId, instanceId: h.facts.instanceId, labels: h.facts.labels, state: h.state,
  };
}

const HOW_TO_DECIDE = 'held terminations wait in pending_approval: list them with `drift-collector terminations --state pending_approval`, '
  + 'then approve or deny each with `drift-collector approve ID --reason TEXT` or `drift-collector deny ID --reason TEXT`';

/** Once per tripped check and window: the reason is the first hold's, e.g. "42 of 50 hosts of image ami-1 drifted within 10m: …". */
export function governorPage(reason: string, checkKey: string, window: { start: Date; end: Date }, now: Date): AlertMessage {
  return {
    type: 'governor', dedupKey: `driftwatch/governor/${checkKey}`, summary: summaryLine(reason), severity: 'critical', at: now.toISOString(),
    window: { start: window.start.toISOString(), end: window.end.toISOString() }, action: HOW_TO_DECIDE,
  };
}

export function terminationFailedPage(host: HostRecord, t: TerminationRecord, error: string, now: Date): AlertMessage {
  return {
    type: 'governor', dedupKey: `driftwatch/termination/${t.id}`, severity: 'critical', at: now.toISOString(), host: alertHost(host),
    summary: summaryLine(`termination ${t.id} of ${host.facts.hostname} failed after ${t.attempts} attempt${t.attempts === 1 ? '' : 's'}: ${error}`),
    action: 'the host is still running and drifted: terminate it by hand, or fix the terminator; a new terminate verdict requests a new termination',
  };
}

export function terminatedMessage(host: HostRecord, t: TerminationRecord, how: string, now: Date): AlertMessage {
  return {
    type: 'resolved', dedupKey: hostDedupKey(host.id), severity: 'info', at: now.toISOString(), host: { ...alertHost(host), state: 'terminated' },
    summary: summaryLine(`${host.facts.hostname} was terminated (${t.reason}; rule ${t.rule})`),
    action: `terminated by the ${t.terminator === '' ? 'configured' : t.terminator} terminator (${how}); its auto-scaling group or scheduler replaces it`,
  };
}
