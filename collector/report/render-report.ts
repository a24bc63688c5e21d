// A report in the format asked for, with what HTTP and a file need: its
// media type and a file name made only of safe characters.
import type { DriftReport, ReportFormat } from './report-model.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

const FORMATS: Record<ReportFormat, { render: (r: DriftReport) => string; type: string; ext: string }> = {
  json: { render: renderJson, type: 'application/json; charset=utf-8', ext: 'json' },
  markdown: { render: renderMarkdown, type: 'text/markdown; charset=utf-8', ext: 'md' },
  html: { render: renderHtml, type: 'text/html; charset=utf-8', ext: 'html' },
  csv: { render: renderCsv, type: 'text/csv; charset=utf-8; header=present', ext: 'csv' },
};

export interface RenderedReport {
  body: string;
  contentType: string;
  /** driftwatch-report-<scope>-<generated at>.<ext>: letters, digits, dot, dash and underscore only. */
  filename: string;
}

export function reportFilename(r: DriftReport, format: ReportFormat): string {
  const s = r.scope;
  const what = s.kind === 'host' ? `host-${s.hostname || s.hostId}` : s.kind === 'image' ? `image-${s.imageId ?? ''}` : 'fleet';
  const safe = what.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  const at = r.generatedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `driftwatch-report-${safe}-${at}.${FORMATS[format].ext}`;
}

export function renderReport(r: DriftReport, format: ReportFormat): RenderedReport {
  const f = FORMATS[format];
  return { body: f.render(r), contentType: f.type, filename: reportFilename(r, format) };
}
