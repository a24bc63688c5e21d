// Takes a fingerprint: files (hashed on the worker pool), packages, package
// integrity and host facts, assembled into a manifest. The side effects of a
// scan live here and in the sources; everything after is pure.
import { readPackages } from '../sources/packages/read-packages.js';
import { loadPackageExpectations } from '../integrity/package-expectations.js';
import { findMismatches } from '../integrity/verify-package-files.js';
import { readHostFacts } from '../sources/host-facts.js';
import { HashPool } from '../sources/files/hash-pool.js';
import { scanFiles, type ScanProgress } from '../sources/files/scan-files.js';
import { inScanPaths } from '../sources/files/walk.js';
import { buildManifest } from '../fingerprint/build-manifest.js';
import type { Manifest } from '../model.js';
import { ignoreMatcher } from './scan-options.js';

export interface FingerprintOptions {
  root: string;
  paths: readonly string[];
  ignore: readonly string[];
  onProgress?: (p: ScanProgress) => void;
}

export async function fingerprintHost(opts: FingerprintOptions): Promise<Manifest> {
  const createdAt = new Date();
  const hostFacts = readHostFacts(opts.root);
  const packages = readPackages(opts.root);
  const isIgnored = ignoreMatcher(opts.ignore);
  const inScope = inScanPaths(opts.paths);
  const expectations = loadPackageExpectations(opts.root, packages, (p) => inScope(p) && !isIgnored(p));
  const pool = new HashPool();
  try {
    const { files, digests } = await scanFiles({
      root: opts.root, paths: opts.paths, isIgnored, pool,
      digestFor: (path) => expectations.get(path)?.algorithm,
      ...(opts.onProgress === undefined ? {} : { onProgress: opts.onProgress }),
    });
    return buildManifest({
      createdAt, host: await hostFacts, scannedPaths: opts.paths, ignored: opts.ignore, files, packages,
      packageMismatches: findMismatches(files, expectations, digests),
    });
  } finally {
    await pool.close();
  }
}
