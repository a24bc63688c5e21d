// Decoding agent messages: protobufjs for the structure, and explicit bounds
// on every field that crosses the wire, so a malformed or oversized message
// becomes a 4xx with a code instead of a crash or an unbounded allocation.
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { DriftwatchError } from '../../common/errors.js';


export const pb = driftwatch.v1;

export const LIMITS = {
  shortString: 256,
  pathBytes: 4096,
  detail: 4096,
  labels: 64,
} as const;

export function decodeOrReject<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (err) {
    if (err instanceof DriftwatchError) throw err; // a bound or rule broken while decoding keeps its own code
    throw new DriftwatchError('COLLECTOR_INGEST_DECODE', `body is not a driftwatch.v1.${what}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function invalid(message: string): DriftwatchError {
  return new DriftwatchError('COLLECTOR_INGEST_INVALID', message);
}

export function boundedString(value: string | null | undefined, field: string, max: number = LIMITS.shortString): string {
  const s = value ?? '';
  if (s.length > max) throw invalid(`${field} is longer than ${max} characters`);
  return s;
}

export function boundedBytes(value: Uint8Array | null | undefined, field: string, max: number): Buffer {
  const b = value ?? new Uint8Array();
  if (b.length > max) throw invalid(`${field} is longer than ${max} bytes`);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

function readVarint(buf: Uint8Array, pos: number): [number, number] {
  let value = 0;
  for (let shift = 0; shift < 64; shift += 7) {
    if (pos >= buf.length) throw invalid('truncated varint');
    const b = buf[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
  }
  throw invalid('varint too long');
}

/**
 * The raw bytes of each record of a repeated message field (field 1 of an
 * EventBatch): the hash chain is computed over an event's bytes as sent.
 * Other fields are refused: a batch holds events and nothing else.
 */
export function repeatedRecords(body: Uint8Array, field: number, maxRecords: number): Uint8Array[] {
  const records: Uint8Array[] = [];
  let pos = 0;
  while (pos < body.length) {
    const [tag, afterTag] = readVarint(body, pos);
    if (tag !== ((field << 3) | 2)) throw new DriftwatchError('COLLECTOR_INGEST_DECODE', `unexpected field ${tag >> 3} (wire type ${tag & 7})`);
    const [len, start] = readVarint(body, afterTag);
    if (start + len > body.length) throw new DriftwatchError('COLLECTOR_INGEST_DECODE', 'truncated record');
    if (records.length >= maxRecords) throw invalid(`more than ${maxRecords} records in one batch`);
    records.push(body.subarray(start, start + len));
    pos = start + len;
  }
  return records;
}
