// Sends the sealed baseline's captured contents (written by the seal child,
// capture/content-file.ts) to the collector, batch by batch, once it holds the
// baseline; the file goes when every batch is through. A restart before that
// sends them all again: the collector keeps the first copy of each. A batch
// the collector refuses (it is too large for it, say) is logged and skipped:
// the diffs of those files then say their baseline content is unknown, and
// nothing else stops.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentBatches } from '../capture/content-file.js';
import { CollectorError } from '../report/collector-client.js';
import { removeStateFile, STATE_FILES } from '../state/state-dir.js';
import { retrying, type LinkContext } from './collector-link.js';

/** Well under the collector's default max_body_bytes (4 MiB). */
const BATCH_BYTES = 1 << 20;
const BATCH_RECORDS = 500;

/** False if stopped before the end. */
export async function uploadBaselineContent(ctx: LinkContext): Promise<boolean> {
  const file = join(ctx.stateDir, STATE_FILES.baselineContent);
  if (!existsSync(file)) return true;
  let batches = 0;
  let refused = 0;
  for (const body of contentBatches(file, BATCH_BYTES, BATCH_RECORDS)) {
    try {
      if ((await retrying(ctx, 'uploading the baseline\'s contents', () => ctx.client.uploadContent(body).then(() => true))) === undefined) return false;
      batches++;
    } catch (err) {
      if (!(err instanceof CollectorError)) throw err;
      refused++;
      ctx.log.error({ err: err.message, bytes: body.length }, 'the collector refused a batch of baseline contents; skipped');
    }
  }
  removeStateFile(ctx.stateDir, STATE_FILES.baselineContent);
  ctx.log.info({ batches, refused }, 'baseline contents uploaded');
  return true;
}
