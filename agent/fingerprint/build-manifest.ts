// Assembles a manifest from what the sources produced. Pure.
import { comparePaths } from '../../common/path-bytes.js';
import type { FileEntry, HostFacts, Manifest, Package, PackageFileMismatch } from '../model.js';
import { merkleRoot } from '../../common/merkle.js';
import { comparePackages } from '../sources/packages/read-packages.js';

export interface ManifestParts {
  createdAt: Date;
  host: HostFacts;
  scannedPaths: readonly string[];
  ignored: readonly string[];
  files: FileEntry[];
  packages: Package[];
  packageMismatches: PackageFileMismatch[];
}

export function buildManifest(parts: ManifestParts): Manifest {
  return {
    formatVersion: 1,
    createdAt: parts.createdAt,
    host: parts.host,
    scannedPaths: [...parts.scannedPaths],
    ignored: [...parts.ignored],
    files: parts.files, // the walk emits manifest order already; merkleRoot verifies it
    packages: [...parts.packages].sort(comparePackages),
    packageMismatches: [...parts.packageMismatches].sort((a, b) => comparePaths(a.path, b.path)),
    merkleRoot: merkleRoot(parts.files),
  };
}
