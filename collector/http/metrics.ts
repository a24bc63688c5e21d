// Prometheus metrics: ingest counts (by kind and by verdict), errors by code,
// request latency, and hosts, alert deliveries and terminations by state (read
// from the store at scrape time, so every replica on a shared database reports
// the same fleet).
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HostState, Store } from '../store/store.js';
import { ERROR_CODE_HEADER } from './error-reply.js';

export interface Metrics {
  registry: Registry;
  eventsIngested: Counter<'kind'>;
  eventVerdicts: Counter<'verdict'>;
  errors: Counter<'code'>;
}

export function registerMetrics(app: FastifyInstance, store: Store): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'driftwatch_collector_' });
  const eventsIngested = new Counter({ name: 'driftwatch_events_ingested_total', help: 'Drift events stored, by kind', labelNames: ['kind'] as const, registers: [registry] });
  const errors = new Counter({ name: 'driftwatch_errors_total', help: 'Requests answered with an error, by error code', labelNames: ['code'] as const, registers: [registry] });
  const latency = new Histogram({
    name: 'driftwatch_request_duration_seconds', help: 'Request latency by route', labelNames: ['route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [registry],
  });
  const hosts = new Gauge({
    name: 'driftwatch_hosts', help: 'Hosts by state', labelNames: ['state'] as const, registers: [registry],
    async collect() {
      const counts = await store.countHostsByState();
      for (const [state, n] of Object.entries(counts) as Array<[HostState, number]>) this.set({ state }, n);
    },
  });
  void hosts;
  const eventVerdicts = new Counter({
    name: 'driftwatch_event_verdicts_total', help: 'Drift events stored, by the verdict the policy gave them', labelNames: ['verdict'] as const, registers: [registry],
  });
  // A growing pending count is a notifier that does not take alerts; pending_approval, terminations waiting for a human.
  for (const what of ['deliveries', 'terminations'] as const) {
    new Gauge({
      name: what === 'deliveries' ? 'driftwatch_alert_deliveries' : 'driftwatch_terminations',
      help: what === 'deliveries' ? 'Alert deliveries by state' : 'Terminations by state', labelNames: ['state'] as const, registers: [registry],
      async collect() {
        for (const [state, n] of Object.entries((await store.responseCounts())[what])) this.set({ state }, n);
      },
    });
  }
  app.addHook('onResponse', async (req, reply) => {
    // The route pattern, not the URL: host ids must not explode label cardinality.
    const route = req.routeOptions.url ?? 'unmatched';
    latency.observe({ route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    const code = reply.getHeader(ERROR_CODE_HEADER);
    if (typeof code === 'string') errors.inc({ code });
  });
  app.get('/metrics', async (_req, reply) => reply.type(registry.contentType).send(await registry.metrics()));
  return { registry, eventsIngested, eventVerdicts, errors };
}
