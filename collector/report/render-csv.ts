// A drift report as CSV (RFC 4180: CRLF line ends, fields quoted when they
// hold a quote, comma or line break, quotes doubled), for a spreadsheet. One
// table, with a `record` column saying what each row is: `header` and `total`
// rows (name in `kind`, value in `subject`), then one `event` row each, then
// a `notice` row when the report was truncated. A cell that a spreadsheet
// would run as a formula (starting with = + - @, or a tab or carriage
// return) is prefixed with an apostrophe: a file name is never a formula.
import type { DriftReport } from './report-model.js';
import { EVENT_COLUMNS, eventCells, headerFields, terminationsById, totalFields, truncationNotice } from './report-text.js';

const COLUMNS = ['record', 'host_id', ...EVENT_COLUMNS.map((c) => c.toLowerCase()), 'termination_id', 'termination_outcome', 'decided_by', 'why'];

/** One field, safe for a spreadsheet and quoted per RFC 4180. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(cells: readonly string[]): string {
  const full = [...cells, ...Array<string>(Math.max(0, COLUMNS.length - cells.length)).fill('')];
  return full.map(csvField).join(',');
}

/** A row with a name and a value (header, total, notice). */
function namedRow(record: string, name: string, value: string): string {
  const cells = Array<string>(COLUMNS.length).fill('');
  cells[0] = record;
  cells[COLUMNS.indexOf('kind')] = name;
  cells[COLUMNS.indexOf('subject')] = value;
  return row(cells);
}

export function renderCsv(r: DriftReport): string {
  const terms = terminationsById(r);
  const lines = [row(COLUMNS)];
  lines.push(namedRow('header', 'Title', r.title));
  for (const [k, v] of headerFields(r)) lines.push(namedRow('header', k, v));
  for (const [k, v] of totalFields(r)) lines.push(namedRow('total', k, v));
  for (const e of r.events) {
    const t = e.terminationId === null ? undefined : terms.get(e.terminationId);
    lines.push(row([
      'event', e.hostId, ...eventCells(e, terms),
      t === undefined ? '' : String(t.id), t?.outcome ?? '', t?.decidedBy ?? '', t === undefined ? '' : t.error || t.decisionReason || t.heldBecause,
    ]));
  }
  const notice = truncationNotice(r);
  if (notice !== undefined) lines.push(namedRow('notice', 'truncated', notice));
  return `${lines.join('\r\n')}\r\n`;
}
