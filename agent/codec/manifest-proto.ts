// A manifest as a driftwatch.v1.Manifest protobuf message. Files are encoded
// and decoded one entry at a time: a host manifest has ~75,000 of them, and
// building the whole message tree at once would cost ~100 MB of short-lived
// objects. The bytes are the standard encoding (a repeated field's records may
// follow the other fields; protobuf parsers merge them).
import $protobuf from 'protobufjs/minimal.js';
import { decodePathBytes, encodePath } from '../../common/path-bytes.js';
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

/**
 * Decodes and validates a manifest. Throws InvalidField (or protobufjs's own
 * error for malformed wire data); the caller turns that into its error code.
 * The Merkle root is verified by the caller (load-manifest.ts).
 */
export function decodeManifest(bytes: Uint8Array): Manifest {
  const reader = $protobuf.Reader.create(bytes);
  const headParts: Uint8Array[] = [];
  const files: FileEntry[] = [];
  while (reader.pos < reader.len) {
    const start = reader.pos;
    const tag = reader.uint32();
    if (tag === FILES_TAG) {
      const length = reader.uint32();
      files.push(fileFromProto(pb.FileEntry.decode(reader, length)));
    } else {
      reader.skipType(tag & 7);
      headParts.push(bytes.subarray(start, reader.pos));
    }
  }
  const m = pb.Manifest.decode(Buffer.concat(headParts));
  if (m.formatVersion !== 1) throw new InvalidField(`format_version is ${m.formatVersion}, expected 1`);
  if (m.merkleRoot.length !== 32) throw new InvalidField('merkle_root is not 32 bytes');
  return {
    formatVersion: 1,
    createdAt: new Date(Number(fromTimestamp(m.createdAt) / 1_000_000n)),
    host: hostFromProto(m.host),
    scannedPaths: m.scannedPaths.map(decodePathBytes),
    ignored: [...m.ignored],
    files,
    packages: m.packages.map(packageFromProto),
    packageMismatches: m.packageMismatches.map(mismatchFromProto),
    merkleRoot: Buffer.from(m.merkleRoot).toString('hex'),
  };
}
