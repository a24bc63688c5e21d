// The dashboard's pages (GET, viewer): each handler gathers its widgets'
// data with one store query per widget, then renders server-side.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import { eventDiff } from '../api/diff-route.js';
import { imageGroups } from '../api/image-groups.js';
import { query } from '../api/operator-routes.js';
import { inFlightTerminations } from '../api/termination-json.js';
import type { HostState, Store } from '../store/store.js';
import { htmlText, type SafeHtml } from './html.js';
import { approvalsPage } from './pages/approvals-page.js';
import { eventPage } from './pages/event-page.js';
import { hostPage, TIMELINE_SIZE } from './pages/host-page.js';
import { HOST_STATES, hostListQuery, hostsPage, type HostListParams } from './pages/hosts-page.js';
import type { PageContext } from './pages/layout.js';
import { overviewPage } from './pages/overview-page.js';
import type { StaticAssets } from './static-assets.js';
import { sessionOf } from './ui-auth.js';

const HOUR_MS = 3_600_000;
const CHART_HOURS = 24;
const LATEST_EVENTS = 10;
const MAX_PENDING_SHOWN = 500;
const viewer = { config: { minRole: 'viewer' as const } };
const bad = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_BAD_REQUEST', message);

function send(reply: FastifyReply, markup: SafeHtml): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(htmlText(markup));
}

function hostListParams(q: Record<string, string>): HostListParams {
  const p: HostListParams = { page: 1 };
  const text = (k: string, max: number): string | undefined => {
    const v = q[k]?.trim();
    if (v === undefined || v === '') return undefined;
    if ([...v].length > max || /\p{C}/u.test(v)) throw bad(`${k} must be at most ${max} printable characters`);
    return v;
  };
  const state = text('state', 20);
  if (state !== undefined) {
    if (!(HOST_STATES as readonly string[]).includes(state)) throw bad(`state must be one of ${HOST_STATES.join(', ')}`);
    p.state = state as HostState;
  }
  const image = text('image', 256);
  if (image !== undefined) p.image = image;
  const label = text('label', 256);
  if (label !== undefined) {
    if (label.indexOf('=') < 1) throw bad('label must be key=value');
    p.label = label;
  }
  const search = text('q', 128);
  if (search !== undefined) p.q = search;
  if (q.page !== undefined) {
    p.page = Number(q.page);
    if (!Number.isInteger(p.page) || p.page < 1 || p.page > 1_000_000) throw bad('page must be a positive integer');
  }
  return p;
}

async function hostOr404(store: Store, id: string) {
  const host = /^[0-9a-f]{32}$/.test(id) ? await store.getHost(id) : undefined;
  if (host === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no host ${id}`);
  return host;
}

export function registerPageRoutes(ui: FastifyInstance, store: Store, assets: StaticAssets): void {
  // The marks are read before the page's data, so a change in between shows up as a change, never gets lost.
  const ctx = async (req: FastifyRequest, section: PageContext['section']): Promise<PageContext> =>
    ({ session: sessionOf(req), assets, section, marks: await store.changeMarks() });

  ui.get('/ui', viewer, async (req, reply) => {
    const context = await ctx(req, 'overview');
    const now = Date.now();
    const since = new Date(Math.floor(now / HOUR_MS) * HOUR_MS - (CHART_HOURS - 1) * HOUR_MS);
    const [states, hosts, cells, latest, pending] = await Promise.all([
      store.countHostsByState(), store.listHosts({}), store.eventHistogram(since, new Date(since.getTime() + CHART_HOURS * HOUR_MS), HOUR_MS),
      store.latestEvents(LATEST_EVENTS), store.listTerminations({ states: ['pending_approval'], limit: MAX_PENDING_SHOWN + 1 }),
    ]);
    return send(reply, overviewPage(context, {
      states, groups: imageGroups(hosts), hostnames: new Map(hosts.map((h) => [h.id, h.facts.hostname])),
      histogram: { cells, since, bucketMs: HOUR_MS, buckets: CHART_HOURS }, latest,
      pending: Math.min(pending.length, MAX_PENDING_SHOWN), pendingMore: pending.length > MAX_PENDING_SHOWN,
    }));
  });
  ui.get('/ui/', viewer, async (_req, reply) => reply.redirect('/ui', 301));

  ui.get('/ui/hosts', viewer, async (req, reply) => {
    const params = hostListParams(query(req));
    const context = await ctx(req, 'hosts');
    const [result, terminations] = await Promise.all([store.pageHosts(hostListQuery(params)), inFlightTerminations(store)]);
    return send(reply, hostsPage(context, params, result, terminations));
  });

  ui.get<{ Params: { id: string } }>('/ui/hosts/:id', viewer, async (req, reply) => {
    const context = await ctx(req, 'hosts');
    const host = await hostOr404(store, req.params.id);
    const q = query(req);
    let before: number | undefined;
    if (q.before !== undefined) {
      before = Number(q.before);
      if (!Number.isSafeInteger(before) || before < 1) throw bad('before must be a positive integer');
    }
    const [baseline, events, terminations, audit] = await Promise.all([
      store.baselineFacts(host.id), store.recentEvents(host.id, TIMELINE_SIZE, before),
      store.listTerminations({ hostId: host.id, limit: 50 }), store.hostAudit(host.id, 50),
    ]);
    return send(reply, hostPage(context, { host, baseline, events, before, terminations, audit }));
  });

  ui.get<{ Params: { id: string; seq: string } }>('/ui/hosts/:id/events/:seq', viewer, async (req, reply) => {
    const host = await hostOr404(store, req.params.id);
    if (!/^[1-9][0-9]{0,14}$/.test(req.params.seq)) throw bad('seq must be a positive integer');
    const seq = Number(req.params.seq);
    // The agent's event at seq (a chain-break gap the collector recorded may share it).
    const atSeq = (await store.recentEvents(host.id, 2, seq + 1)).filter((e) => e.seq === seq);
    const event = atSeq.find((e) => e.hash !== '') ?? atSeq[0];
    if (event === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `host ${host.id} has no event ${seq}`);
    const isFile = ['file_added', 'file_changed', 'file_removed'].includes(event.kind);
    const diff = isFile ? await eventDiff(store, host.id, req.params.seq) : undefined;
    return send(reply, eventPage(await ctx(req, 'hosts'), host, event, diff));
  });

  ui.get<{ Querystring: { done?: string } }>('/ui/approvals', viewer, async (req, reply) => {
    const context = await ctx(req, 'approvals');
    const [pending, recent] = await Promise.all([
      store.listTerminations({ states: ['pending_approval'], limit: MAX_PENDING_SHOWN, oldestFirst: true }),
      store.listTerminations({ limit: 20 }),
    ]);
    const hostnames = await store.hostnames([...pending, ...recent].map((t) => t.hostId));
    const done = /^([0-9]{1,15})-(approved|denied)$/.exec(String(req.query.done ?? ''));
    const notice = done === null ? undefined : `Termination ${done[1]!} ${done[2]!}.`;
    return send(reply, approvalsPage(context, { pending, recent, hostnames, notice }));
  });
}
