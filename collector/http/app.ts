// Builds the collector's HTTP app: protobuf body parsing with size limits,
// agent routes, operator routes, health, and one error handler.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { CollectorConfig } from '../config.js';
import { registerAgentRoutes } from '../ingest/agent-routes.js';
import { registerOperatorRoutes } from '../api/operator-routes.js';
import type { Store } from '../store/store.js';
import { errorHandler, sendError } from './error-reply.js';

export function buildApp(store: Store, config: Readonly<CollectorConfig>, logger: FastifyBaseLogger): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: config.maxBodyBytes,
    // Request ids in every log line; tokens never (see redaction in logger.ts).
    genReqId: () => randomUUID(),
  });
  app.addContentTypeParser('application/x-protobuf', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => sendError(reply, 'COLLECTOR_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    await store.countHostsByState(); // the database answers
    return { status: 'ready' };
  });
  registerAgentRoutes(app, store, config);
  registerOperatorRoutes(app, store, config);
  return app;
}
