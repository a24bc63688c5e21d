// Checks a host against a baseline: rescan (re-hashing everything, or with
// `quick` only files whose inode/size/mtime/ctime moved), verify package files
// whose content or package version changed, and diff.
import { readPackages } from '../sources/packages/read-packages.js';
import { loadPackageExpectations } from '../integrity/package-expectations.js';
import { filesToReverify, findMismatches } from '../integrity/verify-package-files.js';
import { readHostFacts } from '../sources/host-facts.js';
import { HashPool } from '../sources/files/hash-pool.js';
import { digestFiles, scanFiles, type ScanProgress } from '../sources/files/scan-files.js';
import { buildManifest } from '../fingerprint/build-manifest.js';
import { diff } from '../diff/diff.js';
import type { DriftEvent, Manifest } from '../model.js';
import { ignoreMatcher } from './scan-options.js';

export interface CheckOptions {
  root: string;
  baseline: Manifest;
  /** Paths to walk; the baseline's by default. */
  paths?: readonly string[];
  /** Extra ignore globs on top of the baseline's. */
  ignore: readonly string[];
  quick: boolean;
  onProgress?: (p: ScanProgress) => void;
}

export interface CheckResult {
  current: Manifest;
  events: DriftEvent[];
}

export async function checkHost(opts: CheckOptions): Promise<CheckResult> {
  const { baseline } = opts;
  const createdAt = new Date();
  const ignore = [...new Set([...baseline.ignored, ...opts.ignore])];
  const isIgnored = ignoreMatcher(ignore);
  const paths = opts.paths ?? baseline.scannedPaths;
  const hostFacts = readHostFacts(opts.root);
  const packages = readPackages(opts.root);
  const expectations = loadPackageExpectations(opts.root, packages);
  const pool = new HashPool();
  try {
    const { files } = await scanFiles({
      root: opts.root, paths, isIgnored, pool,
      ...(opts.quick ? { reuse: new Map(baseline.files.map((f) => [f.path, f])) } : {}),
      ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
    });
    const { verified, pending } = filesToReverify(baseline, files, expectations);
    const wanted = pending.map((f) => ({ path: f.path, size: f.size, algorithm: expectations.get(f.path)!.algorithm }));
    const digests = await digestFiles(opts.root, pool, wanted);
    const current = buildManifest({
      createdAt, host: await hostFacts, scannedPaths: paths, ignored: ignore, files, packages,
      packageMismatches: [...verified, ...findMismatches(files, expectations, digests)],
    });
    return { current, events: diff(baseline, current, { isIgnored }) };
  } finally {
    await pool.close();
  }
}
