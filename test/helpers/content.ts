// Captured content for collector tests (as an agent sends it), and a look at
// what the collector's database holds of contents.
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { inflateContent } from '../../common/content-codec.js';
import type { driftwatch } from '../../proto/gen/driftwatch.js';

export const sha256 = (s: string | Buffer): Buffer => createHash('sha256').update(s).digest();

/** A CapturedContent of `text`; `original` is the file on disk when the text is its redaction. */
export function captured(text: string, original?: string): driftwatch.v1.ICapturedContent {
  return { sha256: sha256(original ?? text), compressed: deflateRawSync(text), size: Buffer.byteLength(text), redacted: original !== undefined };
}

export interface StoredContents {
  /** Every stored content, inflated. */
  contents: string[];
  events: Array<{ host_id: string; seq: number }>;
  baseline: Array<{ host_id: string; path: string }>;
}

/** What the collector's SQLite file holds of captured content (read-only, beside the running collector). */
export function storedContents(dbFile: string): StoredContents {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare<[], { compressed: Buffer; size: number }>('SELECT compressed, size FROM contents ORDER BY hash').all();
    return {
      contents: rows.map((r) => inflateContent(r.compressed, r.size).toString('utf8')),
      events: db.prepare<[], { host_id: string; seq: number }>('SELECT host_id, seq FROM event_contents ORDER BY host_id, seq').all(),
      baseline: db.prepare<[], { host_id: string; path: string }>('SELECT host_id, path FROM baseline_contents ORDER BY host_id, path').all(),
    };
  } finally {
    db.close();
  }
}
