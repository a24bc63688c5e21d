// What the host looks like now, as far as the agent knows: the last observed
// manifest, kept current between rescans by re-fingerprinting the paths the
// watcher names. Each change is diffed against this view, not the baseline,
// so one modification is reported once, and a modification followed by a
// restore is reported twice (both happened). Drift is sticky at the collector.
import { comparePaths } from '../../common/path-bytes.js';
import { merkleRoot } from '../../common/merkle.js';
import { buildManifest } from '../fingerprint/build-manifest.js';
import { diffFiles, diffPackages } from '../diff/diff.js';
import type { DriftEvent, FileEntry, Manifest, Package } from '../model.js';

function under(path: string, top: string): boolean {
  return path === top || top === '/' || path.startsWith(`${top}/`);
}

export class LiveView {
  private files: Map<string, FileEntry>;
  private manifest: Manifest;
  private root: string | undefined;

  constructor(observed: Manifest) {
    this.manifest = observed;
    this.files = new Map(observed.files.map((f) => [f.path, f]));
    this.root = observed.merkleRoot;
  }

  /** Replaces the whole view (after a rescan). */
  reset(observed: Manifest): void {
    this.manifest = observed;
    this.files = new Map(observed.files.map((f) => [f.path, f]));
    this.root = observed.merkleRoot;
  }

  get packages(): Package[] {
    return this.manifest.packages;
  }

  /** Entries at or under any of `tops`, in manifest order, by path: what a rescan of those tops may reuse. */
  subtree(tops: readonly string[]): Map<string, FileEntry> {
    const out: FileEntry[] = [];
    for (const [path, entry] of this.files) if (tops.some((t) => under(path, t))) out.push(entry);
    out.sort((a, b) => comparePaths(a.path, b.path));
    return new Map(out.map((f) => [f.path, f]));
  }

  /**
   * `fresh` is what a walk of `tops` found now (manifest order): the events
   * between the view's entries there and it; the view takes `fresh`.
   */
  replaceSubtrees(tops: readonly string[], fresh: readonly FileEntry[], keep: (path: string) => boolean): DriftEvent[] {
    const old = [...this.subtree(tops).values()];
    const events = diffFiles(old, fresh, keep);
    if (events.length === 0) return events;
    for (const f of old) this.files.delete(f.path);
    for (const f of fresh) this.files.set(f.path, f);
    this.root = undefined;
    return events;
  }

  /** Package events against the view's packages; the view takes `now`. */
  replacePackages(now: Package[]): DriftEvent[] {
    const events = diffPackages(this.manifest.packages, now);
    if (events.length > 0) this.manifest = { ...this.manifest, packages: now };
    return events;
  }

  /** Hex Merkle root of the view; computed again only after a change. */
  merkleRoot(): string {
    this.root ??= merkleRoot(this.sortedFiles());
    return this.root;
  }

  /** The view as a manifest (for the observed-state snapshot and rescans). */
  toManifest(): Manifest {
    const files = this.sortedFiles();
    return buildManifest({
      createdAt: new Date(), host: this.manifest.host, scannedPaths: this.manifest.scannedPaths, ignored: this.manifest.ignored,
      files, packages: this.manifest.packages, packageMismatches: this.manifest.packageMismatches,
    });
  }

  private sortedFiles(): FileEntry[] {
    return [...this.files.values()].sort((a, b) => comparePaths(a.path, b.path));
  }
}
