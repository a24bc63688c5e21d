// The compression of captured file content on the wire (CapturedContent in
// events.proto): raw DEFLATE (RFC 1951, no zlib or gzip header), level 9.
// Chosen over brotli because every zlib speaks it, and config files are small:
// brotli would save a few hundred bytes per file at many times the CPU on the
// host. Inflating is always bounded by the size the sender declared (and the
// reader's own maximum), so a small message that inflates to gigabytes (a
// decompression bomb) stops at the bound instead of filling memory.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Names the format in docs and messages. */
export const CONTENT_COMPRESSION = 'deflate-raw';

/**
 * DEFLATE never grows data by more than 5 bytes per 16 KiB stored block, plus a
 * few bytes of framing: a compressed field larger than this for its declared
 * size is not DEFLATE of that content.
 */
export function maxCompressedSize(size: number): number {
  return size + 5 * Math.ceil((size + 1) / 16_384) + 64;
}

export function compressContent(content: Uint8Array): Buffer {
  return deflateRawSync(content, { level: 9 });
}

/** Why compressed bytes are not the content they claim to be; thrown by inflateContent. */
export class ContentCodecError extends Error {}

/**
 * The content, inflated, which must be exactly `size` bytes long. Inflation
 * stops one byte past `size`: more output than declared is refused without
 * ever being held.
 */
export function inflateContent(compressed: Uint8Array, size: number): Buffer {
  if (!Number.isSafeInteger(size) || size < 0) throw new ContentCodecError(`declared size ${size} is not a byte count`);
  if (compressed.length > maxCompressedSize(size)) {
    throw new ContentCodecError(`${compressed.length} compressed bytes for ${size} bytes of content`);
  }
  let out: Buffer;
  try {
    out = inflateRawSync(compressed, { maxOutputLength: size + 1 });
  } catch (err) {
    const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ContentCodecError(`inflates to more than the declared ${size} bytes`);
    throw new ContentCodecError(`not ${CONTENT_COMPRESSION} data: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (out.length !== size) throw new ContentCodecError(`inflates to ${out.length} bytes, not the declared ${size}`);
  return out;
}
