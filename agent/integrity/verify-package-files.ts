// Package integrity: compare package-owned files with the package database's
// own checksums (like debsums), so a binary tampered with before the baseline
// is listed instead of sealed silently. Pure functions over scan results; the
// digests themselves are computed by the hash workers.
import { comparePaths } from '../../common/path-bytes.js';
import type { FileEntry, Manifest, PackageFileMismatch } from '../model.js';
import type { Expectation } from './package-expectations.js';

/** Mismatches among the scanned files that have an expectation and a computed digest. */
export function findMismatches(
  files: readonly FileEntry[], expectations: ReadonlyMap<string, Expectation>, digests: ReadonlyMap<string, string>,
): PackageFileMismatch[] {
  const out: PackageFileMismatch[] = [];
  for (const f of files) {
    const exp = expectations.get(f.path);
    if (exp === undefined || f.error !== '') continue; // unreadable files are reported as errors already
    if (f.type !== 'file') {
      out.push({ path: f.path, package: exp.package, algorithm: exp.algorithm, expected: exp.expected, actual: '' });
      continue;
    }
    const actual = digests.get(f.path);
    if (actual !== undefined && actual !== exp.expected) {
      out.push({ path: f.path, package: exp.package, algorithm: exp.algorithm, expected: exp.expected, actual });
    }
  }
  return out.sort((a, b) => comparePaths(a.path, b.path));
}

function packageKey(p: { manager: string; name: string; arch: string }): string {
  return `${p.manager}\0${p.name}\0${p.arch}`;
}

/**
 * For a check against a baseline: which package-owned files need their digest
 * computed again. A file whose content hash is the baseline's, owned by the same
 * package version, has the baseline's verdict; only the rest are re-read.
 */
export function filesToReverify(
  baseline: Manifest, before: ReadonlyMap<string, FileEntry>, files: readonly FileEntry[],
  expectations: ReadonlyMap<string, Expectation>,
): { verified: PackageFileMismatch[]; pending: FileEntry[] } {
  const versions = new Map(baseline.packages.map((p) => [packageKey(p), p.version]));
  const oldMismatch = new Map(baseline.packageMismatches.map((m) => [m.path, m]));
  const verified: PackageFileMismatch[] = [];
  const pending: FileEntry[] = [];
  for (const f of files) {
    const exp = expectations.get(f.path);
    if (exp === undefined || f.error !== '' || f.type !== 'file') continue;
    const prev = before.get(f.path);
    const sameContent = prev !== undefined && prev.type === 'file' && prev.sha256 === f.sha256 && f.sha256 !== '';
    const sameVersion = versions.get(packageKey(exp.package)) === exp.package.version;
    if (!sameContent || !sameVersion) {
      pending.push(f);
      continue;
    }
    const old = oldMismatch.get(f.path);
    if (old !== undefined && old.expected === exp.expected) verified.push(old);
  }
  return { verified, pending };
}
