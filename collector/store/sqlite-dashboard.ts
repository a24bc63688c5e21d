// The dashboard's queries on SQLite (dashboard-store.ts): one statement per
// widget, each using an index or bounded by LIMIT.
import type Database from 'better-sqlite3';
import { perConnection } from './sqlite-statements.js';
import { toHostRecord, toStoredEvent, type EventRow, type HostRow } from './sqlite-rows.js';
import { LABELS_MATCH } from './sqlite-core-statements.js';
import { toAudit, type AuditRow } from './sqlite-tokens.js';
import type { AuditEntry, StoredEvent } from './store.js';
import type { BaselineFacts, ChangeMarks, FleetEvent, HistogramCell, HostPage, HostPageQuery } from './dashboard-store.js';

interface HostParams { state: string | null; image: string | null; labels: string; idPrefix: string; namePrefix: string }
type HostStatements = { page: Database.Statement<[HostParams & { limit: number; offset: number }], HostRow>; count: Database.Statement<[HostParams], number> };

function hostStatements(db: Database.Database, byState: boolean, byImage: boolean, bySearch: boolean): HostStatements {
  // Only the filters given, so SQLite can use the state and image indexes (as the store's listHosts does).
  const where = [
    byState ? 'state = @state' : '', byImage ? 'image_id = @image' : '', LABELS_MATCH,
    bySearch ? `(id LIKE @idPrefix ESCAPE '\\' OR lower(json_extract(facts, '$.hostname')) LIKE @namePrefix ESCAPE '\\')` : '',
  ].filter(Boolean).join(' AND ');
  return {
    page: db.prepare(`SELECT * FROM hosts WHERE ${where} ORDER BY json_extract(facts, '$.hostname'), id LIMIT @limit OFFSET @offset`),
    count: db.prepare<[HostParams], number>(`SELECT count(*) FROM hosts WHERE ${where}`).pluck(),
  };
}

const statements = perConnection((db) => {
  const hosts = new Map<string, HostStatements>();
  return {
    hosts: (byState: boolean, byImage: boolean, bySearch: boolean): HostStatements => {
      const key = `${byState}/${byImage}/${bySearch}`;
      let s = hosts.get(key);
      if (s === undefined) hosts.set(key, (s = hostStatements(db, byState, byImage, bySearch)));
      return s;
    },
    histogram: db.prepare<{ since: number; until: number; bucket: number }, { b: number; verdict: string; n: number }>(
      `SELECT (received_at - @since) / @bucket AS b, verdict, count(*) AS n FROM events
       WHERE received_at >= @since AND received_at < @until GROUP BY b, verdict`),
    latest: db.prepare<[number], EventRow & { hostname: string | null }>(
      `SELECT e.*, json_extract(h.facts, '$.hostname') AS hostname FROM events e JOIN hosts h ON h.id = e.host_id ORDER BY e.id DESC LIMIT ?`),
    recent: db.prepare<{ host: string; before: number; limit: number }, EventRow>(
      'SELECT * FROM events WHERE host_id = @host AND seq < @before ORDER BY seq DESC, id DESC LIMIT @limit'),
    audit: db.prepare<[string, number], AuditRow>(
      `SELECT * FROM audit_log WHERE json_extract(detail, '$.host_id') = ? ORDER BY id DESC LIMIT ?`),
    baseline: db.prepare<{ id: string }, { bytes: number; captured: number }>(
      `SELECT length(manifest) AS bytes, (SELECT count(*) FROM baseline_contents WHERE host_id = @id) AS captured
       FROM baselines WHERE host_id = @id`),
    hostnames: db.prepare<[string], { id: string; hostname: string | null }>(
      `SELECT id, json_extract(facts, '$.hostname') AS hostname FROM hosts WHERE id IN (SELECT value FROM json_each(?))`),
    marks: db.prepare<[], { hosts: string; events: number; terminations: number; audit: number }>(
      `SELECT (SELECT coalesce(group_concat(state || '=' || n), '') FROM (SELECT state, count(*) AS n FROM hosts GROUP BY state ORDER BY state)) AS hosts,
              (SELECT coalesce(max(id), 0) FROM events) AS events,
              (SELECT coalesce(max(id), 0) FROM terminations) AS terminations,
              (SELECT coalesce(max(id), 0) FROM audit_log) AS audit`),
  };
});

/** A LIKE pattern matching what starts with `prefix` literally. */
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function checkLimit(limit: number, what: string): void {
  // SQLite reads a negative LIMIT as "no limit": refuse it rather than return everything.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`${what}: bad limit ${limit}`);
}

export function pageHosts(db: Database.Database, q: HostPageQuery): HostPage {
  checkLimit(q.limit, 'pageHosts');
  const search = q.search ?? '';
  const s = statements(db).hosts(q.state !== undefined, q.imageId !== undefined, search !== '');
  const params: HostParams = {
    state: q.state ?? null, image: q.imageId ?? null, labels: JSON.stringify(q.labels ?? {}),
    idPrefix: likePrefix(search.toLowerCase()), namePrefix: likePrefix(search.toLowerCase()),
  };
  return { hosts: s.page.all({ ...params, limit: q.limit, offset: q.offset }).map(toHostRecord), total: s.count.get(params) ?? 0 };
}

export function eventHistogram(db: Database.Database, since: Date, until: Date, bucketMs: number): HistogramCell[] {
  return statements(db).histogram.all({ since: since.getTime(), until: until.getTime(), bucket: bucketMs })
    .map((r) => ({ bucket: since.getTime() + r.b * bucketMs, verdict: r.verdict, count: r.n }));
}

export function latestEvents(db: Database.Database, limit: number): FleetEvent[] {
  checkLimit(limit, 'latestEvents');
  return statements(db).latest.all(limit).map((r) => ({ event: toStoredEvent(r), hostname: r.hostname ?? '' }));
}

export function recentEvents(db: Database.Database, hostId: string, limit: number, beforeSeq?: number): StoredEvent[] {
  checkLimit(limit, 'recentEvents');
  return statements(db).recent.all({ host: hostId, before: beforeSeq ?? Number.MAX_SAFE_INTEGER, limit }).map(toStoredEvent);
}

export function hostAudit(db: Database.Database, hostId: string, limit: number): AuditEntry[] {
  checkLimit(limit, 'hostAudit');
  return statements(db).audit.all(hostId, limit).map(toAudit);
}

export function baselineFacts(db: Database.Database, hostId: string): BaselineFacts | undefined {
  const r = statements(db).baseline.get({ id: hostId });
  return r === undefined ? undefined : { manifestBytes: r.bytes, capturedPaths: r.captured };
}

export function changeMarks(db: Database.Database): ChangeMarks {
  const r = statements(db).marks.get()!;
  return { hosts: r.hosts, events: r.events, terminations: `${r.terminations}/${r.audit}` };
}

export function hostnames(db: Database.Database, ids: readonly string[]): Map<string, string> {
  if (ids.length > 1000) throw new RangeError(`hostnames: ${ids.length} ids, at most 1000`);
  return new Map(statements(db).hostnames.all(JSON.stringify([...new Set(ids)])).map((r) => [r.id, r.hostname ?? '']));
}
