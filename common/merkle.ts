// The Merkle root of a manifest follows the directory tree, so two manifests
// compare by one hash and, where they differ, by subtree. Specification (also in
// docs/manifest.md), all hashes SHA-256:
//   leaf(e)  = H(0x00 || type || mode u32 || uid u32 || gid u32 || size u64 ||
//                lp(sha256) || lp(target) || lp(capabilities) || lp(error))
//              where lp(x) = u32 length || bytes, integers big-endian, size is 0
//              except for regular files, sha256/capabilities are raw bytes;
//   node(f)  = leaf(f) for anything that is not a directory;
//   node(d)  = H(0x01 || leaf(d) || for each child c in manifest order:
//                u32 len(name) || name bytes || node(c))
//   A directory that is not in the manifest (an ancestor of a scanned path)
//   has 32 zero bytes as its leaf. The root is node("/").
// Times and inode are left out: they differ between identical hosts and a
// content-identical rewrite is not drift.
import { createHash, hash, type Hash } from 'node:crypto';
import type { FileEntry, FileType } from './file-entry.js';
import { comparePaths, fsPath } from './path-bytes.js';

const TYPE_CODE: Record<FileType, number> = { file: 1, dir: 2, symlink: 3, fifo: 4, socket: 5, char: 6, block: 7 };
const ZERO_LEAF = Buffer.alloc(32);
// One scratch buffer and a one-shot hash per leaf: a host has ~75,000 leaves,
// and a Hash object plus a Buffer per field would dominate the cost.
let scratch = Buffer.allocUnsafe(64 * 1024);

function ensure(bytes: number): void {
  if (scratch.length < bytes) scratch = Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2));
}

/** Write u32 length + bytes of s (path-bytes string, hex, or utf8 text) at off; returns the new offset. */
function putPrefixed(off: number, s: string, encoding: 'path' | 'hex' | 'utf8'): number {
  const bytes = encoding === 'path' ? fsPath(s) : s; // a string unless it carries raw bytes
  const text: BufferEncoding = encoding === 'hex' ? 'hex' : 'utf8';
  const max = typeof bytes === 'string' ? (text === 'hex' ? s.length / 2 : Buffer.byteLength(s, 'utf8')) : bytes.length;
  ensure(off + 4 + max);
  const n = typeof bytes === 'string' ? scratch.write(bytes, off + 4, text) : bytes.copy(scratch, off + 4);
  scratch.writeUInt32BE(n, off);
  return off + 4 + n;
}

export function leafHash(e: FileEntry): Buffer {
  scratch.writeUInt8(0, 0);
  scratch.writeUInt8(TYPE_CODE[e.type], 1);
  scratch.writeUInt32BE(e.mode, 2);
  scratch.writeUInt32BE(e.uid, 6);
  scratch.writeUInt32BE(e.gid, 10);
  const size = e.type === 'file' ? e.size : 0; // u64 as two u32s: no BigInt per leaf
  scratch.writeUInt32BE(Math.floor(size / 0x1_0000_0000), 14);
  scratch.writeUInt32BE(size >>> 0, 18);
  let off = putPrefixed(22, e.sha256, 'hex');
  off = putPrefixed(off, e.target, 'path');
  off = putPrefixed(off, e.capabilities, 'hex');
  off = putPrefixed(off, e.error, 'utf8');
  return hash('sha256', scratch.subarray(0, off), 'buffer') as unknown as Buffer;
}

interface Frame {
  path: string;
  hash: Hash;
}

function openFrame(path: string, leaf: Buffer): Frame {
  const hash = createHash('sha256');
  hash.update(Buffer.of(1));
  hash.update(leaf);
  return { path, hash };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function addChild(parent: Frame, childPath: string, node: Buffer): void {
  const off = putPrefixed(0, baseName(childPath), 'path');
  ensure(off + node.length);
  node.copy(scratch, off);
  parent.hash.update(scratch.subarray(0, off + node.length));
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function isUnder(path: string, dir: string): boolean {
  return dir === '/' ? path !== '/' : path.startsWith(`${dir}/`);
}

/**
 * Builds the root one entry at a time (in manifest order, absolute paths;
 * throws otherwise), so a caller can feed it from disk in pages and give the
 * event loop a turn between them.
 */
export class MerkleBuilder {
  private stack: Frame[] | undefined;
  private previous: FileEntry | undefined;

  add(e: FileEntry): void {
    if (this.stack === undefined) {
      if (e.path === '/' && e.type === 'dir') {
        this.stack = [openFrame('/', leafHash(e))];
        this.previous = e;
        return;
      }
      this.stack = [openFrame('/', ZERO_LEAF)];
    }
    const stack = this.stack;
    const previous = this.previous;
    if (!e.path.startsWith('/') || e.path.endsWith('/') || e.path.includes('//')) throw new Error(`path is not absolute and normal: ${JSON.stringify(e.path)}`);
    if (previous !== undefined && comparePaths(previous.path, e.path) >= 0) throw new Error(`entries out of order at ${JSON.stringify(e.path)}`);
    if (previous !== undefined && previous.type !== 'dir' && isUnder(e.path, previous.path)) throw new Error(`entry under a non-directory: ${JSON.stringify(e.path)}`);
    this.previous = e;
    const parent = parentOf(e.path);
    while (stack.length > 1 && !(parent === stack[stack.length - 1]!.path || isUnder(parent, stack[stack.length - 1]!.path))) {
      const done = stack.pop()!;
      addChild(stack[stack.length - 1]!, done.path, done.hash.digest());
    }
    // Open directories that are not in the manifest (ancestors of a scanned path).
    while (stack[stack.length - 1]!.path !== parent) {
      const top = stack[stack.length - 1]!.path;
      const rest = parent.slice(top === '/' ? 1 : top.length + 1);
      const next = rest.indexOf('/');
      const name = next < 0 ? rest : rest.slice(0, next);
      stack.push(openFrame(top === '/' ? `/${name}` : `${top}/${name}`, ZERO_LEAF));
    }
    if (e.type === 'dir') stack.push(openFrame(e.path, leafHash(e)));
    else addChild(stack[stack.length - 1]!, e.path, leafHash(e));
  }

  /** Hex root of everything added; the builder is spent afterwards. */
  digest(): string {
    const stack = this.stack ?? [openFrame('/', ZERO_LEAF)];
    while (stack.length > 1) {
      const done = stack.pop()!;
      addChild(stack[stack.length - 1]!, done.path, done.hash.digest());
    }
    return stack[0]!.hash.digest('hex');
  }
}

/** Hex Merkle root of files, which must be in manifest order with absolute paths; throws otherwise. */
export function merkleRoot(files: Iterable<FileEntry>): string {
  const builder = new MerkleBuilder();
  for (const e of files) builder.add(e);
  return builder.digest();
}
