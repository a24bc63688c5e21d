// Migration 5 of the collector's store (issue 6): captured file content,
// deduplicated, and what refers to it. Kept apart from sqlite-migrations.ts
// only for that file's length; once released, never edited.
import type { Migration } from '../../common/sqlite-migrate.js';

export const CONTENTS_MIGRATION: Migration = {
  version: 5,
  // One row per distinct content, keyed by the SHA-256 of the content as
  // stored (inflated; redacted where the agent redacted it), which the
  // collector computes itself: a host cannot make another host's file show
  // its bytes by claiming that file's SHA-256. Events and baselines refer to
  // it, with the SHA-256 of the file on disk (the manifest entry's) beside it.
  sql: `
CREATE TABLE contents (
  hash       BLOB    PRIMARY KEY CHECK (length(hash) = 32),
  -- deflate-raw, as the agent sent it; inflated only when read, within size
  compressed BLOB    NOT NULL,
  size       INTEGER NOT NULL CHECK (size >= 0)
) STRICT;

-- The content of the file an agent event reported (its after entry).
CREATE TABLE event_contents (
  host_id  TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
  seq      INTEGER NOT NULL CHECK (seq > 0),
  hash     BLOB    NOT NULL REFERENCES contents (hash),
  sha256   BLOB    NOT NULL CHECK (length(sha256) = 32),
  redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
  PRIMARY KEY (host_id, seq)
) STRICT;

-- The sealed baseline's content of a path: only where the sealed manifest's
-- entry for the path has this sha256, so it is the baseline's, not a claim.
CREATE TABLE baseline_contents (
  host_id  TEXT    NOT NULL REFERENCES hosts (id) ON DELETE CASCADE,
  path     TEXT    NOT NULL,
  hash     BLOB    NOT NULL REFERENCES contents (hash),
  sha256   BLOB    NOT NULL CHECK (length(sha256) = 32),
  redacted INTEGER NOT NULL CHECK (redacted IN (0, 1)),
  PRIMARY KEY (host_id, path)
) STRICT;
`,
};
