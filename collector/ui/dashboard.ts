// The dashboard, served by the collector under /ui (docs/dashboard.md): an
// encapsulated fastify context, so its form parser, security headers, HTML
// errors and session check apply to /ui routes only and the JSON API stays
// as it is.
import type { FastifyError, FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import { statusOf } from '../http/error-reply.js';
import type { Store } from '../store/store.js';
import { registerDecisionRoutes } from './decision-routes.js';
import { htmlText } from './html.js';
import { LiveHub } from './live-hub.js';
import { registerLiveRoute } from './live-route.js';
import { registerPageRoutes } from './page-routes.js';
import { errorPage } from './pages/error-page.js';
import { SessionTable } from './sessions.js';
import { loadStaticAssets } from './static-assets.js';
import { registerUiAuth } from './ui-auth.js';
import { setSecurityHeaders } from './ui-security.js';

/** A form is a reason and a token or two: anything larger is not from our pages. */
const MAX_FORM_BYTES = 16 * 1024;

export interface DashboardOptions {
  /** The session table (tests pass one with a fake clock). */
  sessions?: SessionTable;
}

export function registerDashboard(app: FastifyInstance, store: Store, config: Readonly<CollectorConfig>, options: DashboardOptions = {}): void {
  const assets = loadStaticAssets();
  const table = options.sessions ?? new SessionTable();
  const hub = new LiveHub(store, app.log.child({ component: 'dashboard-live' }));
  // Streams never end by themselves: end them before the server waits for its connections.
  app.addHook('preClose', async () => hub.close());
  void app.register(async (ui) => {
    ui.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: MAX_FORM_BYTES }, (_req, body, done) => done(null, body));
    ui.addHook('onSend', async (req, reply, payload) => {
      setSecurityHeaders(reply, req.url.startsWith('/ui/static/') && reply.statusCode === 200);
      return payload;
    });
    ui.setErrorHandler((err: FastifyError | Error, req, reply) => {
      const known = err instanceof DriftwatchError ? err : undefined;
      const fastifyStatus = 'statusCode' in err && typeof err.statusCode === 'number' && err.statusCode < 500 ? err.statusCode : undefined;
      const status = known !== undefined ? statusOf(known.code) : fastifyStatus ?? 500;
      if (status >= 500) req.log.error({ err }, 'dashboard request failed');
      else req.log.warn({ code: known?.code, method: req.method, url: req.url.split('?')[0], ip: req.ip }, err.message);
      const message = status >= 500 ? `internal error (request id ${req.id})` : err.message;
      if (known !== undefined) reply.header('x-driftwatch-error-code', known.code);
      return reply.status(status).type('text/html; charset=utf-8').send(htmlText(errorPage(assets, status, message)));
    });
    registerUiAuth(ui, store, config, table, assets);
    ui.get<{ Params: { name: string } }>('/ui/static/:name', async (req, reply) => {
      const asset = assets.get(req.params.name);
      if (asset === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', 'no such file');
      return reply.type(asset.type).header('etag', `"${asset.hash}"`).send(asset.body);
    });
    registerPageRoutes(ui, store, assets);
    registerDecisionRoutes(ui, store);
    registerLiveRoute(ui, hub, table);
  });
}
