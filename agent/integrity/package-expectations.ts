// What package-owned files should contain, according to the package databases
// themselves: dpkg's per-package md5sums lists and apk's per-file SHA-1s. Like
// debsums without -a, conffiles are left out (dpkg keeps their sums elsewhere and
// admins are meant to edit them). Each expectation is keyed by where the file
// really lives inside the root: directory symlinks resolved (merged /usr) and
// dpkg diversions applied, so a checker can look the path up directly.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePathBytes } from '../../common/path-bytes.js';
import type { Package } from '../model.js';
import { readApkRecords, type ApkRecord } from '../sources/packages/apk-installed.js';
import { createRootResolver, type RootResolver } from './root-resolve.js';

export interface Expectation {
  package: Package;
  algorithm: 'md5' | 'sha1';
  /** Lowercase hex digest of the file's content. */
  expected: string;
}

export interface PackageExpectations {
  /** Keyed by the absolute path inside the root where the file actually lives. */
  expectations: Map<string, Expectation>;
  /** md5sums lines that could not be parsed and were skipped. */
  malformedLines: number;
  /** Files listed again (by a later package) at an already claimed path; the first claim is kept. */
  duplicatePaths: number;
  /** Files whose directory is missing from the root; they are keyed by their listed path. */
  missingDirs: number;
  /** md5sums files that exist but could not be read (e.g. EACCES). */
  unreadableLists: number;
}

/** A dpkg diversion: files other packages ship at the original path are installed at `to`. */
export interface Diversion {
  to: string;
  /** The diverting package, or ":" for a local (admin-made) diversion. */
  by: string;
}

const DPKG_INFO_DIR = 'var/lib/dpkg/info';
const DPKG_DIVERSIONS_PATH = 'var/lib/dpkg/diversions';

/** `keep` limits the map to the paths a scan covers: a host lists ~95,000 package files, and each costs memory. */
export type PathFilter = (path: string) => boolean;

export function loadPackageExpectations(root: string, packages: Package[], keep?: PathFilter): Map<string, Expectation> {
  return loadPackageExpectationsWithStats(root, packages, keep).expectations;
}

/** loadPackageExpectations plus the counts a caller should report (skipped lines, conflicts). */
export function loadPackageExpectationsWithStats(root: string, packages: Package[], keep?: PathFilter): PackageExpectations {
  const result: PackageExpectations = {
    expectations: new Map(), malformedLines: 0, duplicatePaths: 0, missingDirs: 0, unreadableLists: 0,
  };
  const claim = makeClaimer(result, createRootResolver(root), keep);
  const hasDpkg = packages.some((p) => p.manager === 'dpkg');
  const md5sumsFiles = hasDpkg ? listMd5sums(root) : new Set<string>();
  const diversions = hasDpkg ? readDpkgDiversions(root) : new Map<string, Diversion>();
  let apk: Map<string, ApkRecord> | undefined;

  // Packages are visited last to first and every claim overwrites, so the first package's
  // claim on a path is the one left standing, at one hash lookup per file instead of two.
  for (let i = packages.length - 1; i >= 0; i--) {
    const pkg = packages[i]!;
    if (pkg.manager === 'dpkg') {
      const text = readMd5sums(root, pkg, md5sumsFiles, result);
      if (text === undefined) continue;
      result.malformedLines += eachMd5sumsEntry(text, (listed, md5) => {
        const diversion = diversions.get(listed);
        // A diversion moves other packages' copies of the file; the diverting package's own copy
        // stays put. A local diversion (":") moves every package's copy.
        const path = diversion !== undefined && diversion.by !== pkg.name ? diversion.to : listed;
        claim(path, { package: pkg, algorithm: 'md5', expected: md5 });
      });
    } else if (pkg.manager === 'apk') {
      apk ??= new Map(readApkRecords(root).map((r) => [r.package.name, r]));
      const record = apk.get(pkg.name);
      if (record === undefined || record.package.arch !== pkg.arch) continue;
      for (const file of record.files) {
        // apk's checksum of a symlink is the SHA-1 of its link text: nothing a content check can use.
        if (file.symlink) continue;
        claim(file.path, { package: pkg, algorithm: 'sha1', expected: file.sha1 });
      }
    }
    // rpm: no expectations yet; its file digests need a further query and are usually
    // SHA-256, which Expectation's algorithms do not cover.
  }
  return result;
}

/**
 * Records each expectation at the real location of its listed path, replacing an earlier
 * claim (counted as a duplicate). Files of one directory come in runs, so the last
 * directory's resolution is remembered before asking the resolver's own cache.
 */
function makeClaimer(
  result: PackageExpectations, resolver: RootResolver, keep: PathFilter | undefined,
): (listed: string, exp: Expectation) => void {
  let lastDir = '';
  let lastReal: string | undefined;
  return (listed, exp) => {
    const slash = listed.lastIndexOf('/');
    const dir = slash <= 0 ? '/' : listed.slice(0, slash);
    if (dir !== lastDir) {
      lastDir = dir;
      lastReal = resolver.resolveDir(dir);
    }
    let path = listed;
    if (lastReal === undefined) result.missingDirs++;
    // Most directories are their own real location; only rebuild the path when one is not.
    else if (lastReal !== dir) path = lastReal === '/' ? listed.slice(slash) : lastReal + listed.slice(slash);
    if (keep !== undefined && !keep(path)) return;
    const size = result.expectations.size;
    if (result.expectations.set(path, exp).size === size) result.duplicatePaths++;
  };
}

/**
 * The package's md5sums text, or undefined when it has none. dpkg names the file
 * "<name>:<arch>.md5sums" for Multi-Arch: same packages (several architectures of them
 * can be installed at once) and "<name>.md5sums" otherwise; as it never writes the
 * qualified name for any other package, whichever of the two exists is this package's.
 */
function readMd5sums(root: string, pkg: Package, listing: Set<string>, result: PackageExpectations): string | undefined {
  let name = `${pkg.name}:${pkg.arch}.md5sums`;
  if (!listing.has(name)) name = `${pkg.name}.md5sums`;
  if (!listing.has(name)) return undefined;
  try {
    // Raw bytes, decoded losslessly: file names need not be UTF-8.
    return decodePathBytes(readFileSync(join(root, DPKG_INFO_DIR, name)));
  } catch {
    result.unreadableLists++;
    return undefined;
  }
}

/** The md5sums file names in ROOT/var/lib/dpkg/info; one directory read instead of a failed open per guess. */
function listMd5sums(root: string): Set<string> {
  try {
    return new Set(readdirSync(join(root, DPKG_INFO_DIR)).filter((n) => n.endsWith('.md5sums')));
  } catch {
    return new Set();
  }
}

/**
 * Parse an md5sums list: "<32 hex>  <path>" per line, the path relative to the root
 * (it may hold spaces, so only the first two-space gap separates). Returns absolute
 * paths with lowercase digests; unparseable lines are counted, not fatal.
 */
export function parseMd5sums(text: string): { entries: [path: string, md5: string][]; malformed: number } {
  const entries: [string, string][] = [];
  const malformed = eachMd5sumsEntry(text, (path, md5) => entries.push([path, md5]));
  return { entries, malformed };
}

/**
 * parseMd5sums without the intermediate array: calls `onEntry` per valid line and returns
 * the number of malformed lines. A host has ~100k such lines, so the checks are one
 * (native) regex test and character compares, without per-line garbage.
 */
function eachMd5sumsEntry(text: string, onEntry: (path: string, md5: string) => void): number {
  let malformed = 0;
  for (let line of text.split('\n')) {
    if (line.charCodeAt(line.length - 1) === 0x0d) line = line.slice(0, -1);
    if (line === '') continue;
    let md5: string;
    if (LOWER_HEX_GAP.test(line)) md5 = line.slice(0, 32);
    else if (HEX_GAP.test(line)) md5 = line.slice(0, 32).toLowerCase();
    else {
      malformed++;
      continue;
    }
    // The path is relative to the root; be lenient about a leading "/" or "./" anyway.
    let p = 34;
    for (;;) {
      if (line.charCodeAt(p) === 0x2f) p += 1;
      else if (line.charCodeAt(p) === 0x2e && line.charCodeAt(p + 1) === 0x2f) p += 2;
      else break;
    }
    // The last component must name a file: not empty, ".", or "..".
    const base = Math.max(p, line.lastIndexOf('/') + 1);
    const baseLength = line.length - base;
    const dots = baseLength <= 2 && line.charCodeAt(base) === 0x2e && line.charCodeAt(base + baseLength - 1) === 0x2e;
    if (baseLength === 0 || dots) {
      malformed++;
      continue;
    }
    onEntry(`/${line.slice(p)}`, md5);
  }
  return malformed;
}

/** 32 hex digits then the two-space gap; the first form is the one dpkg writes. */
const LOWER_HEX_GAP = /^[0-9a-f]{32} {2}/;
const HEX_GAP = /^[0-9a-fA-F]{32} {2}/;

/** Diversions from ROOT/var/lib/dpkg/diversions, keyed by the original path; empty when absent. */
export function readDpkgDiversions(root: string): Map<string, Diversion> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(root, DPKG_DIVERSIONS_PATH));
  } catch {
    return new Map(); // no diversions file: nothing diverted
  }
  return parseDpkgDiversions(decodePathBytes(bytes));
}

/** Parse the diversions file: groups of three lines (original path, diverted-to path, package or ":"). */
export function parseDpkgDiversions(text: string): Map<string, Diversion> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const map = new Map<string, Diversion>();
  // A trailing incomplete group is ignored: dpkg writes the file atomically, so it means damage.
  for (let i = 0; i + 2 < lines.length; i += 3) {
    map.set(lines[i]!, { to: lines[i + 1]!, by: lines[i + 2]! });
  }
  return map;
}
