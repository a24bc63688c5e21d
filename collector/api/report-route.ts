// GET /api/v1/reports (role viewer): a drift report of one host (host=ID), an
// image group (image=ID) or the fleet in a time range (since=, until=),
// optionally narrowed by label=k=v, as JSON, Markdown, HTML or CSV
// (format=), sent as an attachment with a file name. Every parameter is
// checked; an unknown one is refused rather than ignored.
import type { FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import { buildReport, type ReportRequest } from '../report/build-report.js';
import { REPORT_FORMATS, type ReportFormat, type ReportScope } from '../report/report-model.js';
import { renderReport } from '../report/render-report.js';
import type { Store } from '../store/store.js';
import { date, hostFilter, hostOr404, query } from './operator-routes.js';

/** Events a report holds at most; it says when more matched. */
export const MAX_REPORT_EVENTS = 10_000;
export const DEFAULT_REPORT_EVENTS = 5_000;
const PARAMS = ['host', 'image', 'label', 'since', 'until', 'format', 'max_events'];
const viewer = { config: { minRole: 'viewer' as const } };
const bad = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_BAD_REQUEST', message);

/** The request's scope and window, checked; the host (if any) is looked up by the caller. */
export function reportParams(q: Record<string, string>): { request: ReportRequest; format: ReportFormat } {
  const unknown = Object.keys(q).find((k) => !PARAMS.includes(k));
  if (unknown !== undefined) throw bad(`unknown parameter ${unknown} (use ${PARAMS.join(', ')})`);
  const format = (q.format ?? 'json') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw bad(`format must be one of ${REPORT_FORMATS.join(', ')}`);
  const since = date(q.since, 'since');
  const until = date(q.until, 'until');
  if (since !== undefined && until !== undefined && since >= until) throw bad('since must be before until');
  if (q.host !== undefined && q.image !== undefined) throw bad('give one of host or image, not both');
  if (q.host === undefined && q.image === undefined && since === undefined) {
    throw bad('say what to report on: host=ID, image=ID, or since= (and until=) for the fleet');
  }
  if (q.host !== undefined && q.label !== undefined) throw bad('label narrows an image group or the fleet, not one host');
  if (q.host !== undefined && !/^[0-9a-f]{32}$/.test(q.host)) throw bad('host must be a host id (32 hex digits)');
  if (q.image === '') throw bad('image must not be empty');
  const max = q.max_events === undefined ? DEFAULT_REPORT_EVENTS : Number(q.max_events);
  if (!Number.isInteger(max) || max < 1 || max > MAX_REPORT_EVENTS) throw bad(`max_events must be 1..${MAX_REPORT_EVENTS}`);

  const narrow = hostFilter({ ...(q.image === undefined ? {} : { image: q.image }), ...(q.label === undefined ? {} : { label: q.label }) });
  const scope: ReportScope = q.host !== undefined ? { kind: 'host', hostId: q.host }
    : { kind: q.image !== undefined ? 'image' : 'fleet', ...narrow };
  return { request: { scope, maxEvents: max, ...(since === undefined ? {} : { since }), ...(until === undefined ? {} : { until }) }, format };
}

export function registerReportRoutes(app: FastifyInstance, store: Store, policy: PolicyHolder): void {
  app.get('/api/v1/reports', viewer, async (req, reply) => {
    const { request, format } = reportParams(query(req));
    if (request.scope.hostId !== undefined) request.scope.hostname = (await hostOr404(store, request.scope.hostId)).facts.hostname;
    const report = await buildReport(store, request, new Date(), policy.source);
    const out = renderReport(report, format);
    reply.header('content-disposition', `attachment; filename="${out.filename}"`).header('x-content-type-options', 'nosniff');
    // The HTML runs nothing and loads nothing: its only style is inline.
    if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (report.truncated) reply.header('x-driftwatch-report-truncated', String(report.maxEvents));
    return reply.type(out.contentType).send(out.body);
  });
}
