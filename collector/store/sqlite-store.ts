// The embedded store: one SQLite file for a single collector process.
// better-sqlite3 is synchronous; the async methods only fit the Store
// interface, shared with the PostgreSQL store. Each mutating call is one
// transaction, the signed request's nonce included (heartbeats share theirs
// with others of the same event-loop turn: sqlite-group-commit.ts), so a crash
// leaves either all of a request's effects or none.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { DriftwatchError } from '../../common/errors.js';
import { GroupCommit } from './sqlite-group-commit.js';
import { LATEST_VERSION, migrate, userVersion } from './sqlite-migrations.js';
import { factsJson, toEventRow, toHostRecord, toStoredEvent, zeroStateCounts } from './sqlite-rows.js';
import { prepareStatements, type Statements } from './sqlite-core-statements.js';
import * as ops from './sqlite-tokens.js'; // liveness (markSilent, REVIVED_STATE), tokens, audit: methods delegate
import * as alerts from './sqlite-alerts.js';
import * as contents from './sqlite-contents.js';
import { responseCounts } from './sqlite-response-counts.js';
import { foldNewVerdicts } from './sqlite-response-fold.js';
import * as terms from './sqlite-terminations.js';
import * as reports from './sqlite-report-queries.js';
import type { FleetEventCursor, FleetEventPage, ReportScopeFilter } from './report-store.js';
import * as dash from './sqlite-dashboard.js';
import type {
  AppendResult, AuditEntry, EventFilter, HostFactsRecord, HostFilter, HostRecord, HostState, RequestNonce, Role, Store, StoredEvent, TokenRecord,
} from './store.js';
import type { BaselineContent, ContentRecord } from './content-store.js';
import type { BaselineFacts, ChangeMarks, FleetEvent, HistogramCell, HostPage, HostPageQuery } from './dashboard-store.js';
import type {
  AlertMessage, AlertRecord, DeliveryRecord, DeliveryState, Enqueue, TerminationChange, TerminationFilter, TerminationRecord, TerminationState,
} from './response-store.js';

/** How long a connection waits for another one's lock (a backup, an admin's sqlite3 shell) before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;
/** Expired nonces are deleted at most this often: a DELETE per request would be wasted work. */
const NONCE_CLEANUP_INTERVAL_MS = 60_000;


/** A view of the bytes as a Buffer without copying (better-sqlite3 binds Buffers as BLOBs). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function replayed(): DriftwatchError {
  return new DriftwatchError('COLLECTOR_REPLAY', 'this request was already received');
}

class SqliteStore implements Store {
  private stmts: Statements | undefined;
  private nextNonceCleanup = 0;
  private readonly group: GroupCommit;

  constructor(private readonly db: Database.Database) {
    this.group = new GroupCommit(db);
  }

  /**
   * Statements are prepared once, on first use: preparing needs the tables,
   * which exist only after migrate().
   */
  private get s(): Statements {
    if (this.stmts === undefined) {
      const version = userVersion(this.db);
      if (version !== LATEST_VERSION) {
        throw new Error(`database schema is at version ${version}, this collector needs ${LATEST_VERSION}: run migrate() first`);
      }
      this.stmts = prepareStatements(this.db);
    }
    return this.stmts;
  }

  async migrate(): Promise<void> {
    migrate(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async createHost(facts: HostFactsRecord, publicKey: Buffer, now: Date): Promise<HostRecord> {
    // 128 random bits: unguessable, and a collision would fail on the primary key, not merge hosts.
    const id = randomBytes(16).toString('hex');
    const row = this.s.insertHost.get({ id, facts: factsJson(facts), key: publicKey, at: now.getTime(), image: facts.imageId });
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no host row');
    return toHostRecord(row);
  }

  async getHost(id: string): Promise<HostRecord | undefined> {
    const row = this.s.getHost.get(id);
    return row === undefined ? undefined : toHostRecord(row);
  }

  async listHosts(filter: HostFilter): Promise<HostRecord[]> {
    const stmt = this.s.listHosts.get(`${filter.state !== undefined}/${filter.imageId !== undefined}`)!;
    const rows = stmt.all({ state: filter.state ?? null, image: filter.imageId ?? null, labels: JSON.stringify(filter.labels ?? {}) });
    return rows.map(toHostRecord);
  }

  async sealBaseline(hostId: string, manifest: Uint8Array, merkleRoot: string, now: Date, nonce?: RequestNonce): Promise<boolean> {
    // '' means "not sealed" in HostRecord.baselineRoot; sealing with it would be undetectable.
    if (merkleRoot === '') throw new Error('sealBaseline: empty Merkle root');
    const s = this.s;
    if (nonce !== undefined) this.cleanNonces(nonce.now);
    return this.db.transaction(() => {
      if (nonce !== undefined && !this.insertNonceRow(hostId, nonce)) throw replayed();
      // Zero rows: already sealed (or no such host); nothing is written then.
      if (s.sealHost.run({ id: hostId, root: merkleRoot, at: now.getTime() }).changes === 0) return false;
      s.insertBaseline.run(hostId, asBuffer(manifest));
      return true;
    })();
  }

  async getBaseline(hostId: string): Promise<Uint8Array | undefined> {
    return this.s.getBaseline.get(hostId);
  }

  async appendEvents(
    hostId: string, events: StoredEvent[], ackedSeq: number, lastEventHash: string, newState?: HostState, nonce?: RequestNonce,
  ): Promise<AppendResult> {
    const s = this.s;
    if (nonce !== undefined) this.cleanNonces(nonce.now);
    return this.db.transaction((): AppendResult => {
      if (nonce !== undefined && !this.insertNonceRow(hostId, nonce)) throw replayed();
      let stored = 0;
      let seen: number | null = null;
      for (const e of events) {
        if (e.hostId !== hostId) throw new Error(`appendEvents for host ${hostId} got an event of host ${e.hostId}`);
        const inserted = s.insertEvent.run(toEventRow(e)).changes;
        if (inserted > 0 && e.content !== undefined) contents.attachEventContent(this.db, hostId, e.seq, e.content);
        stored += inserted;
        // Any batch, even a resend, shows the host alive.
        seen = Math.max(seen ?? 0, e.receivedAt.getTime());
      }
      const row = s.advanceHost.get({ id: hostId, acked: ackedSeq, hash: lastEventHash, state: newState ?? null, seen });
      if (row === undefined) throw new Error(`appendEvents: no host ${hostId}`);
      return { ackedSeq: row.acked_seq, stored };
    })();
  }

  async listEvents(hostId: string, filter: EventFilter): Promise<StoredEvent[]> {
    // SQLite treats a negative LIMIT as "no limit": reject it rather than return everything.
    if (!Number.isSafeInteger(filter.limit) || filter.limit < 0) throw new RangeError(`listEvents: bad limit ${filter.limit}`);
    // Absent bounds become values no row passes beyond, keeping one static statement.
    // The time window is half-open, [since, until), so adjacent windows do not overlap.
    const query = {
      host: hostId,
      after: filter.afterSeq ?? 0,
      since: filter.since?.getTime() ?? Number.MIN_SAFE_INTEGER,
      until: filter.until?.getTime() ?? Number.MAX_SAFE_INTEGER,
      limit: filter.limit + 1,
    };
    const rows = filter.kind === undefined
      ? this.s.listEvents.all(query)
      : this.s.listEventsOfKind.all({ ...query, kind: filter.kind });
    // Pages continue after a seq, and a chain-break gap shares its seq with the
    // agent's event: a page never ends between the two (it holds one more then).
    const last = rows[filter.limit - 1];
    if (rows.length > filter.limit && (last === undefined || rows[filter.limit]!.seq !== last.seq)) rows.pop();
    return rows.map(toStoredEvent);
  }

  async recordHeartbeat(hostId: string, at: Date, merkleRoot: string, lastSeq: number, nonce?: RequestNonce): Promise<void> {
    const s = this.s;
    if (nonce !== undefined) this.cleanNonces(nonce.now);
    // Never throws inside the shared transaction: that would refuse the whole group.
    const fresh = await this.group.run(() => {
      if (nonce !== undefined && !this.insertNonceRow(hostId, nonce)) return false;
      s.upsertHeartbeat.run({ id: hostId, at: at.getTime(), root: merkleRoot, seq: lastSeq });
      s.touchHost.run({ id: hostId, at: at.getTime() });
      return true;
    });
    if (!fresh) throw replayed();
  }

  async spendNonce(hostId: string, nonce: RequestNonce): Promise<void> {
    this.cleanNonces(nonce.now);
    if (!(await this.group.run(() => this.insertNonceRow(hostId, nonce)))) throw replayed();
  }

  /** Inside the caller's transaction: false if the nonce was already spent (a replay). */
  private insertNonceRow(hostId: string, nonce: RequestNonce): boolean {
    // A remembered nonce is refused even if it expired and is not yet
    // cleaned up: the request's timestamp check rejects such a request anyway.
    return this.s.insertNonce.run(hostId, nonce.nonce, nonce.expiresAt.getTime()).changes === 1;
  }

  private cleanNonces(now: Date): void {
    const nowMs = now.getTime();
    // Also after the clock steps back by more than an interval, so a clock
    // correction cannot pause the cleanup for as long as the step.
    if (nowMs >= this.nextNonceCleanup || nowMs < this.nextNonceCleanup - NONCE_CLEANUP_INTERVAL_MS) {
      this.nextNonceCleanup = nowMs + NONCE_CLEANUP_INTERVAL_MS;
      const s = this.s;
      // Nobody awaits the cleanup: a failure (the store closed before the group
      // committed) must not become an unhandled rejection; the next interval retries.
      this.group.run(() => s.deleteExpiredNonces.run(nowMs)).catch(() => undefined);
    }
  }

  async countHostsByState(): Promise<Record<HostState, number>> {
    const counts = zeroStateCounts();
    for (const { state, n } of this.s.countByState.all()) {
      // The CHECK constraint keeps state to the six known ones.
      counts[state as HostState] = n;
    }
    return counts;
  }

  async markSilent(before: Date): Promise<string[]> { return ops.markSilent(this.db, before); }
  async createToken(name: string, role: Role, tokenHash: Buffer, now: Date, actor: string): Promise<TokenRecord> {
    return ops.createToken(this.db, name, role, tokenHash, now, actor);
  }
  async findToken(tokenHash: Buffer): Promise<TokenRecord | undefined> { return ops.findToken(this.db, tokenHash); }
  async listTokens(): Promise<TokenRecord[]> { return ops.listTokens(this.db); }
  async revokeToken(id: string, now: Date, actor: string): Promise<boolean> { return ops.revokeToken(this.db, id, now, actor); }
  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void> { ops.appendAudit(this.db, entry); }
  async listAudit(limit: number): Promise<AuditEntry[]> { return ops.listAudit(this.db, limit); }

  // Captured content: sqlite-contents.ts.
  async storeBaselineContents(hostId: string, items: readonly BaselineContent[], nonce?: RequestNonce): Promise<number> {
    if (nonce !== undefined) this.cleanNonces(nonce.now);
    return this.db.transaction(() => {
      if (nonce !== undefined && !this.insertNonceRow(hostId, nonce)) throw replayed();
      return contents.storeBaselineContents(this.db, hostId, items);
    })();
  }
  async getEventContent(hostId: string, seq: number): Promise<ContentRecord | undefined> { return contents.getEventContent(this.db, hostId, seq); }
  async getBaselineContent(hostId: string, path: string): Promise<ContentRecord | undefined> {
    return contents.getBaselineContent(this.db, hostId, path);
  }

  // Policy responses: sqlite-response-fold.ts, sqlite-alerts.ts, sqlite-terminations.ts.
  async foldNewVerdicts(now: Date, alertWindowMs: number, limit: number): Promise<number> {
    return foldNewVerdicts(this.db, now, alertWindowMs, limit);
  }
  async closeDueAlerts(
    now: Date, build: (alert: AlertRecord, host: HostRecord) => AlertMessage, route: (m: AlertMessage) => readonly string[], ttlMs: number,
  ): Promise<number> { return alerts.closeDueAlerts(this.db, now, build, route, ttlMs); }
  async enqueueDeliveries(e: Enqueue, now: Date): Promise<void> { this.db.transaction(() => alerts.enqueueDeliveries(this.db, e, now))(); }
  async dueDeliveries(now: Date, limit: number): Promise<{ due: DeliveryRecord[]; expired: DeliveryRecord[] }> { return alerts.dueDeliveries(this.db, now, limit); }
  async recordDeliveryAttempt(
    id: number, now: Date, outcome: { delivered: true } | { delivered: false; error: string; retryAt: Date | null },
  ): Promise<void> { alerts.recordDeliveryAttempt(this.db, id, now, outcome); }
  async listDeliveries(filter: { state?: DeliveryState; limit: number }): Promise<DeliveryRecord[]> { return alerts.listDeliveries(this.db, filter); }
  async listTerminations(filter: TerminationFilter): Promise<TerminationRecord[]> { return terms.listTerminations(this.db, filter); }
  async getTermination(id: number): Promise<TerminationRecord | undefined> { return terms.getTermination(this.db, id); }
  async transitionTermination(
    id: number, from: readonly TerminationState[], to: TerminationState, change: TerminationChange, audit: Omit<AuditEntry, 'id'>, enqueue?: Enqueue,
  ): Promise<boolean> { return terms.transitionTermination(this.db, id, from, to, change, audit, enqueue); }
  async responseCounts(): Promise<{ deliveries: Record<DeliveryState, number>; terminations: Record<TerminationState, number> }> {
    return responseCounts(this.db);
  }
  async claimGovernorPage(checkKey: string, bucket: number, now: Date): Promise<boolean> {
    return terms.claimGovernorPage(this.db, checkKey, bucket, now);
  }

  // Reports: sqlite-report-queries.ts.
  async listFleetEvents(filter: ReportScopeFilter, limit: number, after?: FleetEventCursor): Promise<FleetEventPage> {
    return reports.listFleetEvents(this.db, filter, limit, after);
  }
  async listScopedTerminations(filter: ReportScopeFilter, limit: number): Promise<TerminationRecord[]> {
    return reports.listScopedTerminations(this.db, filter, limit);
  }
  async listTerminationAudit(ids: readonly number[], limit: number): Promise<AuditEntry[]> { return reports.listTerminationAudit(this.db, ids, limit); }
  // The dashboard's queries: sqlite-dashboard.ts.
  async pageHosts(q: HostPageQuery): Promise<HostPage> { return dash.pageHosts(this.db, q); }
  async eventHistogram(since: Date, until: Date, bucketMs: number): Promise<HistogramCell[]> { return dash.eventHistogram(this.db, since, until, bucketMs); }
  async latestEvents(limit: number): Promise<FleetEvent[]> { return dash.latestEvents(this.db, limit); }
  async recentEvents(hostId: string, limit: number, beforeSeq?: number): Promise<StoredEvent[]> { return dash.recentEvents(this.db, hostId, limit, beforeSeq); }
  async hostAudit(hostId: string, limit: number): Promise<AuditEntry[]> { return dash.hostAudit(this.db, hostId, limit); }
  async baselineFacts(hostId: string): Promise<BaselineFacts | undefined> { return dash.baselineFacts(this.db, hostId); }
  async changeMarks(): Promise<ChangeMarks> { return dash.changeMarks(this.db); }
  async hostnames(ids: readonly string[]): Promise<Map<string, string>> { return dash.hostnames(this.db, ids); }
}

/** Opens (creating if needed) the SQLite file. Call migrate() before anything else. */
export function openSqliteStore(file: string): Store {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL: readers (the API) do not block the writer (ingest) and vice versa.
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL cannot corrupt the database and survives a process
    // crash; only a power loss can undo the last commits. Syncing on every
    // commit (FULL) would cost an fsync per event batch.
    db.pragma('synchronous = NORMAL');
    // Off by default in SQLite, per connection.
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteStore(db);
}
