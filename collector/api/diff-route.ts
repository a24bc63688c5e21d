// GET /api/v1/hosts/:id/events/:seq/diff (viewer): one file event's
// attributes before and after, and the unified diff of its content against
// the sealed baseline where both contents are known (file-diff.ts).
import type { FastifyInstance } from 'fastify';
import { inflateContent } from '../../common/content-codec.js';
import { DriftwatchError } from '../../common/errors.js';
import type { ContentRecord } from '../store/content-store.js';
import type { Store, StoredEvent } from '../store/store.js';
import { fileDiff, type DiffResult, type Side } from './file-diff.js';

/** GET …/diff's answer (docs/collector-api.md, "Diffs"). */
export interface EventDiff extends DiffResult {
  host_id: string;
  seq: number;
  kind: string;
  path: string;
  changes: string[];
  before: unknown;
  after: unknown;
  baseline_sha256: string | null;
}

const FILE_KINDS = new Set(['file_added', 'file_changed', 'file_removed']);

function side(c: ContentRecord | undefined): Side | undefined {
  // Checked at ingest; inflated again within the stored size, never beyond it.
  return c === undefined ? undefined : { text: inflateContent(c.compressed, c.size).toString('utf8'), redacted: c.redacted };
}

/** The agent's event at `seq` (a chain-break gap the collector recorded may share its seq). */
async function eventAt(store: Store, hostId: string, seq: number): Promise<StoredEvent | undefined> {
  const page = await store.listEvents(hostId, { afterSeq: seq - 1, limit: 1 });
  const at = page.filter((e) => e.seq === seq);
  return at.find((e) => e.hash !== '') ?? at[0];
}

/** The diff of host `id`'s event `seqParam` (as given in a URL), in the API's JSON shape; COLLECTOR_NOT_FOUND / BAD_REQUEST otherwise. */
export async function eventDiff(store: Store, id: string, seqParam: string): Promise<EventDiff> {
  if (!/^[1-9][0-9]{0,14}$/.test(seqParam)) throw new DriftwatchError('COLLECTOR_BAD_REQUEST', 'seq must be a positive integer');
  const seq = Number(seqParam);
  const host = /^[0-9a-f]{32}$/.test(id) ? await store.getHost(id) : undefined;
  if (host === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no host ${id}`);
  const event = await eventAt(store, host.id, seq);
  if (event === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `host ${host.id} has no event ${seq}`);
  if (!FILE_KINDS.has(event.kind)) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `event ${seq} is a ${event.kind} event: only file events have a diff`);
  const [after, baseline] = await Promise.all([
    event.kind === 'file_removed' ? undefined : store.getEventContent(host.id, seq),
    event.kind === 'file_added' ? undefined : store.getBaselineContent(host.id, event.path),
  ]);
  const notCaptured = event.payload.not_captured;
  const result = fileDiff({
    kind: event.kind, seq, path: event.path, changes: event.changes,
    notCaptured: typeof notCaptured === 'string' ? notCaptured : undefined, after: side(after), baseline: side(baseline),
  });
  return {
    host_id: host.id, seq, kind: event.kind, path: event.path, changes: event.changes,
    before: event.payload.before ?? null, after: event.payload.after ?? null,
    baseline_sha256: baseline?.sha256 ?? null, ...result,
  };
}

export function registerDiffRoute(app: FastifyInstance, store: Store): void {
  app.get<{ Params: { id: string; seq: string } }>('/api/v1/hosts/:id/events/:seq/diff', { config: { minRole: 'viewer' } },
    async (req) => eventDiff(store, req.params.id, req.params.seq));
}
