// POST /api/v1/agent/content (signed): a batch of the sealed baseline's
// captured contents (ContentUpload), sent by the agent once after sealing.
// Each content is checked like an event's (content-wire.ts), then kept for
// every path of the sealed manifest whose entry has its SHA-256; one that no
// regular file of the baseline has is ignored. Idempotent: a path keeps the
// first content it was given, so an agent may resend the whole upload.
import type { FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import type { BaselineContent, ContentRecord } from '../store/content-store.js';
import type { Store } from '../store/store.js';
import { pathsByDigest } from './baseline-digests.js';
import { checkContent, ContentLimits } from './content-wire.js';
import { authenticateHost } from './host-auth.js';
import type { RateLimiter } from './rate-limit.js';
import { bodyOf, decodeOrReject, pb, PROTOBUF, repeatedRecords } from './wire.js';

/** Contents in one upload, at most; the agent sends 500. */
export const MAX_CONTENTS_PER_UPLOAD = 1000;


export function registerContentRoute(app: FastifyInstance, store: Store, config: Readonly<CollectorConfig>, limiter: RateLimiter): void {
  app.post('/api/v1/agent/content', { bodyLimit: config.maxBodyBytes }, async (req, reply) => {
    const body = bodyOf(req);
    const now = new Date();
    const { host, nonce } = await authenticateHost(req, body, store, config.clockSkewMs, now, limiter);
    const records = decodeOrReject('ContentUpload', () => repeatedRecords(body, 1, MAX_CONTENTS_PER_UPLOAD));
    const checked: ContentRecord[] = [];
    let dropped = 0;
    const limits = new ContentLimits(config.maxContentBytes);
    records.forEach((bytes, i) => {
      const c = decodeOrReject('CapturedContent', () => pb.CapturedContent.decode(bytes));
      const outcome = checkContent(c, `contents[${i}]`, limits);
      if ('content' in outcome) checked.push(outcome.content);
      else dropped++;
    });
    const manifest = await store.getBaseline(host.id);
    if (manifest === undefined) throw new DriftwatchError('COLLECTOR_CONFLICT', `host ${host.id} has no sealed baseline yet: upload it first`);
    const paths = pathsByDigest(manifest, new Set(checked.map((c) => c.sha256)));
    const items: BaselineContent[] = checked.map((content) => ({ content, paths: paths.get(content.sha256) ?? [] }));
    const added = await store.storeBaselineContents(host.id, items, nonce);
    const unmatched = items.filter((i) => i.paths.length === 0).length;
    req.log.info({ hostId: host.id, contents: records.length, paths: added, unmatched, dropped }, 'baseline contents stored');
    return reply.type(PROTOBUF).send(Buffer.from(pb.Ack.encode({ ackedSeq: host.ackedSeq }).finish()));
  });
}
