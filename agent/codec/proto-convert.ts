// Conversions between the agent's model and the generated protobuf types.
// Decoding validates every field: a baseline file is input like any other.
import { driftwatch, google } from '../../proto/gen/driftwatch.js';
import { decodePathBytes, encodePath } from '../../common/path-bytes.js';
import type { FileEntry, FileType, HostFacts, Package, PackageFileMismatch, PackageManager } from '../model.js';
import { FILE_TYPES, PACKAGE_MANAGERS } from '../model.js';


const pb = driftwatch.v1;
const TYPES: readonly FileType[] = FILE_TYPES;
const MANAGERS: readonly PackageManager[] = PACKAGE_MANAGERS;

export class InvalidField extends Error {}

function check(ok: boolean, what: string): void {
  if (!ok) throw new InvalidField(what);
}

const NS = 1_000_000_000n;

export function toTimestamp(ns: bigint): google.protobuf.ITimestamp {
  // Floor division, so times before 1970 keep 0 <= nanos < 1e9 as the well-known type requires.
  let seconds = ns / NS;
  let nanos = ns % NS;
  if (nanos < 0n) { nanos += NS; seconds -= 1n; }
  return { seconds: Number(seconds), nanos: Number(nanos) };
}

export function fromTimestamp(t: google.protobuf.ITimestamp | null | undefined): bigint {
  if (t === null || t === undefined) return 0n;
  const seconds = Number(t.seconds ?? 0);
  const nanos = t.nanos ?? 0;
  check(Number.isSafeInteger(seconds) && Number.isInteger(nanos) && nanos >= 0 && nanos < 1e9, 'timestamp out of range');
  return BigInt(seconds) * NS + BigInt(nanos);
}

export function fileToProto(f: FileEntry): driftwatch.v1.IFileEntry {
  return {
    path: encodePath(f.path), type: TYPES.indexOf(f.type) + 1, mode: f.mode, uid: f.uid, gid: f.gid, size: f.size,
    mtime: toTimestamp(f.mtimeNs), ctime: toTimestamp(f.ctimeNs), inode: f.inode,
    sha256: Buffer.from(f.sha256, 'hex'), target: encodePath(f.target),
    capabilities: Buffer.from(f.capabilities, 'hex'), error: f.error,
  };
}

function u32(n: number | null | undefined, what: string): number {
  const v = n ?? 0;
  check(Number.isInteger(v) && v >= 0 && v <= 0xffffffff, `${what} out of range`);
  return v;
}

/** A view of decoded bytes as a Buffer, without copying them. */
function view(u8: Uint8Array | null | undefined): Buffer {
  return u8 === null || u8 === undefined ? Buffer.alloc(0) : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

export function fileFromProto(p: driftwatch.v1.IFileEntry): FileEntry {
  const type = TYPES[(p.type ?? 0) - 1];
  const path = decodePathBytes(view(p.path));
  check(type !== undefined, `unknown file type ${p.type ?? 0} at ${JSON.stringify(path)}`);
  const sha = view(p.sha256);
  check(sha.length === 0 || sha.length === 32, `sha256 of ${JSON.stringify(path)} is not 32 bytes`);
  check((p.error ?? '').length <= 4096, 'error text too long');
  return {
    path, type: type!, mode: u32(p.mode, 'mode'), uid: u32(p.uid, 'uid'), gid: u32(p.gid, 'gid'),
    size: Number(p.size ?? 0), mtimeNs: fromTimestamp(p.mtime), ctimeNs: fromTimestamp(p.ctime), inode: Number(p.inode ?? 0),
    sha256: sha.toString('hex'), target: decodePathBytes(view(p.target)),
    capabilities: view(p.capabilities).toString('hex'), error: p.error ?? '',
  };
}

export function packageFromProto(p: driftwatch.v1.IPackage | null | undefined): Package {
  const manager = p?.manager ?? '';
  check((MANAGERS as readonly string[]).includes(manager), `unknown package manager ${JSON.stringify(manager)}`);
  check((p?.name ?? '') !== '', 'package without a name');
  return { manager: manager as PackageManager, name: p?.name ?? '', version: p?.version ?? '', arch: p?.arch ?? '' };
}

export function mismatchToProto(m: PackageFileMismatch): driftwatch.v1.IPackageFileMismatch {
  return { path: encodePath(m.path), package: m.package, algorithm: m.algorithm, expected: m.expected, actual: m.actual };
}

export function mismatchFromProto(p: driftwatch.v1.IPackageFileMismatch): PackageFileMismatch {
  const algorithm = p.algorithm ?? '';
  check(algorithm === 'md5' || algorithm === 'sha1', `unknown digest algorithm ${JSON.stringify(algorithm)}`);
  return {
    path: decodePathBytes(p.path ?? new Uint8Array()), package: packageFromProto(p.package),
    algorithm: algorithm as 'md5' | 'sha1', expected: p.expected ?? '', actual: p.actual ?? '',
  };
}

export function hostFromProto(h: driftwatch.v1.IHostFacts | null | undefined): HostFacts {
  return {
    hostname: h?.hostname ?? '', machineId: h?.machineId ?? '', bootId: h?.bootId ?? '', instanceId: h?.instanceId ?? '',
    imageId: h?.imageId ?? '', os: h?.os ?? '', kernel: h?.kernel ?? '', arch: h?.arch ?? '', labels: { ...(h?.labels ?? {}) },
  };
}

export { pb };
