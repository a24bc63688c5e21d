// A drift report as Markdown, to paste into an incident ticket. Every value
// is escaped: Markdown punctuation and HTML brackets are backslash-escaped
// (CommonMark lets any ASCII punctuation be), pipes so a cell cannot split
// its table, and control characters (line breaks included) are shown as
// escapes so a file name cannot start a new line, heading or table row.
import { printable } from '../cli/text-table.js';
import type { DriftReport } from './report-model.js';
import {
  EVENT_COLUMNS, eventCells, headerFields, historyLines, TERMINATION_COLUMNS, terminationCells, terminationsById, totalFields, truncationNotice,
} from './report-text.js';

/** Inline text: safe anywhere in a paragraph, list item or table cell. */
export function mdEscape(text: string): string {
  return printable(text).replace(/[\\`*_[\]<>|~&!#]/g, (c) => `\\${c}`);
}

function table(head: readonly string[], rows: readonly string[][]): string[] {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => (c === '' ? ' ' : mdEscape(c))).join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- ').join('|')}|`, ...rows.map(line)];
}

export function renderMarkdown(r: DriftReport): string {
  const out: string[] = [`# ${mdEscape(r.title)}`, ''];
  for (const [k, v] of headerFields(r)) out.push(`- **${k}:** ${mdEscape(v)}`);
  out.push('');
  const notice = truncationNotice(r);
  if (notice !== undefined) out.push(`> **${mdEscape(notice)}**`, '');

  out.push('## Totals', '');
  for (const [k, v] of totalFields(r)) out.push(`- **${k}:** ${mdEscape(v)}`);
  out.push('');

  out.push('## Events', '');
  const terms = terminationsById(r);
  if (r.events.length === 0) out.push('No drift events in this scope and window.');
  else out.push(...table(EVENT_COLUMNS, r.events.map((e) => eventCells(e, terms))));
  out.push('');

  out.push('## Terminations', '');
  if (r.terminations.length === 0) {
    out.push('No terminations in this scope and window.', '');
  } else {
    out.push(...table(TERMINATION_COLUMNS, r.terminations.map(terminationCells)), '');
    for (const t of r.terminations) {
      const lines = historyLines(t);
      if (lines.length === 0) continue;
      out.push(`### Termination ${t.id} (${mdEscape(t.hostname === '' ? t.hostId : t.hostname)}): audit log`, '');
      for (const l of lines) out.push(`- ${mdEscape(l)}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
