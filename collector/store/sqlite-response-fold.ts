// The first step of the response loop, on SQLite: read the events stored
// since the cursor whose verdict is alert or terminate, fold them into their
// host's open alert and request terminations, and move the cursor, in one
// transaction. Ingest only writes verdicts; everything after starts here, so
// a crash between ingest and response loses nothing.
//
// Ids are assigned in commit order because one connection writes: a cursor on
// id cannot skip an event that commits late. (A multi-writer store needs a
// different cursor.)
import type Database from 'better-sqlite3';
import { SEVERITIES, type Severity, type Verdict } from '../policy/policy-types.js';
import type { AlertEvent } from './response-store.js';
import { perConnection } from './sqlite-statements.js';

/** The worst events an alert keeps; the rest are counted. */
export const ALERT_WORST_KEPT = 5;

interface ActionableRow {
  id: number;
  host_id: string;
  seq: number;
  kind: string;
  path: string;
  received_at: number;
  verdict: Verdict;
  severity: Severity;
  rule: string;
  pkg_name: string | null;
  pkg_version: string | null;
  login_user: string | null;
  login_origin: string | null;
  detail: string | null;
}

/** What an event is about when it has no path: package, login or a gap's reason. */
function subjectOf(r: ActionableRow): string {
  if (r.path !== '') return r.path;
  if (r.pkg_name !== null) return r.pkg_version === null ? r.pkg_name : `${r.pkg_name} ${r.pkg_version}`;
  if (r.login_user !== null) return r.login_origin === null || r.login_origin === '' ? r.login_user : `${r.login_user} from ${r.login_origin}`;
  return r.detail ?? '';
}

interface OpenAlertRow {
  id: number;
  event_count: number;
  severity: Severity;
  worst: string;
}

const rank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Worse first: severity, then terminate before alert, then the earlier event. */
export function worseFirst(a: AlertEvent, b: AlertEvent): number {
  return rank(b.severity) - rank(a.severity) || Number(b.verdict === 'terminate') - Number(a.verdict === 'terminate') || a.seq - b.seq;
}

/** Severity as a number in SQL, in the order of SEVERITIES. */
const SEVERITY_RANK = `CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`;
const ACTIONABLE = `verdict IN ('alert', 'terminate')`;
/** An event's columns for an alert; the payload (JSON) is parsed only for events without a path (CASE is lazy). */
const EVENT_COLUMNS = `id, host_id, seq, kind, path, received_at, verdict, severity, rule,
  CASE WHEN path = '' THEN json_extract(payload, '$.package.name') END AS pkg_name,
  CASE WHEN path = '' THEN json_extract(payload, '$.package.version') END AS pkg_version,
  CASE WHEN path = '' THEN json_extract(payload, '$.login.user') END AS login_user,
  CASE WHEN path = '' THEN json_extract(payload, '$.login.origin') END AS login_origin,
  CASE WHEN path = '' THEN json_extract(payload, '$.detail') END AS detail`;

// The batch is the events with ids in (lo, hi]. Counting, ranking and finding
// each host's first terminate verdict happen in SQL, so a burst of thousands of
// alerting events costs a few rows of JavaScript per host, not one per event,
// on the thread that also serves ingest.
function prepare(db: Database.Database) {
  type Range = { lo: number; hi: number };
  return {
    cursor: db.prepare<[], number>('SELECT last_event_id FROM response_cursor WHERE only_row = 1').pluck(),
    moveCursor: db.prepare<[number]>('UPDATE response_cursor SET last_event_id = ? WHERE only_row = 1'),
    batchEnd: db.prepare<{ lo: number; limit: number }, { hi: number | null; n: number }>(
      `SELECT max(id) AS hi, count(*) AS n FROM (SELECT id FROM events WHERE id > @lo AND ${ACTIONABLE} ORDER BY id LIMIT @limit)`),
    hostCounts: db.prepare<Range, { host_id: string; n: number }>(
      `SELECT host_id, count(*) AS n FROM events WHERE id > @lo AND id <= @hi AND ${ACTIONABLE} GROUP BY host_id`),
    // Each host's worst events of the batch, in worseFirst's order.
    hostWorst: db.prepare<Range & { kept: number }, ActionableRow>(
      `SELECT * FROM (SELECT ${EVENT_COLUMNS}, row_number() OVER (
         PARTITION BY host_id ORDER BY ${SEVERITY_RANK} DESC, verdict = 'terminate' DESC, seq) AS rn
       FROM events WHERE id > @lo AND id <= @hi AND ${ACTIONABLE}) WHERE rn <= @kept ORDER BY host_id, rn`),
    firstTerminate: db.prepare<Range, ActionableRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE id IN (
         SELECT min(id) FROM events WHERE id > @lo AND id <= @hi AND verdict = 'terminate' GROUP BY host_id)`),
    openAlert: db.prepare<[string], OpenAlertRow>('SELECT id, event_count, severity, worst FROM alerts WHERE host_id = ? AND closed = 0'),
    insertAlert: db.prepare<{ host: string; opened: number; closes: number; count: number; severity: string; worst: string }>(
      `INSERT INTO alerts (host_id, opened_at, closes_at, event_count, severity, worst)
       VALUES (@host, @opened, @closes, @count, @severity, @worst)`),
    updateAlert: db.prepare<{ id: number; count: number; severity: string; worst: string }>(
      'UPDATE alerts SET event_count = @count, severity = @severity, worst = @worst WHERE id = @id'),
    // One termination in flight per host, and none for a host already terminated.
    requestTermination: db.prepare<{ host: string; rule: string; reason: string; seq: number; at: number }>(
      `INSERT INTO terminations (host_id, state, rule, reason, event_seq, requested_at)
       SELECT @host, 'requested', @rule, @reason, @seq, @at
       WHERE NOT EXISTS (SELECT 1 FROM terminations WHERE host_id = @host
                           AND state IN ('requested', 'pending_approval', 'approved', 'executing', 'sent'))
         AND (SELECT state FROM hosts WHERE id = @host) <> 'terminated'`),
  };
}

const statements = perConnection(prepare);

function parseWorst(text: string, alertId: number): AlertEvent[] {
  const v: unknown = JSON.parse(text);
  if (!Array.isArray(v)) throw new Error(`stored worst events of alert ${alertId} are not an array`);
  return v as AlertEvent[];
}

function alertEvent(r: ActionableRow): AlertEvent {
  return {
    seq: r.seq, kind: r.kind, path: r.path, subject: subjectOf(r), receivedAt: new Date(r.received_at).toISOString(),
    verdict: r.verdict, severity: r.severity, rule: r.rule,
  };
}

export function foldNewVerdicts(db: Database.Database, now: Date, alertWindowMs: number, limit: number): number {
  const s = statements(db);
  return db.transaction((): number => {
    const lo = s.cursor.get() ?? 0;
    const { hi, n } = s.batchEnd.get({ lo, limit })!;
    if (hi === null || n === 0) return 0;
    const range = { lo, hi };
    const worstByHost = new Map<string, AlertEvent[]>();
    for (const r of s.hostWorst.all({ ...range, kept: ALERT_WORST_KEPT })) {
      const list = worstByHost.get(r.host_id);
      if (list === undefined) worstByHost.set(r.host_id, [alertEvent(r)]);
      else list.push(alertEvent(r));
    }
    for (const { host_id: hostId, n: count } of s.hostCounts.all(range)) {
      const events = worstByHost.get(hostId)!;
      const worstOfBatch = events[0]!;
      const open = s.openAlert.get(hostId);
      if (open === undefined) {
        s.insertAlert.run({
          host: hostId, opened: now.getTime(), closes: now.getTime() + alertWindowMs, count, severity: worstOfBatch.severity, worst: JSON.stringify(events),
        });
      } else {
        const worst = [...parseWorst(open.worst, open.id), ...events].sort(worseFirst).slice(0, ALERT_WORST_KEPT);
        const severity = rank(worstOfBatch.severity) > rank(open.severity) ? worstOfBatch.severity : open.severity;
        s.updateAlert.run({ id: open.id, count: open.event_count + count, severity, worst: JSON.stringify(worst) });
      }
    }
    // A host's first terminate verdict asks; later ones find a termination in flight.
    for (const t of s.firstTerminate.all(range)) {
      const subject = subjectOf(t);
      s.requestTermination.run({ host: t.host_id, rule: t.rule, reason: subject === '' ? t.kind : `${t.kind} ${subject}`, seq: t.seq, at: now.getTime() });
    }
    s.moveCursor.run(hi);
    return n;
  })();
}
