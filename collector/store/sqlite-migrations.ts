// The collector's SQLite schema as numbered migrations (applied by
// common/sqlite-migrate.ts; once released, never edited).
//
// Conventions: STRICT tables (SQLite >= 3.37) so a wrong type is an error, not
// a silent affinity conversion; times are integer milliseconds since the
// epoch; JSON columns are TEXT checked with json_valid.
import type Database from 'better-sqlite3';
import { applyMigrations, userVersion, type Migration } from '../../common/sqlite-migrate.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE hosts (
  id              TEXT    PRIMARY KEY,
  facts           TEXT    NOT NULL CHECK (json_valid(facts)),
  public_key      BLOB    NOT NULL,
  state           TEXT    NOT NULL
                  CHECK (state IN ('pending', 'clean', 'drifted', 'terminating', 'terminated', 'silent')),
  enrolled_at     INTEGER NOT NULL,
  baseline_root   TEXT    NOT NULL DEFAULT '',
  baseline_at     INTEGER,
  last_seen_at    INTEGER,
  acked_seq       INTEGER NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
  last_event_hash TEXT    NOT NULL DEFAULT '',
  -- a copy of facts.imageId, so the fleet can be filtered by image with an index
  image_id        TEXT    NOT NULL
) STRICT;
CREATE INDEX hosts_image_id ON hosts (image_id);
CREATE INDEX hosts_state ON hosts (state);

-- The sealed baseline manifest, apart from hosts: it is large and read rarely.
CREATE TABLE baselines (
  host_id  TEXT PRIMARY KEY REFERENCES hosts (id) ON DELETE CASCADE,
  manifest BLOB NOT NULL
) STRICT;

CREATE TABLE events (
  host_id     TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL CHECK (seq > 0),
  kind        TEXT    NOT NULL,
  path        TEXT    NOT NULL,
  changes     TEXT    NOT NULL CHECK (json_valid(changes)),
  received_at INTEGER NOT NULL,
  payload     TEXT    NOT NULL CHECK (json_valid(payload)),
  hash        TEXT    NOT NULL,
  PRIMARY KEY (host_id, seq)
) STRICT;
-- Listing one host's events of one kind in seq order without scanning the rest.
CREATE INDEX events_host_kind_seq ON events (host_id, kind, seq);

-- Only the latest heartbeat per host: history would grow without bound and
-- nothing reads it.
CREATE TABLE heartbeats (
  host_id     TEXT    PRIMARY KEY REFERENCES hosts (id) ON DELETE CASCADE,
  at          INTEGER NOT NULL,
  merkle_root TEXT    NOT NULL,
  last_seq    INTEGER NOT NULL
) STRICT;

-- Replay protection. No foreign key to hosts: a nonce may be spent by a
-- request made before its host exists (enrollment). Small rows keyed by their
-- primary key: WITHOUT ROWID stores them in that one b-tree.
CREATE TABLE nonces (
  host_id    TEXT    NOT NULL,
  nonce      TEXT    NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (host_id, nonce)
) STRICT, WITHOUT ROWID;
CREATE INDEX nonces_expires_at ON nonces (expires_at);
`,
  },
  {
    version: 2,
    sql: `
-- API tokens are stored as hashes only: a database leak does not leak tokens.
CREATE TABLE api_tokens (
  id         TEXT    PRIMARY KEY,
  name       TEXT    NOT NULL,
  role       TEXT    NOT NULL CHECK (role IN ('viewer', 'responder', 'admin')),
  token_hash BLOB    NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;

-- AUTOINCREMENT: ids are never reused, even after the highest row is gone, so
-- an id names one audit record forever.
CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY AUTOINCREMENT,
  at     INTEGER NOT NULL,
  actor  TEXT    NOT NULL,
  action TEXT    NOT NULL,
  detail TEXT    NOT NULL CHECK (json_valid(detail))
) STRICT;
-- Append-only: the record of who did what must not be rewritten through the
-- application's own connection.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
`,
  },
  {
    version: 3,
    // A broken hash chain is recorded as its own coverage_gap event at the
    // sequence where it was found, beside the agent's event of that sequence:
    // (host_id, seq) is unique among the agent's events only. Events the
    // collector records itself carry no hash (''). Rows keep their insertion
    // order in id, which orders a gap before the event it precedes.
    sql: `
CREATE TABLE events_v3 (
  id          INTEGER PRIMARY KEY,
  host_id     TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL CHECK (seq > 0),
  kind        TEXT    NOT NULL,
  path        TEXT    NOT NULL,
  changes     TEXT    NOT NULL CHECK (json_valid(changes)),
  received_at INTEGER NOT NULL,
  payload     TEXT    NOT NULL CHECK (json_valid(payload)),
  hash        TEXT    NOT NULL
) STRICT;
INSERT INTO events_v3 (host_id, seq, kind, path, changes, received_at, payload, hash)
  SELECT host_id, seq, kind, path, changes, received_at, payload, hash FROM events ORDER BY host_id, seq;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE UNIQUE INDEX events_agent_seq ON events (host_id, seq) WHERE hash <> '';
CREATE INDEX events_host_seq ON events (host_id, seq, id);
CREATE INDEX events_host_kind_seq ON events (host_id, kind, seq, id);
`,
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

export { userVersion };

export function migrate(db: Database.Database): void {
  const found = userVersion(db);
  if (found > LATEST_VERSION) {
    // Downgrading the collector binary must not run it on a schema it does not know.
    throw new Error(`database schema version ${found} is newer than this collector's (${LATEST_VERSION})`);
  }
  applyMigrations(db, MIGRATIONS, 'store');
}
