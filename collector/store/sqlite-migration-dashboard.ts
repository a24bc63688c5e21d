// Migration 7 of the collector's store (issue 6, dashboard): an index for the
// dashboard's host page (its drift chart uses migration 6's events_received_at). Kept apart from sqlite-migrations.ts only for that
// file's length; once released, never edited.
import type { Migration } from '../../common/sqlite-migrate.js';

export const DASHBOARD_MIGRATION: Migration = {
  version: 7,
  sql: `
-- A host page lists the audit entries about the host (decisions on its terminations).
CREATE INDEX audit_log_host ON audit_log (json_extract(detail, '$.host_id'), id)
  WHERE json_extract(detail, '$.host_id') IS NOT NULL;
`,
};
