// Checks a host against a baseline: rescan (re-hashing everything, or with
// `quick` only files whose inode/size/mtime/ctime moved), verify package files
// whose content or package version changed, and diff.
import { readPackages } from '../sources/packages/read-packages.js';
import { loadPackageExpectations } from '../integrity/package-expectations.js';
import { filesToReverify, findMismatches } from '../integrity/verify-package-files.js';
import { readHostFacts } from '../sources/host-facts.js';
import { HashPool } from '../sources/files/hash-pool.js';
import { digestFiles, scanFiles, type ScanProgress } from '../sources/files/scan-files.js';
import { inScanPaths } from '../sources/files/walk.js';
import { buildManifest } from '../fingerprint/build-manifest.js';
import { verifyMerkleRoot } from '../codec/load-manifest.js';
import type { PendingManifest } from '../codec/manifest-proto.js';
import { diff } from '../diff/diff.js';
import type { DriftEvent, FileEntry, Manifest, Package, PackageFileMismatch } from '../model.js';
import { ignoreMatcher } from './scan-options.js';

export interface CheckOptions {
  root: string;
  /**
   * The baseline, head decoded, files to follow; its Merkle root is verified
   * here. A full check decodes the files while the rescan hashes; a quick
   * check needs them first, for the hashes it reuses.
   */
  baseline: PendingManifest;
  /** Names the baseline in errors (its file name). */
  baselineSource: string;
  /** Paths to walk; the baseline's by default. */
  paths?: readonly string[];
  /** Extra ignore globs on top of the baseline's. */
  ignore: readonly string[];
  quick: boolean;
  /** Hash workers (default: one per core); the daemon's background rescans use one. */
  hashWorkers?: number;
  /** Cap on hashing throughput in bytes per second (0 or absent: none). */
  maxHashBytesPerS?: number;
  onProgress?: (p: ScanProgress) => void;
}

export interface CheckResult {
  current: Manifest;
  events: DriftEvent[];
}

function samePackages(a: readonly Package[], b: readonly Package[]): boolean {
  return a.length === b.length && a.every((p, i) => {
    const q = b[i]!;
    return p.manager === q.manager && p.name === q.name && p.arch === q.arch && p.version === q.version;
  });
}

/**
 * Package verdicts for the current files. When no file's type or content and no
 * package version moved, they are the baseline's and the package database is
 * not even read; otherwise only the files that moved are digested again.
 */
async function packageMismatches(
  root: string, paths: readonly string[], baseline: Manifest, pool: HashPool,
  files: FileEntry[], packages: Package[], before: ReadonlyMap<string, FileEntry>,
): Promise<PackageFileMismatch[]> {
  // A removed file changes the count; an added one has no baseline entry.
  const moved = files.length !== before.size || files.some((f) => {
    const prev = before.get(f.path);
    return prev === undefined || prev.type !== f.type || prev.sha256 !== f.sha256;
  });
  if (!moved && samePackages(baseline.packages, packages)) return baseline.packageMismatches;
  const expectations = loadPackageExpectations(root, packages, inScanPaths(paths));
  const { verified, pending } = filesToReverify(baseline, before, files, expectations);
  const wanted = pending.map((f) => ({ path: f.path, size: f.size, algorithm: expectations.get(f.path)!.algorithm }));
  const digests = await digestFiles(root, pool, wanted);
  return [...verified, ...findMismatches(files, expectations, digests)];
}

export async function checkHost(opts: CheckOptions): Promise<CheckResult> {
  const createdAt = new Date();
  const hostFacts = readHostFacts(opts.root);
  const packages = readPackages(opts.root);
  const pool = new HashPool(opts.hashWorkers, opts.maxHashBytesPerS);
  try {
    const { head } = opts.baseline;
    const ignore = [...new Set([...head.ignored, ...opts.ignore])];
    const isIgnored = ignoreMatcher(ignore);
    const paths = opts.paths ?? head.scannedPaths;
    const before = opts.quick ? new Map((await opts.baseline.complete).files.map((f) => [f.path, f])) : undefined;
    const [{ files }, baseline] = await Promise.all([
      scanFiles({
        root: opts.root, paths, isIgnored, pool,
        ...(before === undefined ? {} : { reuse: before }),
        ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
      }),
      opts.baseline.complete,
    ]);
    const byPath = before ?? new Map(baseline.files.map((f) => [f.path, f]));
    const current = buildManifest({
      createdAt, host: await hostFacts, scannedPaths: paths, ignored: ignore, files, packages,
      packageMismatches: await packageMismatches(opts.root, paths, baseline, pool, files, packages, byPath),
    });
    const events = diff(baseline, current, { isIgnored });
    // The baseline must hash to its stored root. With no events, every entry of
    // the baseline equals the current one in every attribute the root covers,
    // so equal roots prove it without hashing the baseline a second time.
    if (events.length > 0 || current.merkleRoot !== baseline.merkleRoot) verifyMerkleRoot(baseline, opts.baselineSource);
    return { current, events };
  } finally {
    await pool.close();
  }
}
