// Decoding agent messages: protobufjs for the structure, and explicit bounds
// on every field that crosses the wire, so a malformed or oversized message
// becomes a 4xx with a code instead of a crash or an unbounded allocation.
import type { FastifyRequest } from 'fastify';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { DriftwatchError } from '../../common/errors.js';
import { topLevelFields } from '../../common/protobuf-fields.js';


export const pb = driftwatch.v1;

export const PROTOBUF = 'application/x-protobuf';

/** The raw body of an agent request; anything but application/x-protobuf is refused. */
export function bodyOf(req: FastifyRequest): Buffer {
  if (!Buffer.isBuffer(req.body)) throw new DriftwatchError('COLLECTOR_INGEST_CONTENT_TYPE', `send ${PROTOBUF}`);
  return req.body;
}

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

/**
 * The raw bytes of each record of a repeated message field (field 1 of an
 * EventBatch): the hash chain is computed over an event's bytes as sent.
 * Other fields are refused: a batch holds events and nothing else.
 */
export function repeatedRecords(body: Uint8Array, field: number, maxRecords: number): Uint8Array[] {
  const records: Uint8Array[] = [];
  for (const f of topLevelFields(body)) {
    if (f.field !== field || f.wireType !== 2) throw new DriftwatchError('COLLECTOR_INGEST_DECODE', `unexpected field ${f.field} (wire type ${f.wireType})`);
    if (records.length >= maxRecords) throw invalid(`more than ${maxRecords} records in one message`);
    records.push(body.subarray(f.valueStart, f.end));
  }
  return records;
}

/**
 * A manifest's head (everything but its file entries) and the number of
 * entries, without decoding the entries: a host's manifest holds ~75,000 of
 * them, and the collector keeps the bytes, not the objects.
 */
export function manifestHead(bytes: Uint8Array, maxFiles: number): { head: driftwatch.v1.Manifest; files: number } {
  const FILES_FIELD = 5;
  const parts: Uint8Array[] = [];
  let files = 0;
  for (const f of topLevelFields(bytes)) {
    if (f.field === FILES_FIELD && f.wireType === 2) {
      if (++files > maxFiles) throw invalid(`manifest has more than ${maxFiles} entries`);
    } else {
      parts.push(bytes.subarray(f.start, f.end));
    }
  }
  return { head: pb.Manifest.decode(Buffer.concat(parts)), files };
}
