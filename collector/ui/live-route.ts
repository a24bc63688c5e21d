// GET /ui/live (viewer): the page's server-sent event stream (live-hub.ts).
// The stream ends when the session does; the collector ends all of them when
// it closes.
import type { FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { LiveHub } from './live-hub.js';
import type { SessionTable } from './sessions.js';
import { sessionOf } from './ui-auth.js';

export function registerLiveRoute(ui: FastifyInstance, hub: LiveHub, table: SessionTable): void {
  ui.get('/ui/live', { config: { minRole: 'viewer' } }, async (req, reply) => {
    const session = sessionOf(req);
    const refusal = hub.refusal(session.key);
    if (refusal !== undefined) throw new DriftwatchError('COLLECTOR_RATE_LIMITED', refusal);
    reply.hijack();
    // Hijacked: fastify's onSend hooks do not run, so the headers are written here.
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      connection: 'keep-alive', 'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 3000\n: connected\n\n');
    await hub.add(reply.raw, session.key, () => table.live(session));
  });
}
