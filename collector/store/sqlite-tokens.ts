// The SQLite side of the operator tables (API tokens, the audit log) and of
// host liveness (markSilent). Functions of the Database rather than methods,
// so sqlite-store.ts only delegates to them; their statements are prepared
// once per connection and cached here.
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { perConnection } from './sqlite-statements.js';
import type { AuditEntry, Role, TokenRecord } from './store.js';

interface TokenRow {
  id: string;
  name: string;
  role: string;
  created_at: number;
  revoked_at: number | null;
}

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  detail: string;
}

/**
 * The state a host returns to when it is heard from again, as an SQL
 * expression over the hosts row: silent -> clean, or pending if it was never
 * sealed (markSilent also silences pending hosts, and a host without a
 * baseline must not look clean). Other states are kept.
 */
export const REVIVED_STATE = `CASE WHEN state <> 'silent' THEN state WHEN baseline_at IS NULL THEN 'pending' ELSE 'clean' END`;

function prepare(db: Database.Database) {
  return {
    // A host never heard from is judged by its enrollment time. Drifted and
    // later states are left alone: silence is the lesser news.
    markSilent: db.prepare<{ before: number }, string>(
      `UPDATE hosts SET state = 'silent'
       WHERE state IN ('clean', 'pending') AND coalesce(last_seen_at, enrolled_at) < @before RETURNING id`).pluck(),
    insertToken: db.prepare<{ id: string; name: string; role: string; hash: Buffer; at: number }, TokenRow>(
      `INSERT INTO api_tokens (id, name, role, token_hash, created_at) VALUES (@id, @name, @role, @hash, @at)
       RETURNING id, name, role, created_at, revoked_at`),
    // Never SELECT *: the hash has no business leaving this module.
    findToken: db.prepare<[Buffer], TokenRow>(
      'SELECT id, name, role, created_at, revoked_at FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL'),
    listTokens: db.prepare<[], TokenRow>('SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY created_at, id'),
    revokeToken: db.prepare<{ id: string; at: number }>(
      'UPDATE api_tokens SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL'),
    insertAudit: db.prepare<{ at: number; actor: string; action: string; detail: string }>(
      'INSERT INTO audit_log (at, actor, action, detail) VALUES (@at, @actor, @action, @detail)'),
    listAudit: db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?'),
  };
}

const statements = perConnection(prepare);

const ROLES: readonly string[] = ['viewer', 'responder', 'admin'] satisfies Role[];

function toToken(row: TokenRow): TokenRecord {
  // The CHECK constraint keeps roles to these; a hand-edited row fails loudly.
  if (!ROLES.includes(row.role)) throw new Error(`token ${row.id} has unknown role ${JSON.stringify(row.role)}`);
  return {
    id: row.id, name: row.name, role: row.role as Role,
    createdAt: new Date(row.created_at), revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

export function toAudit(row: AuditRow): AuditEntry {
  const detail: unknown = JSON.parse(row.detail);
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    throw new Error(`audit entry ${row.id}: detail is not an object`);
  }
  return { id: row.id, at: new Date(row.at), actor: row.actor, action: row.action, detail: detail as Record<string, unknown> };
}

export function markSilent(db: Database.Database, before: Date): string[] {
  // One UPDATE ... RETURNING: atomic, so a host heard from meanwhile is not silenced by a stale read.
  return statements(db).markSilent.all({ before: before.getTime() });
}

// A token change and its audit row commit together: no token exists that the
// audit log does not name, and no audit row names a change that did not happen.
export function createToken(db: Database.Database, name: string, role: Role, tokenHash: Buffer, now: Date, actor: string): TokenRecord {
  if (tokenHash.length !== 32) throw new Error(`createToken: expected a 32-byte SHA-256 hash, got ${tokenHash.length} bytes`);
  // 128 random bits, like host ids: unguessable, and a collision fails on the primary key.
  const id = randomBytes(16).toString('hex');
  return db.transaction(() => {
    const row = statements(db).insertToken.get({ id, name, role, hash: tokenHash, at: now.getTime() });
    if (row === undefined) throw new Error('INSERT ... RETURNING returned no token row');
    appendAudit(db, { at: now, actor, action: 'token.create', detail: { token_id: id, name, role } });
    return toToken(row);
  })();
}

export function findToken(db: Database.Database, tokenHash: Buffer): TokenRecord | undefined {
  const row = statements(db).findToken.get(tokenHash);
  return row === undefined ? undefined : toToken(row);
}

export function listTokens(db: Database.Database): TokenRecord[] {
  return statements(db).listTokens.all().map(toToken);
}

export function revokeToken(db: Database.Database, id: string, now: Date, actor: string): boolean {
  return db.transaction(() => {
    if (statements(db).revokeToken.run({ id, at: now.getTime() }).changes !== 1) return false;
    appendAudit(db, { at: now, actor, action: 'token.revoke', detail: { token_id: id } });
    return true;
  })();
}

export function appendAudit(db: Database.Database, entry: Omit<AuditEntry, 'id'>): void {
  statements(db).insertAudit.run({ at: entry.at.getTime(), actor: entry.actor, action: entry.action, detail: JSON.stringify(entry.detail) });
}

export function listAudit(db: Database.Database, limit: number): AuditEntry[] {
  // SQLite reads a negative LIMIT as "no limit": refuse it rather than return everything.
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`listAudit: bad limit ${limit}`);
  return statements(db).listAudit.all(limit).map(toAudit);
}
