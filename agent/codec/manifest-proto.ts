// A manifest as a driftwatch.v1.Manifest protobuf message. Files are encoded
// and decoded one entry at a time: a host manifest has ~75,000 of them, and
// building the whole message tree at once would cost ~100 MB of short-lived
// objects. The bytes are the standard encoding (a repeated field's records may
// follow the other fields; protobuf parsers merge them).
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import $protobuf from 'protobufjs/minimal.js';
import { decodePathBytes, encodePath } from '../../common/path-bytes.js';
import { topLevelFields } from '../../common/protobuf-fields.js';
import type { FileEntry, Manifest } from '../model.js';
import {
  InvalidField, fileFromProto, fileToProto, fromTimestamp, hostFromProto, mismatchFromProto, mismatchToProto,
  packageFromProto, pb, toTimestamp,
} from './proto-convert.js';

const FILES_FIELD = 5;
const FILES_TAG = (FILES_FIELD << 3) | 2; // length-delimited

export function encodeManifest(m: Manifest): Uint8Array {
  const head = pb.Manifest.encode({
    formatVersion: m.formatVersion,
    createdAt: toTimestamp(BigInt(m.createdAt.getTime()) * 1_000_000n),
    host: m.host,
    scannedPaths: m.scannedPaths.map(encodePath),
    ignored: m.ignored,
    packages: m.packages,
    packageMismatches: m.packageMismatches.map(mismatchToProto),
    merkleRoot: Buffer.from(m.merkleRoot, 'hex'),
  }).finish();
  // Entries go straight into one growing buffer: a list of 150,000 small
  // chunks, or one Writer holding every field, would cost several times the output.
  let out = Buffer.allocUnsafe(head.length + m.files.length * 160);
  let used = head.length;
  out.set(head, 0);
  for (const f of m.files) {
    const body = pb.FileEntry.encode(fileToProto(f)).finish();
    const prefix = $protobuf.Writer.create().uint32(FILES_TAG).uint32(body.length).finish();
    if (used + prefix.length + body.length > out.length) {
      const bigger = Buffer.allocUnsafe(Math.max(out.length * 2, used + prefix.length + body.length));
      out.copy(bigger, 0, 0, used);
      out = bigger;
    }
    out.set(prefix, used);
    out.set(body, used + prefix.length);
    used += prefix.length + body.length;
  }
  return out.subarray(0, used);
}

const YIELD_EVERY = 2000; // entries between event-loop turns, so hash workers keep getting work

/** A manifest whose head (everything but files) is decoded, and whose files follow. */
export interface PendingManifest {
  head: Omit<Manifest, 'files'>;
  complete: Promise<Manifest>;
}

/**
 * Decodes and validates a manifest. The head is decoded at once (one pass that
 * skips over file records); the files are decoded afterwards, giving the event
 * loop a turn every few thousand entries, so that check can decode a baseline
 * while its rescan is hashing. Throws InvalidField (or protobufjs's own error
 * for malformed wire data), synchronously for the head, as a rejection for files.
 * The Merkle root is verified by the caller (load-manifest.ts).
 */
export function decodeManifest(bytes: Uint8Array): PendingManifest {
  const headParts: Uint8Array[] = [];
  const records: number[] = []; // start, end of each file record: offsets cost less than 75,000 views
  for (const f of topLevelFields(bytes)) {
    if (f.field === FILES_FIELD && f.wireType === 2) records.push(f.valueStart, f.end);
    else headParts.push(bytes.subarray(f.start, f.end));
  }
  const m = pb.Manifest.decode(Buffer.concat(headParts));
  if (m.formatVersion !== 1) throw new InvalidField(`format_version is ${m.formatVersion}, expected 1`);
  if (m.merkleRoot.length !== 32) throw new InvalidField('merkle_root is not 32 bytes');
  const head: Omit<Manifest, 'files'> = {
    formatVersion: 1,
    createdAt: new Date(Number(fromTimestamp(m.createdAt) / 1_000_000n)),
    host: hostFromProto(m.host),
    scannedPaths: m.scannedPaths.map(decodePathBytes),
    ignored: [...m.ignored],
    packages: m.packages.map(packageFromProto),
    packageMismatches: m.packageMismatches.map(mismatchFromProto),
    merkleRoot: Buffer.from(m.merkleRoot).toString('hex'),
  };
  return { head, complete: decodeFiles(bytes, records).then((files) => ({ ...head, files })) };
}

async function decodeFiles(bytes: Uint8Array, records: readonly number[]): Promise<FileEntry[]> {
  const files: FileEntry[] = [];
  for (let i = 0; i < records.length; i += 2) {
    files.push(fileFromProto(pb.FileEntry.decode(bytes.subarray(records[i], records[i + 1]))));
    if (files.length % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  return files;
}
