// A drift report as one self-contained HTML page (inline CSS, no scripts, no
// external resources), to attach to an incident or open offline. Every value
// is escaped: a file named <script>alert(1)</script> shows as text. The API
// also sends it with a Content-Security-Policy that allows no script at all.
import type { DriftReport } from './report-model.js';
import {
  EVENT_COLUMNS, eventCells, headerFields, historyLines, TERMINATION_COLUMNS, terminationCells, terminationsById, totalFields, truncationNotice,
} from './report-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1d2125;background:#fff}
h1{font-size:1.5em;margin:0 0 .5em}h2{font-size:1.2em;margin:1.6em 0 .5em;border-bottom:1px solid #d0d7de}
h3{font-size:1em;margin:1em 0 .3em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:0}dt{font-weight:600}dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#f6f8fa}td{overflow-wrap:anywhere}
.notice{background:#fff8c5;border:1px solid #d4a72c;padding:.6em 1em;margin:1em 0}
.v-terminate{color:#a40e26;font-weight:600}.v-alert{color:#9a6700;font-weight:600}.v-flag{color:#0969da}.v-ignore,.v-none{color:#57606a}
ul{margin:.2em 0 .8em}`;

function dl(fields: Array<[string, string]>): string {
  return `<dl>${fields.map(([k, v]) => `<dt>${htmlEscape(k)}</dt><dd>${htmlEscape(v)}</dd>`).join('')}</dl>`;
}

function table(head: readonly string[], rows: readonly string[][], cellClass: (col: number, value: string) => string = () => ''): string {
  const th = head.map((h) => `<th scope="col">${htmlEscape(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => {
    const cls = cellClass(i, c);
    return `<td${cls === '' ? '' : ` class="${cls}"`}>${htmlEscape(c)}</td>`;
  }).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

const VERDICT_COL = EVENT_COLUMNS.indexOf('Verdict');
const verdictClass = (col: number, value: string): string =>
  (col === VERDICT_COL && /^(terminate|alert|flag|ignore|none)$/.test(value) ? `v-${value}` : '');

export function renderHtml(r: DriftReport): string {
  const terms = terminationsById(r);
  const notice = truncationNotice(r);
  const parts = [
    '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${htmlEscape(r.title)}</title><style>${CSS}</style></head><body>`,
    `<h1>${htmlEscape(r.title)}</h1>`, dl(headerFields(r)),
    notice === undefined ? '' : `<p class="notice" role="note">${htmlEscape(notice)}</p>`,
    '<h2>Totals</h2>', dl(totalFields(r)),
    '<h2>Events</h2>',
    r.events.length === 0 ? '<p>No drift events in this scope and window.</p>' : table(EVENT_COLUMNS, r.events.map((e) => eventCells(e, terms)), verdictClass),
    '<h2>Terminations</h2>',
    r.terminations.length === 0 ? '<p>No terminations in this scope and window.</p>' : table(TERMINATION_COLUMNS, r.terminations.map(terminationCells)),
  ];
  for (const t of r.terminations) {
    const lines = historyLines(t);
    if (lines.length === 0) continue;
    parts.push(`<h3>Termination ${t.id} (${htmlEscape(t.hostname === '' ? t.hostId : t.hostname)}): audit log</h3>`,
      `<ul>${lines.map((l) => `<li>${htmlEscape(l)}</li>`).join('')}</ul>`);
  }
  parts.push('</body></html>');
  return `${parts.filter(Boolean).join('\n')}\n`;
}
