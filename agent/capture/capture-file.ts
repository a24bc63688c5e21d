// Capturing one file's content: a regular file within the size bound, text
// (no NUL byte near its start, valid UTF-8), the very version the manifest
// entry hashed (else it changed while being read, and the next event carries
// it), redacted, compressed. Reads at most maxBytes + 1 bytes, whatever the
// file's size.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, readSync } from 'node:fs';
import { compressContent } from '../../common/content-codec.js';
import type { CapturedFile, CaptureSkipReason } from '../model.js';
import { openForScan } from '../sources/files/open-file.js';
import { hostPath } from '../sources/files/walk.js';
import { redactText } from './redact.js';

/** git's heuristic: a NUL byte among the first 8000 makes a file binary. */
const NUL_WINDOW = 8000;

export type CaptureOutcome = { content: CapturedFile } | { skip: CaptureSkipReason };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of bytes, or undefined for what is not text. */
export function textOf(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, NUL_WINDOW).includes(0)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The file's bytes if it is a regular file of at most `maxBytes`, or why not. */
function readBounded(root: string, path: string, maxBytes: number): Buffer | CaptureSkipReason {
  let fd: number;
  try {
    fd = openForScan(hostPath(root, path));
  } catch {
    return 'unreadable';
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return 'unreadable';
    if (st.size > maxBytes) return 'too_large';
    // One byte more than allowed: a file that grew since fstat is seen to be too large.
    const buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const got = readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
      if (n === buf.length) break;
    }
    if (n > maxBytes) return 'too_large';
    return buf.subarray(0, n);
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}

/** Content ready for the wire, from bytes already read. Exported for tests. */
export function capturedFrom(bytes: Buffer, sha256: string): CaptureOutcome {
  const text = textOf(bytes);
  if (text === undefined) return { skip: 'binary' };
  const { text: kept, redacted } = redactText(text);
  const out = redacted ? Buffer.from(kept, 'utf8') : bytes;
  return { content: { sha256, compressed: compressContent(out), size: out.length, redacted } };
}

/**
 * The file at `path` inside `root`, if it is still the version whose SHA-256
 * is `sha256` (hex): the content belongs to the entry that was reported.
 */
export function captureFile(root: string, path: string, sha256: string, maxBytes: number): CaptureOutcome {
  const bytes = readBounded(root, path, maxBytes);
  if (typeof bytes === 'string') return { skip: bytes };
  if (sha256 === '' || createHash('sha256').update(bytes).digest('hex') !== sha256) return { skip: 'unreadable' };
  return capturedFrom(bytes, sha256);
}
