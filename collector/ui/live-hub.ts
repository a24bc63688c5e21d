// Live updates for the dashboard: one poller per collector process reads the
// store's change marks (a handful of max()/count() lookups) once a second
// while at least one page listens, and tells every listening page which
// topics changed (hosts, events, terminations) over server-sent events. The
// pages fetch what changed again (static/dashboard.js). Polling the store
// rather than hooking ingest also sees changes made by another collector
// replica on the same database, by the response loop, and by the CLI.
import type { FastifyBaseLogger } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { ChangeMarks } from '../store/dashboard-store.js';
import type { Store } from '../store/store.js';

export type Topic = 'hosts' | 'events' | 'terminations';
export const POLL_MS = 1000;
const KEEPALIVE_MS = 15_000;
export const MAX_STREAMS = 200;
export const MAX_STREAMS_PER_SESSION = 8;

interface Listener {
  res: ServerResponse;
  /** The session's key; the stream ends when `live()` says the session is over. */
  sessionKey: string;
  live: () => boolean;
}

export function changedTopics(a: ChangeMarks, b: ChangeMarks): Topic[] {
  const out: Topic[] = [];
  if (a.hosts !== b.hosts) out.push('hosts');
  if (a.events !== b.events) out.push('events');
  if (a.terminations !== b.terminations) out.push('terminations');
  return out;
}

export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | undefined;
  private last: ChangeMarks | undefined;
  private lastWrite = Date.now();
  private polling = false;

  constructor(private readonly store: Store, private readonly log: FastifyBaseLogger, private readonly pollMs = POLL_MS) {}

  /** Why a new stream for this session is refused, or undefined. */
  refusal(sessionKey: string): string | undefined {
    if (this.listeners.size >= MAX_STREAMS) return `at most ${MAX_STREAMS} live streams per collector`;
    let mine = 0;
    for (const l of this.listeners) if (l.sessionKey === sessionKey) mine++;
    return mine >= MAX_STREAMS_PER_SESSION ? `at most ${MAX_STREAMS_PER_SESSION} live streams per session: close some dashboard tabs` : undefined;
  }

  /**
   * Starts a stream with the marks as they are now: the page compares them
   * with the marks it was rendered with (data-marks), so a change between
   * the render and the stream's start is not missed.
   */
  async add(res: ServerResponse, sessionKey: string, live: () => boolean): Promise<void> {
    const l: Listener = { res, sessionKey, live };
    this.listeners.add(l);
    res.on('close', () => this.remove(l));
    if (this.timer === undefined) this.timer = setInterval(() => void this.poll(), this.pollMs);
    const marks = await this.store.changeMarks();
    this.last ??= marks;
    res.write(`event: marks\ndata: ${JSON.stringify(marks)}\n\n`);
  }

  /** Ends every stream and stops polling (the collector is closing). */
  close(): void {
    for (const l of this.listeners) l.res.end();
    this.listeners.clear();
    this.stop();
  }

  private remove(l: Listener): void {
    this.listeners.delete(l);
    if (this.listeners.size === 0) this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.last = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // a slow store: skip a beat rather than pile up
    this.polling = true;
    try {
      const marks = await this.store.changeMarks();
      const topics = this.last === undefined ? [] : changedTopics(this.last, marks);
      this.last = marks;
      const now = Date.now();
      let message: string | undefined;
      if (topics.length > 0) message = `event: change\ndata: ${JSON.stringify({ topics })}\n\n`;
      else if (now - this.lastWrite >= KEEPALIVE_MS) message = ': keep-alive\n\n'; // proxies close streams that stay silent
      for (const l of this.listeners) {
        if (!l.live()) {
          l.res.end('event: signed-out\ndata: {}\n\n');
          continue;
        }
        if (message !== undefined) l.res.write(message);
      }
      if (message !== undefined) this.lastWrite = now;
    } catch (err) {
      this.log.warn({ err }, 'live updates: reading the store\'s change marks failed; trying again');
    } finally {
      this.polling = false;
    }
  }
}
