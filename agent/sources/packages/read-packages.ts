// All installed packages of a root, from every package manager we know. A host
// normally has one, but containers and build roots can carry several (an
// Alpine root with a stray rpm database), so we ask all three and merge.

import type { Package } from '../../model.js';
import { readApkPackages } from './apk-installed.js';
import { readDpkgPackages } from './dpkg-status.js';
import { readRpmPackages } from './rpm-query.js';

/** Installed packages sorted by manager, name, arch (then version), exact duplicates removed. */
export function readPackages(root: string): Package[] {
  const all = [...readDpkgPackages(root), ...readRpmPackages(root), ...readApkPackages(root)];
  all.sort(comparePackages);
  // Version breaks ties so the order is total: rpm allows several versions of one
  // name and arch at once (kernels), and those must all be kept.
  return all.filter((p, i) => i === 0 || comparePackages(all[i - 1]!, p) !== 0);
}

/** Manifest order: manager, name, arch, version, each by plain string comparison. */
export function comparePackages(a: Package, b: Package): number {
  return cmp(a.manager, b.manager) || cmp(a.name, b.name) || cmp(a.arch, b.arch) || cmp(a.version, b.version);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
