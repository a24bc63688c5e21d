// File names are bytes, not text. Inside driftwatch a path is a JS string in
// which every byte that is not part of valid UTF-8 is carried as a lone low
// surrogate U+DC80..U+DCFF (PEP 383's "surrogateescape"). Valid UTF-8 never
// decodes to a lone surrogate, so the mapping is lossless and unambiguous, and
// JSON.stringify writes such a byte as "\udcXX". Protobuf carries the raw bytes.

const ESCAPE_BASE = 0xdc00;

function hasSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Decode raw name bytes into a path string, escaping bytes that are not valid UTF-8. */
export function decodePathBytes(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fast = buf.toString('utf8');
  // U+FFFD in the output means invalid input, or a genuine U+FFFD; both take the slow path.
  if (!fast.includes('\ufffd')) return fast;
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len > 0 && i + len <= buf.length) {
      const chunk = buf.subarray(i, i + len);
      const text = chunk.toString('utf8');
      // Accept only a sequence that decodes to one character and re-encodes to the same bytes
      // (rejects overlongs, surrogates and out-of-range code points).
      if (!text.includes('\ufffd') || (len === 3 && chunk[0] === 0xef && chunk[1] === 0xbf && chunk[2] === 0xbd)) {
        if (Buffer.from(text, 'utf8').equals(chunk)) {
          out += text;
          i += len;
          continue;
        }
      }
    }
    out += b < 0x80 ? String.fromCharCode(b) : String.fromCharCode(ESCAPE_BASE + b);
    i += 1;
  }
  return out;
}

/** Encode a path string back into the exact bytes it came from. */
export function encodePath(s: string): Buffer {
  if (!hasSurrogate(s)) return Buffer.from(s, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { i++; continue; } // a real astral character
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      parts.push(Buffer.from(s.slice(start, i), 'utf8'), Buffer.of(c - ESCAPE_BASE));
      start = i + 1;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      throw new RangeError(`path holds a lone surrogate U+${c.toString(16).toUpperCase()} that stands for no byte`);
    }
  }
  parts.push(Buffer.from(s.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** The argument to hand to node:fs for a path string: the string itself unless it carries raw bytes. */
export function fsPath(s: string): string | Buffer {
  return hasSurrogate(s) ? encodePath(s) : s;
}

/**
 * Manifest order: byte order of the path with "/" sorting before every other
 * byte, i.e. component by component. It makes a sorted manifest a depth-first
 * pre-order walk (a directory, then everything under it, then its next sibling).
 */
export function comparePaths(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    // Below the surrogate range, UTF-16 code unit order equals UTF-8 byte order;
    // at or above it (astral characters, escaped raw bytes) compare the bytes.
    if (ca >= 0xd800 || cb >= 0xd800) return compareBytes(encodePath(a), encodePath(b));
    return (ca === 0x2f ? -1 : ca) - (cb === 0x2f ? -1 : cb);
  }
  return a.length - b.length;
}

function compareBytes(a: Buffer, b: Buffer): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a[i]!;
    const cb = b[i]!;
    if (ca !== cb) return (ca === 0x2f ? -1 : ca) - (cb === 0x2f ? -1 : cb);
  }
  return a.length - b.length;
}

const SAFE = /^[A-Za-z0-9_@%+=:,./~-]+$/;
// $ and ` are escaped too, so a quoted path pasted into a shell expands nothing.
const C_ESCAPES: Record<string, string> = {
  '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', $: '\\$', '`': '\\`',
};

/**
 * A path for human text output: printed bare when it holds only shell-safe
 * characters, otherwise in double quotes with C escapes (\\, \", \$, \`, \n, \t, \r,
 * \xNN for control characters and for bytes that are not UTF-8). One line per
 * path, and no two paths print the same.
 */
export function quotePathForText(s: string): string {
  if (SAFE.test(s)) return s;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const esc = C_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (c >= 0xdc80 && c <= 0xdcff) out += `\\x${(c - ESCAPE_BASE).toString(16).padStart(2, '0')}`;
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
