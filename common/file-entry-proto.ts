// FileEntry <-> protobuf, shared by the agent (its manifests) and the
// collector (recomputing an uploaded baseline's Merkle root). Decoding
// validates every field: a manifest is input like any other.
import { driftwatch, google } from '../proto/gen/driftwatch.js';
import { FILE_TYPES, type FileEntry, type FileType } from './file-entry.js';
import { decodePathBytes, encodePath } from './path-bytes.js';

const TYPES: readonly FileType[] = FILE_TYPES;

export class InvalidField extends Error {}

export function check(ok: boolean, what: string): void {
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
