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
import { createHash, type Hash } from 'node:crypto';
import { comparePaths, encodePath } from '../../common/path-bytes.js';
import type { FileEntry, FileType } from '../model.js';

const TYPE_CODE: Record<FileType, number> = { file: 1, dir: 2, symlink: 3, fifo: 4, socket: 5, char: 6, block: 7 };
const ZERO_LEAF = Buffer.alloc(32);

function lengthPrefixed(h: Hash, bytes: Buffer): void {
  const len = Buffer.allocUnsafe(4);
  len.writeUInt32BE(bytes.length);
  h.update(len);
  h.update(bytes);
}

export function leafHash(e: FileEntry): Buffer {
  const h = createHash('sha256');
  const fixed = Buffer.alloc(1 + 1 + 4 * 3 + 8);
  fixed.writeUInt8(0, 0);
  fixed.writeUInt8(TYPE_CODE[e.type], 1);
  fixed.writeUInt32BE(e.mode, 2);
  fixed.writeUInt32BE(e.uid, 6);
  fixed.writeUInt32BE(e.gid, 10);
  fixed.writeBigUInt64BE(e.type === 'file' ? BigInt(e.size) : 0n, 14);
  h.update(fixed);
  lengthPrefixed(h, Buffer.from(e.sha256, 'hex'));
  lengthPrefixed(h, encodePath(e.target));
  lengthPrefixed(h, Buffer.from(e.capabilities, 'hex'));
  lengthPrefixed(h, Buffer.from(e.error, 'utf8'));
  return h.digest();
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
  lengthPrefixed(parent.hash, encodePath(baseName(childPath)));
  parent.hash.update(node);
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

function isUnder(path: string, dir: string): boolean {
  return dir === '/' ? path !== '/' : path.startsWith(`${dir}/`);
}

/** Hex Merkle root of files, which must be in manifest order with absolute paths; throws otherwise. */
export function merkleRoot(files: readonly FileEntry[]): string {
  const first = files[0];
  const stack: Frame[] = [first?.path === '/' && first.type === 'dir' ? openFrame('/', leafHash(first)) : openFrame('/', ZERO_LEAF)];
  let previous: FileEntry | undefined;
  for (const e of files) {
    if (e.path === '/' && e === first) { previous = e; continue; }
    if (!e.path.startsWith('/') || e.path.endsWith('/') || e.path.includes('//')) throw new Error(`path is not absolute and normal: ${JSON.stringify(e.path)}`);
    if (previous !== undefined && comparePaths(previous.path, e.path) >= 0) throw new Error(`entries out of order at ${JSON.stringify(e.path)}`);
    if (previous !== undefined && previous.type !== 'dir' && isUnder(e.path, previous.path)) throw new Error(`entry under a non-directory: ${JSON.stringify(e.path)}`);
    previous = e;
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
  while (stack.length > 1) {
    const done = stack.pop()!;
    addChild(stack[stack.length - 1]!, done.path, done.hash.digest());
  }
  return stack[0]!.hash.digest('hex');
}
