// Walks the configured paths under a root in manifest order (comparePaths):
// each directory's children are sorted, and the walk is depth-first pre-order.
// Symlinks are recorded, never followed; fifos, sockets and devices are
// recorded from lstat and never opened. Anything that cannot be read becomes
// an entry with an error, and the walk goes on.
import { lstatSync, readdirSync, readlinkSync, type BigIntStats } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { comparePaths, decodePathBytes, fsPath } from '../../../common/path-bytes.js';
import { describeFsError } from '../../../common/errors.js';
import type { FileEntry, FileType } from '../../model.js';

const YIELD_EVERY = 2000; // entries between event-loop turns, so hash results flow back during the walk

/** The host-side path of a path inside the root, in the form node:fs needs. */
export function hostPath(root: string, path: string): string | Buffer {
  const inside = fsPath(path);
  if (root === '/') return inside;
  return typeof inside === 'string' ? root + inside : Buffer.concat([Buffer.from(root, 'utf8'), inside]);
}

function fileType(st: BigIntStats): FileType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'dir';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'char';
  return 'block';
}

function entryFromStat(path: string, st: BigIntStats): FileEntry {
  return {
    path, type: fileType(st), mode: Number(st.mode & 0o7777n), uid: Number(st.uid), gid: Number(st.gid),
    size: st.isFile() ? Number(st.size) : st.isSymbolicLink() ? Number(st.size) : 0,
    mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs, inode: Number(st.ino),
    sha256: '', target: '', capabilities: '', error: '',
  };
}

function vanished(path: string, err: unknown): FileEntry {
  return {
    path, type: 'file', mode: 0, uid: 0, gid: 0, size: 0, mtimeNs: 0n, ctimeNs: 0n, inode: 0,
    sha256: '', target: '', capabilities: '', error: describeFsError(err),
  };
}

function listNames(dir: string | Buffer): string[] {
  const names = readdirSync(dir);
  // Node decodes names as UTF-8 and turns bad bytes into U+FFFD; re-read such a
  // directory as raw bytes so those names survive exactly.
  if (!names.some((n) => n.includes('\ufffd'))) return names;
  return readdirSync(dir, { encoding: 'buffer' }).map(decodePathBytes);
}

function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** Drop configured paths nested in another configured path, and sort the rest. */
export function normalizeScanPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths.map((p) => (p.length > 1 ? p.replace(/\/+$/, '') : p)))].sort(comparePaths);
  const kept: string[] = [];
  for (const p of sorted) {
    const last = kept[kept.length - 1];
    if (last !== undefined && (last === '/' || p.startsWith(`${last}/`))) continue;
    kept.push(p);
  }
  return kept;
}

/** Whether a path lies in one of the scan paths (at or under it). */
export function inScanPaths(paths: readonly string[]): (path: string) => boolean {
  const tops = normalizeScanPaths(paths);
  if (tops.includes('/')) return () => true;
  return (path) => tops.some((t) => path === t || path.startsWith(`${t}/`));
}

export interface WalkOptions {
  root: string;
  paths: readonly string[];
  isIgnored: (path: string) => boolean;
  /** Called for every entry, in manifest order. */
  visit: (entry: FileEntry) => void;
}

export async function walk(opts: WalkOptions): Promise<void> {
  let sinceYield = 0;
  for (const top of normalizeScanPaths(opts.paths)) {
    if (opts.isIgnored(top)) continue;
    const first = lstatSync(hostPath(opts.root, top), { bigint: true, throwIfNoEntry: false });
    if (first === undefined) continue; // a configured path that does not exist here
    const stack: string[] = [top];
    while (stack.length > 0) {
      const path = stack.pop()!;
      if (++sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
      const host = hostPath(opts.root, path);
      let st: BigIntStats;
      try {
        st = path === top ? first : lstatSync(host, { bigint: true });
      } catch (err) {
        opts.visit(vanished(path, err));
        continue;
      }
      const entry = entryFromStat(path, st);
      if (entry.type === 'symlink') {
        try {
          entry.target = decodePathBytes(readlinkSync(host, { encoding: 'buffer' }));
        } catch (err) {
          entry.error = describeFsError(err);
        }
      }
      opts.visit(entry);
      if (entry.type !== 'dir') continue;
      let names: string[];
      try {
        names = listNames(host);
      } catch (err) {
        entry.error = describeFsError(err);
        continue;
      }
      names.sort(comparePaths);
      for (let i = names.length - 1; i >= 0; i--) {
        const child = childPath(path, names[i]!);
        if (!opts.isIgnored(child)) stack.push(child);
      }
    }
  }
}
