// The drift alert as on-call reads it: one closed alert (a host's grouped
// drift of one window) and its host become a notifier-neutral AlertMessage
// whose summary says everything in one line:
//   web-1 (ami-0abc) drifted: 12 events in 60 s, worst: file_changed /usr/bin/ls -> terminate (rule binaries)
// Anything that came from a host (hostname, image, file names) is made one
// printable line here, so a file name cannot forge lines in a summary.
import type { AlertEvent, AlertMessage, AlertRecord } from '../store/response-store.js';
import type { HostRecord } from '../store/store.js';

/** PagerDuty's limit for a summary; the others show it whole too. */
export const MAX_SUMMARY_CHARS = 1024;
/** A path in a summary or a Slack line: long enough to recognise, short enough to read. */
const MAX_PATH_CHARS = 200;
const MAX_NAME_CHARS = 100;

export interface DriftMessageOptions {
  /** False: terminate verdicts are recorded, but no terminator will act on them. */
  terminatorConfigured: boolean;
}

/**
 * Control characters (newlines, escapes), format characters (bidirectional
 * overrides that reorder what is shown) and line separators become "?", and
 * the text is cut to `max` characters (with "…").
 */
export function oneLine(text: string, max: number): string {
  const clean = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '?');
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

/** "file_changed /usr/bin/ls", or the kind alone for events without a path (login). */
export function eventText(e: Pick<AlertEvent, 'kind' | 'subject'>): string {
  return e.subject === '' ? oneLine(e.kind, MAX_NAME_CHARS) : `${oneLine(e.kind, MAX_NAME_CHARS)} ${oneLine(e.subject, MAX_PATH_CHARS)}`;
}

/** PagerDuty's dedup key for a host: its trigger and its resolve name one incident. */
export function hostDedupKey(hostId: string): string {
  return `driftwatch/host/${hostId}`;
}

function actionText(alert: AlertRecord, opts: DriftMessageOptions): string {
  const terminate = alert.terminationRequested || alert.worst.some((e) => e.verdict === 'terminate');
  if (!terminate) return 'alert only: no automatic action';
  return opts.terminatorConfigured
    ? 'termination requested (governor decides)'
    : 'termination requested, but no terminator is configured: the host is not terminated';
}

export function driftMessage(alert: AlertRecord, host: HostRecord, opts: DriftMessageOptions): AlertMessage {
  const f = host.facts;
  const name = oneLine(f.hostname === '' ? host.id : f.hostname, MAX_NAME_CHARS);
  const image = f.imageId === '' ? '' : ` (${oneLine(f.imageId, MAX_NAME_CHARS)})`;
  const seconds = Math.round((alert.closesAt.getTime() - alert.openedAt.getTime()) / 1000);
  const count = `${alert.eventCount} event${alert.eventCount === 1 ? '' : 's'}${seconds > 0 ? ` in ${seconds} s` : ''}`;
  const w = alert.worst[0];
  const worst = w === undefined ? '' : `, worst: ${eventText(w)} -> ${w.verdict} (rule ${oneLine(w.rule, MAX_NAME_CHARS)})`;
  return {
    type: 'drift',
    dedupKey: hostDedupKey(host.id),
    summary: oneLine(`${name}${image} drifted: ${count}${worst}`, MAX_SUMMARY_CHARS),
    severity: alert.severity,
    at: alert.closesAt.toISOString(),
    host: { id: host.id, hostname: f.hostname, imageId: f.imageId, instanceId: f.instanceId, labels: f.labels, state: host.state },
    eventCount: alert.eventCount,
    window: { start: alert.openedAt.toISOString(), end: alert.closesAt.toISOString() },
    worst: alert.worst,
    action: actionText(alert, opts),
  };
}
