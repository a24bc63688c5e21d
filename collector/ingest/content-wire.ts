// Checking a CapturedContent from an agent before anything of it is kept:
// the SHA-256 is 32 bytes, the declared size within max_content_bytes, the
// compressed bytes inflate to exactly the declared size (inflation stops one
// byte past it, so a decompression bomb costs nothing), an unredacted content
// is the file its SHA-256 names, and the content is UTF-8 text. A content
// too large for this collector is dropped, not refused: the agent's bound may
// be larger than ours, and refusing its event would stall its whole outbox.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { ContentCodecError, inflateContent } from '../../common/content-codec.js';
import { DriftwatchError } from '../../common/errors.js';
import type { driftwatch } from '../../proto/gen/driftwatch.js';
import type { ContentRecord } from '../store/content-store.js';
import { boundedBytes, invalid, pb } from './wire.js';

export type ContentCheck = { content: ContentRecord } | { dropped: 'too_large' };

/** Bytes all the contents of one request may inflate to: a thousand honest 1 MiB files would be a request no agent sends. */
export const REQUEST_INFLATE_BUDGET = 64 << 20;

/** The bounds of one request's contents: each content's size, and what is left of the request's budget. */
export class ContentLimits {
  constructor(readonly maxBytes: number, public left: number = REQUEST_INFLATE_BUDGET) {}
}

/** git's heuristic, as the agent applies it: a NUL byte among the first 8000 makes content binary. */
const NUL_WINDOW = 8000;

function refused(where: string, why: string): DriftwatchError {
  return new DriftwatchError('COLLECTOR_CONTENT_INVALID', `${where}: ${why}`);
}

export function checkContent(c: driftwatch.v1.ICapturedContent, where: string, limits: ContentLimits): ContentCheck {
  const sha256 = boundedBytes(c.sha256, `${where}.sha256`, 32);
  if (sha256.length !== 32) throw refused(where, 'sha256 is not 32 bytes');
  const size = c.size ?? 0;
  if (!Number.isSafeInteger(size) || size < 0) throw refused(where, `size ${size} is not a byte count`);
  if (size > limits.maxBytes) return { dropped: 'too_large' };
  if (size > limits.left) throw refused(where, `the request's contents inflate to more than ${REQUEST_INFLATE_BUDGET} bytes in all`);
  limits.left -= size;
  const compressed = boundedBytes(c.compressed, `${where}.compressed`, Number.MAX_SAFE_INTEGER);
  let text: Buffer;
  try {
    text = inflateContent(compressed, size);
  } catch (err) {
    if (err instanceof ContentCodecError) throw refused(where, err.message);
    throw err;
  }
  const hash = createHash('sha256').update(text).digest();
  const redacted = c.redacted === true;
  if (!redacted && !hash.equals(sha256)) throw refused(where, 'content does not match its sha256 and is not marked redacted');
  if (!isUtf8(text) || text.subarray(0, NUL_WINDOW).includes(0)) throw refused(where, 'content is not UTF-8 text');
  return { content: { hash: hash.toString('hex'), sha256: sha256.toString('hex'), compressed, size, redacted } };
}

const SKIPS = ['not_matched', 'denylisted', 'too_large', 'binary', 'unreadable', 'budget'] as const;

/**
 * An event's content and what its JSON says of it: `content` (sha256, size,
 * redacted) when kept, else `not_captured` with the reason. Only file_added and
 * file_changed may carry content, and it must be the `after` file's.
 */
export function eventContent(e: driftwatch.v1.DriftEvent, kind: string, limits: ContentLimits): { content?: ContentRecord; json: Record<string, unknown> } {
  const skip = e.captureSkip ?? pb.CaptureSkip.CAPTURE_SKIP_UNSPECIFIED;
  if (e.content === null || e.content === undefined) {
    if (skip === pb.CaptureSkip.CAPTURE_SKIP_UNSPECIFIED) return { json: {} };
    const reason = SKIPS[skip - 1];
    if (reason === undefined) throw invalid(`event ${e.seq}: capture_skip ${skip} is unknown`);
    return { json: { not_captured: reason } };
  }
  if (kind !== 'file_added' && kind !== 'file_changed') throw invalid(`event ${e.seq}: a ${kind} event carries no content`);
  if (skip !== pb.CaptureSkip.CAPTURE_SKIP_UNSPECIFIED) throw invalid(`event ${e.seq}: content and capture_skip together`);
  const checked = checkContent(e.content, `event ${e.seq} content`, limits);
  if ('dropped' in checked) return { json: { not_captured: 'too_large' } };
  const after = Buffer.from(e.after?.sha256 ?? []).toString('hex');
  if (after !== checked.content.sha256) throw refused(`event ${e.seq} content`, 'sha256 is not the after entry\'s');
  const { sha256, size, redacted } = checked.content;
  return { content: checked.content, json: { content: { sha256, size, redacted } } };
}
