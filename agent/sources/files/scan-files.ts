// The files source: walk the tree and hash every regular file on the worker
// pool while the walk goes on. With `reuse` (a previous manifest's entries by
// path) a file whose inode, size, mtime and ctime are all unchanged keeps its
// previous hash and capabilities instead of being read again: any write to the
// content or to an xattr moves ctime, which user space cannot set back.
import type { FileEntry } from '../../model.js';
import type { DigestAlgorithm, HashJob } from './hash-protocol.js';
import type { HashPool } from './hash-pool.js';
import { hostPath, walk } from './walk.js';

export interface ScanProgress {
  entries: number;
  filesHashed: number;
  bytesHashed: number;
}

export interface ScanFilesOptions {
  root: string;
  paths: readonly string[];
  isIgnored: (path: string) => boolean;
  pool: HashPool;
  reuse?: ReadonlyMap<string, FileEntry>;
  /** Which package digest, if any, to compute alongside SHA-256 for a path. */
  digestFor?: (path: string) => DigestAlgorithm | undefined;
  onProgress?: (p: ScanProgress) => void;
}

export interface ScanFilesResult {
  files: FileEntry[];
  /** Package digests computed on the way, by path. */
  digests: Map<string, string>;
}

function unchanged(prev: FileEntry | undefined, cur: FileEntry): prev is FileEntry {
  return prev !== undefined && prev.type === 'file' && prev.error === '' && prev.inode === cur.inode &&
    prev.size === cur.size && prev.mtimeNs === cur.mtimeNs && prev.ctimeNs === cur.ctimeNs;
}

export async function scanFiles(opts: ScanFilesOptions): Promise<ScanFilesResult> {
  const files: FileEntry[] = [];
  const digests = new Map<string, string>();
  const progress: ScanProgress = { entries: 0, filesHashed: 0, bytesHashed: 0 };
  opts.pool.setResultHandler((r) => {
    const entry = files[r.id]!;
    if (++progress.filesHashed % 500 === 0) opts.onProgress?.(progress);
    if (r.error !== '') {
      entry.error = r.error;
      return;
    }
    if (r.stat !== undefined) Object.assign(entry, r.stat);
    progress.bytesHashed += entry.size;
    entry.sha256 = r.sha256;
    entry.capabilities = r.capabilities;
    if (r.digest !== '') digests.set(entry.path, r.digest);
  });
  await walk({
    root: opts.root,
    paths: opts.paths,
    isIgnored: opts.isIgnored,
    visit: (entry) => {
      const id = files.push(entry) - 1;
      progress.entries++;
      if (progress.entries % 1000 === 0) opts.onProgress?.(progress);
      if (entry.type !== 'file') return;
      const prev = opts.reuse?.get(entry.path);
      const digest = opts.digestFor?.(entry.path);
      if (unchanged(prev, entry) && digest === undefined) {
        entry.sha256 = prev.sha256;
        entry.capabilities = prev.capabilities;
        return;
      }
      const h = hostPath(opts.root, entry.path);
      const job: HashJob = { id, hostPath: h, sha256: true, size: entry.size };
      if (digest !== undefined) job.digest = digest;
      opts.pool.submit(job);
    },
  });
  await opts.pool.drain();
  opts.onProgress?.(progress);
  return { files, digests };
}

/** Compute only package digests for the given regular files (a second, small pass). */
export async function digestFiles(
  root: string, pool: HashPool, wanted: ReadonlyArray<{ path: string; size: number; algorithm: DigestAlgorithm }>,
): Promise<Map<string, string>> {
  const digests = new Map<string, string>();
  pool.setResultHandler((r) => {
    if (r.error === '') digests.set(wanted[r.id]!.path, r.digest);
  });
  wanted.forEach((w, id) => pool.submit({ id, hostPath: hostPath(root, w.path), sha256: false, digest: w.algorithm, size: w.size }));
  await pool.drain();
  return digests;
}
