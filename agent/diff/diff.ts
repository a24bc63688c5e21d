// diff(baseline, current): what differs, as the contract's drift events. Pure.
// Files are merge-joined in manifest order; only the attributes in
// FileChange count, so a content-identical rewrite (new mtime, ctime or inode,
// same bytes) is not drift. An entry the current scan could not read is a
// coverage gap rather than a guess about its content.
import { comparePaths } from '../../common/path-bytes.js';
import type { DriftEvent, FileChange, FileEntry, Manifest, Package } from '../model.js';

export function fileChanges(before: FileEntry, after: FileEntry): FileChange[] {
  const changes: FileChange[] = [];
  if (before.type !== after.type) changes.push('type');
  // Content is comparable when both are regular files and the current one was read.
  if (before.type === 'file' && after.type === 'file' && after.error === '' && before.sha256 !== after.sha256) {
    changes.push('content');
  }
  if (before.mode !== after.mode) changes.push('mode');
  if (before.uid !== after.uid) changes.push('uid');
  if (before.gid !== after.gid) changes.push('gid');
  if (before.type === 'symlink' && after.type === 'symlink' && before.target !== after.target) changes.push('target');
  if (before.capabilities !== after.capabilities && after.error === '') changes.push('capabilities');
  return changes;
}

export function diffFiles(before: readonly FileEntry[], after: readonly FileEntry[], keep: (p: string) => boolean): DriftEvent[] {
  const events: DriftEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const b = before[i];
    const a = after[j];
    const order = b === undefined ? 1 : a === undefined ? -1 : comparePaths(b.path, a.path);
    if (order < 0) {
      if (keep(b!.path)) events.push({ kind: 'file_removed', path: b!.path, before: b! });
      i++;
    } else if (order > 0) {
      if (keep(a!.path)) events.push({ kind: 'file_added', path: a!.path, after: a! });
      j++;
    } else {
      i++;
      j++;
      if (!keep(a!.path)) continue;
      if (a!.error !== '' && a!.error !== b!.error) {
        events.push({ kind: 'coverage_gap', path: a!.path, detail: `cannot read: ${a!.error}`, before: b!, after: a! });
      }
      // An entry that vanished mid-scan has no attributes to compare.
      if (a!.error !== '' && a!.inode === 0 && a!.mtimeNs === 0n) continue;
      const changes = fileChanges(b!, a!);
      if (changes.length > 0) events.push({ kind: 'file_changed', path: a!.path, changes, before: b!, after: a! });
    }
  }
  return events;
}

function byIdentity(packages: readonly Package[]): Map<string, Package[]> {
  const m = new Map<string, Package[]>();
  for (const p of packages) {
    const key = `${p.manager}\0${p.name}\0${p.arch}`;
    const list = m.get(key);
    if (list === undefined) m.set(key, [p]);
    else list.push(p);
  }
  return m;
}

/**
 * Packages are matched by manager, name and arch. One version on each side that
 * differs is a package_changed; where several versions are installed at once
 * (rpm kernels), each version that appeared or went is added or removed.
 */
export function diffPackages(before: readonly Package[], after: readonly Package[]): DriftEvent[] {
  const events: DriftEvent[] = [];
  const b = byIdentity(before);
  const a = byIdentity(after);
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort();
  for (const key of keys) {
    const was = b.get(key) ?? [];
    const now = a.get(key) ?? [];
    if (was.length === 1 && now.length === 1) {
      if (was[0]!.version !== now[0]!.version) events.push({ kind: 'package_changed', package: now[0]!, previous: was[0]! });
      continue;
    }
    const nowVersions = new Set(now.map((p) => p.version));
    const wasVersions = new Set(was.map((p) => p.version));
    for (const p of was) if (!nowVersions.has(p.version)) events.push({ kind: 'package_removed', package: p });
    for (const p of now) if (!wasVersions.has(p.version)) events.push({ kind: 'package_added', package: p });
  }
  return events;
}

export interface DiffOptions {
  /** Paths to leave out (ignore globs given at check time, on top of the baseline's). */
  isIgnored?: (path: string) => boolean;
}

export function diff(baseline: Manifest, current: Manifest, opts: DiffOptions = {}): DriftEvent[] {
  const ignored = opts.isIgnored;
  const keep = ignored === undefined ? () => true : (p: string) => !ignored(p);
  const events = diffFiles(baseline.files, current.files, keep);
  events.push(...diffPackages(baseline.packages, current.packages));
  const known = new Set(baseline.packageMismatches.map((m) => `${m.path}\0${m.expected}\0${m.actual}`));
  for (const m of current.packageMismatches) {
    if (!keep(m.path) || known.has(`${m.path}\0${m.expected}\0${m.actual}`)) continue;
    events.push({ kind: 'package_file_modified', path: m.path, package: m.package, mismatch: m });
  }
  return events;
}
