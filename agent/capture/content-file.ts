// The baseline's captured contents in the state directory, waiting to be
// uploaded: a file that is one long ContentUpload message (each record is
// field 1, length-delimited). Written one record at a time by the seal child,
// read one batch at a time by the daemon: a batch is a byte range of whole
// records, itself a valid ContentUpload body, so no content is decoded or
// held beyond the batch being sent.
import { closeSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { driftwatch } from '../../proto/gen/driftwatch.js';

/** Appends records to a temporary file; commit() renames it into place, synced. */
export class ContentFileWriter {
  private readonly tmp: string;
  private readonly fd: number;
  records = 0;

  constructor(private readonly file: string) {
    this.tmp = `${file}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w', 0o600);
  }

  append(content: driftwatch.v1.ICapturedContent): void {
    // ContentUpload{contents: [c]} is exactly one record: tag, length, bytes.
    const record = driftwatch.v1.ContentUpload.encode({ contents: [content] }).finish();
    for (let off = 0; off < record.length;) off += writeSync(this.fd, record, off, record.length - off);
    this.records++;
  }

  commit(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.file);
    const dir = openSync(dirname(this.file), 'r');
    try { fsyncSync(dir); } finally { closeSync(dir); }
  }

  abort(): void {
    try { closeSync(this.fd); } catch { /* already closed */ }
    try { unlinkSync(this.tmp); } catch { /* already gone */ }
  }
}

/** Length of the record header at `buf` (tag 0x0a, varint length) and the record's length. */
function recordHeader(buf: Buffer, file: string, at: number): { header: number; length: number } {
  if (buf[0] !== 0x0a) throw new Error(`${file}: no record at byte ${at}`);
  let length = 0;
  for (let i = 1; i < buf.length && i <= 5; i++) {
    const b = buf[i]!;
    length += (b & 0x7f) * 2 ** (7 * (i - 1));
    if ((b & 0x80) === 0) return { header: i + 1, length };
  }
  throw new Error(`${file}: bad record length at byte ${at}`);
}

/**
 * The file's records as request bodies of at most `maxBytes` each (a single
 * larger record alone) and at most `maxRecords` records.
 */
export function* contentBatches(file: string, maxBytes: number, maxRecords: number): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(6);
    let start = 0;
    let end = 0;
    let count = 0;
    for (;;) {
      const got = readSync(fd, head, 0, head.length, end);
      const next = got === 0 ? undefined : recordHeader(head.subarray(0, got), file, end);
      const size = next === undefined ? 0 : next.header + next.length;
      if (count > 0 && (next === undefined || end + size - start > maxBytes || count >= maxRecords)) {
        const body = Buffer.alloc(end - start);
        if (readSync(fd, body, 0, body.length, start) !== body.length) throw new Error(`${file}: shorter than its records`);
        yield body;
        start = end;
        count = 0;
      }
      if (next === undefined) return;
      end += size;
      count++;
    }
  } finally {
    closeSync(fd);
  }
}
