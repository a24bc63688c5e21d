// The outbox's SQLite schema as numbered migrations (applied by
// common/sqlite-migrate.ts; once released, never edited). Same conventions as
// the collector's store: STRICT tables so a wrong type is an error, integer
// milliseconds since the epoch.
import type Database from 'better-sqlite3';
import { applyMigrations, userVersion, type Migration } from '../../common/sqlite-migrate.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
-- One row per event the collector has not acknowledged, holding the exact
-- bytes that will be sent: the chain hash covers them, so they are never
-- re-encoded. The queue is always the contiguous range of sequences above the
-- floor (max(acked_seq, dropped_through)) up to head.last_seq.
CREATE TABLE events (
  seq       INTEGER PRIMARY KEY CHECK (seq > 0),
  bytes     BLOB    NOT NULL CHECK (length(bytes) > 0),
  queued_at INTEGER NOT NULL
) STRICT;

-- The chain head and the queue's floor in one row, written in the same
-- transaction as the events, so a reopened outbox continues seq and chain
-- exactly where the last commit left them.
CREATE TABLE head (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq        INTEGER NOT NULL CHECK (last_seq >= 0),
  last_hash       BLOB    NOT NULL CHECK (length(last_hash) IN (0, 32)),
  acked_seq       INTEGER NOT NULL CHECK (acked_seq BETWEEN 0 AND last_seq),
  dropped_through INTEGER NOT NULL CHECK (dropped_through BETWEEN 0 AND last_seq),
  dropped_total   INTEGER NOT NULL CHECK (dropped_total >= 0)
) STRICT;
INSERT INTO head (id, last_seq, last_hash, acked_seq, dropped_through, dropped_total) VALUES (1, 0, x'', 0, 0, 0);

-- Small facts for drift-agent status (host id, last contact, last error).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`,
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

export { userVersion };

/** Why this schema version cannot be used by this agent, or undefined when it can (after migrating). */
export function unusableVersion(version: number, canMigrate: boolean): string | undefined {
  if (version > LATEST_VERSION) {
    // A downgraded agent must not write a schema it does not know.
    return `its schema version ${version} is newer than this drift-agent's (${LATEST_VERSION})`;
  }
  if (version < LATEST_VERSION && !canMigrate) {
    return version === 0
      ? 'it is not an outbox yet (schema version 0): the agent has not finished creating it'
      : `its schema version ${version} is older than ${LATEST_VERSION}: the agent migrates it when it starts`;
  }
  return undefined;
}

export function migrate(db: Database.Database): void {
  applyMigrations(db, MIGRATIONS, 'outbox');
}
