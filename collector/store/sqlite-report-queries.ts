// The SQLite side of reports (report-store.ts): fleet events in a time range
// paged by (received_at, id), the scope's terminations, and the audit rows of
// given terminations. One statement per combination of filters, built on
// first use, so each uses an index instead of "(@x IS NULL OR …)".
import type Database from 'better-sqlite3';
import { toStoredEvent, type EventRow } from './sqlite-rows.js';
import { LABELS_MATCH } from './sqlite-core-statements.js';
import { perConnection } from './sqlite-statements.js';
import { toRecord, type TerminationRow } from './sqlite-terminations.js';
import { toAudit, type AuditRow } from './sqlite-tokens.js';
import type { AuditEntry } from './store.js';
import type { TerminationRecord } from './response-store.js';
import type { FleetEventCursor, FleetEventPage, ReportScopeFilter } from './report-store.js';

type ScopeQuery = { host: string | null; image: string | null; labels: string; since: number; until: number; at: number; id: number; limit: number };

/** The WHERE terms of a scope on a table whose host column is host_id. */
function scopeTerms(f: ReportScopeFilter): string[] {
  const hostTerms = [f.imageId === undefined ? '' : 'image_id = @image', f.labels === undefined ? '' : LABELS_MATCH].filter(Boolean);
  return [
    f.hostId === undefined ? '' : 'host_id = @host',
    hostTerms.length === 0 ? '' : `host_id IN (SELECT id FROM hosts WHERE ${hostTerms.join(' AND ')})`,
  ].filter(Boolean);
}

const keyOf = (f: ReportScopeFilter): string => [f.hostId !== undefined, f.imageId !== undefined, f.labels !== undefined].join('/');

function prepare(db: Database.Database) {
  const events = new Map<string, Database.Statement<ScopeQuery, EventRow & { id: number }>>();
  const terminations = new Map<string, Database.Statement<ScopeQuery, TerminationRow>>();
  return {
    events(f: ReportScopeFilter) {
      let stmt = events.get(keyOf(f));
      if (stmt === undefined) {
        const where = ['received_at >= @since', 'received_at < @until', '(received_at, id) > (@at, @id)', ...scopeTerms(f)];
        stmt = db.prepare(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY received_at, id LIMIT @limit`);
        events.set(keyOf(f), stmt);
      }
      return stmt;
    },
    terminations(f: ReportScopeFilter) {
      let stmt = terminations.get(keyOf(f));
      if (stmt === undefined) {
        const where = ['requested_at >= @since', 'requested_at < @until', ...scopeTerms(f)];
        stmt = db.prepare(`SELECT * FROM terminations WHERE ${where.join(' AND ')} ORDER BY id LIMIT @limit`);
        terminations.set(keyOf(f), stmt);
      }
      return stmt;
    },
    audit: db.prepare<{ ids: string; limit: number }, AuditRow>(
      `SELECT * FROM audit_log WHERE json_extract(detail, '$.termination_id') IN (SELECT value FROM json_each(@ids))
       ORDER BY id LIMIT @limit`),
  };
}

const statements = perConnection(prepare);

function checkLimit(limit: number, what: string): void {
  // SQLite reads a negative LIMIT as "no limit": refuse it rather than return everything.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`${what}: bad limit ${limit}`);
}

function scopeQuery(f: ReportScopeFilter, limit: number, after?: FleetEventCursor): ScopeQuery {
  // Absent bounds become values no row passes beyond, keeping one statement per filter combination.
  return {
    host: f.hostId ?? null, image: f.imageId ?? null, labels: JSON.stringify(f.labels ?? {}),
    since: f.since?.getTime() ?? Number.MIN_SAFE_INTEGER, until: f.until?.getTime() ?? Number.MAX_SAFE_INTEGER,
    at: after?.at ?? Number.MIN_SAFE_INTEGER, id: after?.id ?? 0, limit,
  };
}

export function listFleetEvents(db: Database.Database, f: ReportScopeFilter, limit: number, after?: FleetEventCursor): FleetEventPage {
  checkLimit(limit, 'listFleetEvents');
  const rows = statements(db).events(f).all(scopeQuery(f, limit + 1, after));
  const more = rows.length > limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { events: rows.map(toStoredEvent), ...(more && last !== undefined ? { next: { at: last.received_at, id: last.id } } : {}) };
}

export function listScopedTerminations(db: Database.Database, f: ReportScopeFilter, limit: number): TerminationRecord[] {
  checkLimit(limit, 'listScopedTerminations');
  return statements(db).terminations(f).all(scopeQuery(f, limit)).map(toRecord);
}

export function listTerminationAudit(db: Database.Database, ids: readonly number[], limit: number): AuditEntry[] {
  checkLimit(limit, 'listTerminationAudit');
  if (ids.length === 0) return [];
  return statements(db).audit.all({ ids: JSON.stringify(ids), limit }).map(toAudit);
}
