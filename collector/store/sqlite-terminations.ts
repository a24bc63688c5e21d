// The SQLite side of terminations: listing them, the compare-and-set
// transition that carries every change of a termination (its fields, the
// host's state, the audit row, a governor page claim and the deliveries it
// queues, in one transaction), and the governor's once-per-window page claims.
import type Database from 'better-sqlite3';
import { enqueueDeliveries } from './sqlite-alerts.js';
import { perConnection } from './sqlite-statements.js';
import { appendAudit } from './sqlite-tokens.js';
import type { AuditEntry } from './store.js';
import {
  TERMINATION_STATES, type Enqueue, type TerminationChange, type TerminationFilter, type TerminationRecord, type TerminationState,
} from './response-store.js';

export interface TerminationRow {
  id: number;
  host_id: string;
  state: string;
  rule: string;
  reason: string;
  event_seq: number;
  requested_at: number;
  hold_reason: string;
  decided_by: string;
  decided_at: number | null;
  decision_reason: string;
  terminator: string;
  started_at: number | null;
  finished_at: number | null;
  attempts: number;
  retry_at: number | null;
  result: string;
}

/** Governor page claims older than this are deleted: their windows are long over. */
const PAGE_CLAIMS_KEPT_MS = 30 * 86_400_000;

type ListQuery = { states: string; host: string; since: number; decided: number; limit: number };

function prepare(db: Database.Database) {
  // One list statement per combination of filters and order, built on first
  // use, so each uses an index instead of "(@x IS NULL OR …)".
  const lists = new Map<string, Database.Statement<ListQuery, TerminationRow>>();
  const list = (f: TerminationFilter): Database.Statement<ListQuery, TerminationRow> => {
    const key = [f.states !== undefined, f.hostId !== undefined, f.since !== undefined, f.decidedSince !== undefined, f.oldestFirst === true].join('/');
    let stmt = lists.get(key);
    if (stmt === undefined) {
      const where = [
        f.states === undefined ? '' : 'state IN (SELECT value FROM json_each(@states))',
        f.hostId === undefined ? '' : 'host_id = @host',
        f.since === undefined ? '' : 'requested_at >= @since',
        f.decidedSince === undefined ? '' : 'decided_at >= @decided',
      ].filter(Boolean);
      stmt = db.prepare<ListQuery, TerminationRow>(`SELECT * FROM terminations ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ORDER BY id ${f.oldestFirst === true ? 'ASC' : 'DESC'} LIMIT @limit`);
      lists.set(key, stmt);
    }
    return stmt;
  };
  return {
    list,
    get: db.prepare<[number], TerminationRow>('SELECT * FROM terminations WHERE id = ?'),
    // Each field is kept unless the change sets it (a NULL parameter means "not set";
    // retry_at has its own flag because null is also a value it can be set to).
    transition: db.prepare<Record<string, string | number | null>, { host_id: string }>(
      `UPDATE terminations SET state = @to,
         hold_reason = coalesce(@hold_reason, hold_reason), decided_by = coalesce(@decided_by, decided_by),
         decided_at = coalesce(@decided_at, decided_at), decision_reason = coalesce(@decision_reason, decision_reason),
         terminator = coalesce(@terminator, terminator), started_at = coalesce(@started_at, started_at),
         finished_at = coalesce(@finished_at, finished_at), attempts = coalesce(@attempts, attempts),
         retry_at = CASE WHEN @set_retry = 1 THEN @retry_at ELSE retry_at END, result = coalesce(@result, result)
       WHERE id = @id AND state IN (SELECT value FROM json_each(@from)) RETURNING host_id`),
    setHostState: db.prepare<[string, string]>('UPDATE hosts SET state = ? WHERE id = ?'),
    claimPage: db.prepare<[string, number, number]>(
      'INSERT INTO governor_pages (check_key, bucket, at) VALUES (?, ?, ?) ON CONFLICT (check_key, bucket) DO NOTHING'),
    prunePages: db.prepare<[number]>('DELETE FROM governor_pages WHERE at < ?'),
  };
}

type Statements = ReturnType<typeof prepare>;
const statements = perConnection(prepare);

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function toRecord(row: TerminationRow): TerminationRecord {
  // The CHECK constraint keeps states to the known ones; a hand-edited row fails here.
  if (!(TERMINATION_STATES as readonly string[]).includes(row.state)) throw new Error(`termination ${row.id} has unknown state ${row.state}`);
  const result: unknown = JSON.parse(row.result);
  if (typeof result !== 'object' || result === null || Array.isArray(result)) throw new Error(`termination ${row.id}: result is not an object`);
  return {
    id: row.id, hostId: row.host_id, state: row.state as TerminationState, rule: row.rule, reason: row.reason, eventSeq: row.event_seq,
    requestedAt: new Date(row.requested_at), holdReason: row.hold_reason, decidedBy: row.decided_by, decidedAt: date(row.decided_at),
    decisionReason: row.decision_reason, terminator: row.terminator, startedAt: date(row.started_at), finishedAt: date(row.finished_at),
    attempts: row.attempts, ...(row.retry_at === null ? {} : { retryAt: new Date(row.retry_at) }), result: result as Record<string, unknown>,
  };
}

export function listTerminations(db: Database.Database, filter: TerminationFilter): TerminationRecord[] {
  // SQLite reads a negative LIMIT as "no limit": refuse it rather than return everything.
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 0) throw new RangeError(`listTerminations: bad limit ${filter.limit}`);
  const rows = statements(db).list(filter).all({
    states: JSON.stringify(filter.states ?? []), host: filter.hostId ?? '', since: filter.since?.getTime() ?? 0,
    decided: filter.decidedSince?.getTime() ?? 0, limit: filter.limit,
  });
  return rows.map(toRecord);
}

export function getTermination(db: Database.Database, id: number): TerminationRecord | undefined {
  const row = statements(db).get.get(id);
  return row === undefined ? undefined : toRecord(row);
}

const ms = (d: Date | undefined): number | null => (d === undefined ? null : d.getTime());

function claim(s: Statements, checkKey: string, bucket: number, now: Date): boolean {
  s.prunePages.run(now.getTime() - PAGE_CLAIMS_KEPT_MS);
  return s.claimPage.run(checkKey, bucket, now.getTime()).changes === 1;
}

export function transitionTermination(
  db: Database.Database, id: number, from: readonly TerminationState[], to: TerminationState, change: TerminationChange,
  audit: Omit<AuditEntry, 'id'>, enqueue?: Enqueue,
): boolean {
  const s = statements(db);
  return db.transaction((): boolean => {
    const row = s.transition.get({
      id, to, from: JSON.stringify(from),
      hold_reason: change.holdReason ?? null, decided_by: change.decidedBy ?? null, decided_at: ms(change.decidedAt),
      decision_reason: change.decisionReason ?? null, terminator: change.terminator ?? null, started_at: ms(change.startedAt),
      finished_at: ms(change.finishedAt), attempts: change.attempts ?? null,
      set_retry: change.retryAt === undefined ? 0 : 1, retry_at: change.retryAt === undefined || change.retryAt === null ? null : change.retryAt.getTime(),
      result: change.result === undefined ? null : JSON.stringify(change.result),
    });
    if (row === undefined) return false; // not in one of `from`: someone else moved it
    if (change.hostState !== undefined) s.setHostState.run(change.hostState, row.host_id);
    if (change.claimPage === undefined) {
      appendAudit(db, audit);
    } else {
      // The audit row says whether this hold paged, so "paged once" is on the record.
      const paged = claim(s, change.claimPage.checkKey, change.claimPage.bucket, audit.at);
      appendAudit(db, { ...audit, detail: { ...audit.detail, paged } });
      if (!paged) return true;
    }
    if (enqueue !== undefined && enqueue.notifiers.length > 0) enqueueDeliveries(db, enqueue, audit.at);
    return true;
  })();
}

export function claimGovernorPage(db: Database.Database, checkKey: string, bucket: number, now: Date): boolean {
  const s = statements(db);
  return db.transaction(() => claim(s, checkKey, bucket, now))();
}
