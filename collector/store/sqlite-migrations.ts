// The collector's SQLite schema as numbered migrations (applied by
// common/sqlite-migrate.ts; once released, never edited).
//
// Conventions: STRICT tables (SQLite >= 3.37) so a wrong type is an error, not
// a silent affinity conversion; times are integer milliseconds since the
// epoch; JSON columns are TEXT checked with json_valid.
import type Database from 'better-sqlite3';
import { applyMigrations, userVersion, type Migration } from '../../common/sqlite-migrate.js';
import { CONTENTS_MIGRATION } from './sqlite-migration-contents.js';
import { REPORT_MIGRATION } from './sqlite-migration-report.js';
import { DASHBOARD_MIGRATION } from './sqlite-migration-dashboard.js';

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
  {
    version: 4,
    // Policy and response (issue 5). Events carry the verdict the policy gave
    // them ('' for events stored before there was a policy). Everything the
    // collector does about an event is driven from the events table through
    // one cursor (response_cursor), so ingest writes nothing more than the
    // verdict and a crash between ingest and response loses nothing.
    sql: `
ALTER TABLE events ADD COLUMN verdict TEXT NOT NULL DEFAULT ''
  CHECK (verdict IN ('', 'ignore', 'flag', 'alert', 'terminate'));
ALTER TABLE events ADD COLUMN severity TEXT NOT NULL DEFAULT ''
  CHECK (severity IN ('', 'info', 'low', 'medium', 'high', 'critical'));
ALTER TABLE events ADD COLUMN rule TEXT NOT NULL DEFAULT '';
-- The response loop reads alert and terminate verdicts in id order.
CREATE INDEX events_actionable ON events (id) WHERE verdict IN ('alert', 'terminate');

-- How far the response loop has read the events table (one row).
CREATE TABLE response_cursor (
  only_row     INTEGER PRIMARY KEY CHECK (only_row = 1),
  last_event_id INTEGER NOT NULL
) STRICT;
-- Start after the events already stored: upgrading must not alert on history.
INSERT INTO response_cursor (only_row, last_event_id) SELECT 1, coalesce(max(id), 0) FROM events;

-- One alert per host per grouping window: the alerting events counted, the
-- worst few kept. Closed when the window ends; then one delivery per notifier.
CREATE TABLE alerts (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  host_id     TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
  opened_at   INTEGER NOT NULL,
  closes_at   INTEGER NOT NULL,
  closed      INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  event_count INTEGER NOT NULL CHECK (event_count > 0),
  severity    TEXT    NOT NULL CHECK (severity IN ('info', 'low', 'medium', 'high', 'critical')),
  -- JSON array of the worst events (seq, kind, path, verdict, severity, rule, received_at)
  worst       TEXT    NOT NULL CHECK (json_valid(worst))
) STRICT;
CREATE UNIQUE INDEX alerts_open_per_host ON alerts (host_id) WHERE closed = 0;
CREATE INDEX alerts_closes_at ON alerts (closes_at) WHERE closed = 0;

-- A message to one notifier, retried with backoff until delivered or expired.
-- The body is the notifier-neutral message (JSON); the wire payload, URL and
-- secrets are applied at send time and never stored.
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  -- Random, sent to receivers to drop a duplicate after a retry: unlike id, it
  -- cannot repeat when a collector starts over on a new database.
  uuid            TEXT    NOT NULL UNIQUE,
  notifier        TEXT    NOT NULL,
  -- The message's dedup key: a notifier gets the messages of one key in order
  -- (a PagerDuty resolve never overtakes its trigger while that one is retried).
  dedup_key       TEXT    NOT NULL,
  message         TEXT    NOT NULL CHECK (json_valid(message)),
  created_at      INTEGER NOT NULL,
  expires_at      INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  state           TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'expired')),
  last_error      TEXT    NOT NULL DEFAULT '',
  delivered_at    INTEGER
) STRICT;
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX deliveries_pending_key ON deliveries (notifier, dedup_key, id) WHERE state = 'pending';

-- A termination asked for by a terminate verdict, through the governor to a terminator.
CREATE TABLE terminations (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  host_id         TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
  state           TEXT    NOT NULL CHECK (state IN ('requested', 'pending_approval', 'approved', 'executing', 'sent',
                                                    'done', 'denied', 'dry_run', 'failed')),
  rule            TEXT    NOT NULL,
  reason          TEXT    NOT NULL,
  event_seq       INTEGER NOT NULL,
  requested_at    INTEGER NOT NULL,
  hold_reason     TEXT    NOT NULL DEFAULT '',
  decided_by      TEXT    NOT NULL DEFAULT '',
  decided_at      INTEGER,
  decision_reason TEXT    NOT NULL DEFAULT '',
  terminator      TEXT    NOT NULL DEFAULT '',
  started_at      INTEGER,
  finished_at     INTEGER,
  attempts        INTEGER NOT NULL DEFAULT 0,
  -- After a failed terminator call: not tried again before this time.
  retry_at        INTEGER,
  result          TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(result))
) STRICT;
-- At most one termination in flight per host.
CREATE UNIQUE INDEX terminations_active ON terminations (host_id)
  WHERE state IN ('requested', 'pending_approval', 'approved', 'executing', 'sent');
CREATE INDEX terminations_state ON terminations (state, requested_at);
-- The governor counts the terminations requested or decided within its window.
CREATE INDEX terminations_requested_at ON terminations (requested_at);
CREATE INDEX terminations_decided_at ON terminations (decided_at) WHERE decided_at IS NOT NULL;

-- The governor pages once per tripped check and window, not once per host.
CREATE TABLE governor_pages (
  check_key TEXT    NOT NULL,
  bucket    INTEGER NOT NULL,
  at        INTEGER NOT NULL,
  PRIMARY KEY (check_key, bucket)
) STRICT, WITHOUT ROWID;
`,
  },
  CONTENTS_MIGRATION,
  REPORT_MIGRATION,
  DASHBOARD_MIGRATION,
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
