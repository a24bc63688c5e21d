// Builds the collector's HTTP app: protobuf body parsing with size limits,
// agent routes (judged by the policy in force), operator routes, health, and
// one error handler.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { CollectorConfig } from '../config.js';
import { registerAgentRoutes } from '../ingest/agent-routes.js';
import { registerOperatorRoutes } from '../api/operator-routes.js';
import { registerImageRoutes } from '../api/image-routes.js';
import { registerDeliveryRoutes } from '../api/delivery-routes.js';
import { registerPolicyRoutes } from '../api/policy-routes.js';
import { PolicyHolder } from '../policy/policy-holder.js';
import { registerDiffRoute } from '../api/diff-route.js';
import { registerTerminationRoutes } from '../api/termination-routes.js';
import { registerReportRoutes } from '../api/report-route.js';
import type { Store } from '../store/store.js';
import { registerDashboard, type DashboardOptions } from '../ui/dashboard.js';
import { errorHandler, sendError } from './error-reply.js';
import { registerMetrics } from './metrics.js';

export interface AppOptions {
  https?: { cert: Buffer; key: Buffer };
  /** The policy in force; absent: config.policy (or the built-in default) is loaded now. */
  policy?: PolicyHolder;
  /** The dashboard's settings (tests); it is always served, under /ui. */
  dashboard?: DashboardOptions;
}

export function buildApp(store: Store, config: Readonly<CollectorConfig>, logger: FastifyBaseLogger, options: AppOptions = {}): FastifyInstance {
  const { https } = options;
  const policy = options.policy ?? PolicyHolder.open(config.policy, logger.child({ component: 'policy' }));
  const app = Fastify({
    ...(https === undefined ? {} : { https }),
    loggerInstance: logger,
    bodyLimit: config.maxBodyBytes,
    // Request ids in every log line; tokens never (see redaction in logger.ts).
    genReqId: () => randomUUID(),
    // Two info lines per request would be gigabytes an hour at fleet rates; errors
    // and rejections are logged with their request id, and /metrics counts the rest.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.addContentTypeParser('application/x-protobuf', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => sendError(reply, 'COLLECTOR_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    await store.countHostsByState(); // the database answers
    return { status: 'ready' };
  });
  const metrics = registerMetrics(app, store);
  registerAgentRoutes(app, store, config, policy, (stored) => {
    for (const e of stored) {
      metrics.eventsIngested.inc({ kind: e.kind });
      if (e.verdict !== undefined) metrics.eventVerdicts.inc({ verdict: e.verdict.verdict });
    }
  });
  registerOperatorRoutes(app, store, config);
  registerImageRoutes(app, store);
  registerDeliveryRoutes(app, store);
  registerPolicyRoutes(app, store, policy);
  registerDiffRoute(app, store);
  registerTerminationRoutes(app, store);
  registerReportRoutes(app, store, policy);
  registerDashboard(app, store, config, options.dashboard);
  return app;
}
