// The SQLite side of alerts and their deliveries: closing the alerts whose
// grouping window ended (and queueing their deliveries in the same
// transaction), the delivery queue the dispatcher works through, and its
// listing. Functions of the Database, delegated to by sqlite-store.ts; their
// statements are prepared once per connection.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SEVERITIES, type Severity } from '../policy/policy-types.js';
import { toHostRecord, type HostRow } from './sqlite-rows.js';
import type { HostRecord } from './store.js';
import { ACTIVE_TERMINATION_STATES, type AlertEvent, type AlertMessage, type AlertRecord, type DeliveryRecord, type DeliveryState, type Enqueue } from './response-store.js';
import { perConnection } from './sqlite-statements.js';

const ACTIVE = ACTIVE_TERMINATION_STATES.map((st) => `'${st}'`).join(', ');
/** A stored error is one line of this many characters at most: it comes from a receiver's answer. */
const MAX_ERROR_CHARS = 500;

interface AlertRow {
  id: number;
  host_id: string;
  opened_at: number;
  closes_at: number;
  event_count: number;
  severity: string;
  worst: string;
  termination: 0 | 1;
}

interface DeliveryRow {
  id: number;
  uuid: string;
  notifier: string;
  dedup_key: string;
  message: string;
  created_at: number;
  expires_at: number;
  next_attempt_at: number;
  attempts: number;
  state: DeliveryState;
  last_error: string;
  delivered_at: number | null;
}

function prepare(db: Database.Database) {
  return {
    dueAlerts: db.prepare<[number], AlertRow>(
      `SELECT id, host_id, opened_at, closes_at, event_count, severity, worst,
         EXISTS (SELECT 1 FROM terminations t WHERE t.host_id = alerts.host_id
                   AND (t.requested_at >= alerts.opened_at OR t.state IN (${ACTIVE}))) AS termination
       FROM alerts WHERE closed = 0 AND closes_at <= ? ORDER BY closes_at, id`),
    closeAlert: db.prepare<[number]>('UPDATE alerts SET closed = 1 WHERE id = ? AND closed = 0'),
    getHost: db.prepare<[string], HostRow>('SELECT * FROM hosts WHERE id = ?'),
    insertDelivery: db.prepare<{ uuid: string; notifier: string; key: string; message: string; now: number; expires: number }>(
      `INSERT INTO deliveries (uuid, notifier, dedup_key, message, created_at, expires_at, next_attempt_at)
       VALUES (@uuid, @notifier, @key, @message, @now, @expires, @now)`),
    // Expired while nobody tried (the collector was down, or the queue was behind).
    expire: db.prepare<[number], DeliveryRow>(
      `UPDATE deliveries SET state = 'expired',
         last_error = CASE WHEN last_error = '' THEN 'expired before any attempt' ELSE last_error END
       WHERE state = 'pending' AND expires_at <= ? RETURNING *`),
    // Only the oldest pending delivery of a notifier and dedup key: messages of
    // one incident reach a receiver in the order they were made.
    due: db.prepare<[number, number], DeliveryRow>(
      `SELECT * FROM deliveries d WHERE state = 'pending' AND next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.state = 'pending' AND o.notifier = d.notifier
                           AND o.dedup_key = d.dedup_key AND o.id < d.id)
       ORDER BY next_attempt_at, id LIMIT ?`),
    delivered: db.prepare<{ id: number; now: number }>(
      `UPDATE deliveries SET state = 'delivered', delivered_at = @now, attempts = attempts + 1 WHERE id = @id AND state = 'pending'`),
    failed: db.prepare<{ id: number; error: string; retry: number | null }>(
      `UPDATE deliveries SET attempts = attempts + 1, last_error = @error,
         state = CASE WHEN @retry IS NULL THEN 'expired' ELSE state END,
         next_attempt_at = coalesce(@retry, next_attempt_at)
       WHERE id = @id AND state = 'pending'`),
    // Newest first: the operator looks at what just happened.
    list: db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries ORDER BY id DESC LIMIT ?'),
    listInState: db.prepare<[DeliveryState, number], DeliveryRow>('SELECT * FROM deliveries WHERE state = ? ORDER BY id DESC LIMIT ?'),
  };
}

// Keyed by connection, so a closed store's statements go with it.
const statements = perConnection(prepare);

function toAlert(row: AlertRow): AlertRecord {
  const worst: unknown = JSON.parse(row.worst);
  if (!Array.isArray(worst)) throw new Error(`stored worst events of alert ${row.id} are not an array`);
  // The CHECK constraint keeps severity to the known ones.
  if (!(SEVERITIES as readonly string[]).includes(row.severity)) throw new Error(`alert ${row.id} has unknown severity ${row.severity}`);
  return {
    id: row.id, hostId: row.host_id, openedAt: new Date(row.opened_at), closesAt: new Date(row.closes_at),
    eventCount: row.event_count, severity: row.severity as Severity, worst: worst as AlertEvent[], terminationRequested: row.termination === 1,
  };
}

function toMessage(text: string, id: number): AlertMessage {
  const m: unknown = JSON.parse(text);
  const ok = typeof m === 'object' && m !== null
    && ['type', 'dedupKey', 'summary', 'severity', 'at'].every((k) => typeof (m as Record<string, unknown>)[k] === 'string');
  if (!ok) throw new Error(`stored message of delivery ${id} is not an alert message`);
  return m as AlertMessage;
}

function toDelivery(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id, uuid: row.uuid, notifier: row.notifier, message: toMessage(row.message, row.id),
    createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at), nextAttemptAt: new Date(row.next_attempt_at),
    attempts: row.attempts, state: row.state, lastError: row.last_error,
    deliveredAt: row.delivered_at === null ? null : new Date(row.delivered_at),
  };
}

function checkLimit(limit: number, what: string): void {
  // SQLite reads a negative LIMIT as "no limit": refuse it rather than return everything.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`${what}: bad limit ${limit}`);
}

export function closeDueAlerts(
  db: Database.Database, now: Date, build: (alert: AlertRecord, host: HostRecord) => AlertMessage,
  route: (m: AlertMessage) => readonly string[], ttlMs: number,
): number {
  const s = statements(db);
  return db.transaction((): number => {
    const rows = s.dueAlerts.all(now.getTime());
    for (const row of rows) {
      s.closeAlert.run(row.id);
      // The alert's row cascades with its host's, so the host is there.
      const host = s.getHost.get(row.host_id);
      if (host === undefined) throw new Error(`alert ${row.id} names no host ${row.host_id}`);
      const message = build(toAlert(row), toHostRecord(host));
      enqueueDeliveries(db, { notifiers: route(message), message, ttlMs }, now);
    }
    return rows.length;
  })();
}

/** Inside the caller's transaction (closeDueAlerts and transitionTermination use it). */
export function enqueueDeliveries(db: Database.Database, e: Enqueue, now: Date): void {
  const s = statements(db);
  const message = JSON.stringify(e.message);
  for (const notifier of e.notifiers) {
    s.insertDelivery.run({ uuid: randomUUID(), notifier, key: e.message.dedupKey, message, now: now.getTime(), expires: now.getTime() + e.ttlMs });
  }
}

export function dueDeliveries(db: Database.Database, now: Date, limit: number): { due: DeliveryRecord[]; expired: DeliveryRecord[] } {
  checkLimit(limit, 'dueDeliveries');
  const s = statements(db);
  return db.transaction(() => {
    const expired = s.expire.all(now.getTime()).map(toDelivery);
    return { due: s.due.all(now.getTime(), limit).map(toDelivery), expired };
  })();
}

export function recordDeliveryAttempt(
  db: Database.Database, id: number, now: Date, outcome: { delivered: true } | { delivered: false; error: string; retryAt: Date | null },
): void {
  const s = statements(db);
  if (outcome.delivered) {
    s.delivered.run({ id, now: now.getTime() });
    return;
  }
  const error = outcome.error.replace(/\s+/g, ' ').slice(0, MAX_ERROR_CHARS);
  s.failed.run({ id, error, retry: outcome.retryAt?.getTime() ?? null });
}

export function listDeliveries(db: Database.Database, filter: { state?: DeliveryState; limit: number }): DeliveryRecord[] {
  checkLimit(filter.limit, 'listDeliveries');
  const s = statements(db);
  const rows = filter.state === undefined ? s.list.all(filter.limit) : s.listInState.all(filter.state, filter.limit);
  return rows.map(toDelivery);
}
