// A manifest as a driftwatch.v1.Manifest protobuf message.
import { decodePathBytes, encodePath } from '../../common/path-bytes.js';
import type { Manifest } from '../model.js';
import {
  InvalidField, fileFromProto, fileToProto, fromTimestamp, hostFromProto, mismatchFromProto, mismatchToProto,
  packageFromProto, pb, toTimestamp,
} from './proto-convert.js';

export function encodeManifest(m: Manifest): Uint8Array {
  return pb.Manifest.encode({
    formatVersion: m.formatVersion,
    createdAt: toTimestamp(BigInt(m.createdAt.getTime()) * 1_000_000n),
    host: m.host,
    scannedPaths: m.scannedPaths.map(encodePath),
    ignored: m.ignored,
    files: m.files.map(fileToProto),
    packages: m.packages,
    packageMismatches: m.packageMismatches.map(mismatchToProto),
    merkleRoot: Buffer.from(m.merkleRoot, 'hex'),
  }).finish();
}

/**
 * Decodes and validates a manifest. Throws InvalidField (or protobufjs's own
 * error for malformed wire data); the caller turns that into its error code.
 * The Merkle root is verified by the caller, which knows whether it wants to pay for it.
 */
export function decodeManifest(bytes: Uint8Array): Manifest {
  const m = pb.Manifest.decode(bytes);
  if (m.formatVersion !== 1) throw new InvalidField(`format_version is ${m.formatVersion}, expected 1`);
  if (m.merkleRoot.length !== 32) throw new InvalidField('merkle_root is not 32 bytes');
  return {
    formatVersion: 1,
    createdAt: new Date(Number(fromTimestamp(m.createdAt) / 1_000_000n)),
    host: hostFromProto(m.host),
    scannedPaths: m.scannedPaths.map(decodePathBytes),
    ignored: [...m.ignored],
    files: m.files.map(fileFromProto),
    packages: m.packages.map(packageFromProto),
    packageMismatches: m.packageMismatches.map(mismatchFromProto),
    merkleRoot: Buffer.from(m.merkleRoot).toString('hex'),
  };
}
