// Migration 6 of the collector's store (issue 6, reports): indexes for the
// fleet-wide reads of a report. Kept apart from sqlite-migrations.ts like the
// contents migration; once released, never edited.
import type { Migration } from '../../common/sqlite-migrate.js';

export const REPORT_MIGRATION: Migration = {
  version: 6,
  sql: `
-- A time range across the fleet (or an image group) in order, without a scan.
CREATE INDEX events_received_at ON events (received_at, id);
-- One termination's audit rows, without reading the whole log.
CREATE INDEX audit_log_termination ON audit_log (json_extract(detail, '$.termination_id'));
`,
};
