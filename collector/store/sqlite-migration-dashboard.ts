// Migration 6 of the collector's store (issue 6, dashboard): indexes for the
// dashboard's queries. Kept apart from sqlite-migrations.ts only for that
// file's length; once released, never edited.
import type { Migration } from '../../common/sqlite-migrate.js';

export const DASHBOARD_MIGRATION: Migration = {
  version: 6,
  sql: `
-- The overview's drift chart counts the events of the last 24 hours. Times
-- grow with inserts, so the index is appended to at its right end.
CREATE INDEX events_received_at ON events (received_at);
-- A host page lists the audit entries about the host (decisions on its terminations).
CREATE INDEX audit_log_host ON audit_log (json_extract(detail, '$.host_id'), id)
  WHERE json_extract(detail, '$.host_id') IS NOT NULL;
`,
};
