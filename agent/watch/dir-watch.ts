// One fs.watch per directory for the large trees. The only state kept is one
// watcher per directory (plus the directories that could not be watched), so
// memory grows with directories, never with files. Watches are established
// before a directory is listed, so an entry created during the walk is either
// listed or reported by the watch.
import { watch, type FSWatcher, type WatchEventType } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { describeFsError, errnoCode } from '../../common/errors.js';
import { decodePathBytes, fsPath } from '../../common/path-bytes.js';
import { walkDirs } from './dir-walk.js';
import { childPath, isAtOrUnder, parentPath } from './watch-plan.js';

interface DirWatch {
  readonly watcher: FSWatcher;
  /** Value of the event sequence when the watch was established. */
  readonly since: number;
}

export interface DirWatchEvents {
  /** Whether a path is to be watched here at all (inside an fs.watch root, outside chokidar prefixes, not ignored). */
  inDomain(path: string): boolean;
  change(path: string): void;
  gap(path: string, reason: string): void;
}

function isGone(err: unknown): boolean {
  const code = errnoCode(err);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export class DirWatches {
  private readonly watched = new Map<string, DirWatch>();
  private readonly gaps = new Map<string, string>();
  /** Paths waiting to be reconciled, with the sequence number of their latest event. */
  private readonly reconciling = new Map<string, number>();
  private seq = 0;
  private closed = false;

  constructor(
    private readonly events: DirWatchEvents,
    private readonly roots: ReadonlySet<string>,
  ) {}

  get directories(): number { return this.watched.size; }
  get openGaps(): number { return this.gaps.size; }

  /** Start watching a root if it is a directory; a root that is a file, a symlink or absent is left to its anchor. */
  async addRoot(root: string): Promise<void> {
    try {
      if (!(await lstat(fsPath(root))).isDirectory()) return;
    } catch (err) {
      if (!isGone(err)) this.recordGap(root, `cannot stat watched path: ${describeFsError(err)}`);
      return;
    }
    await this.addTree(root, false);
  }

  /** Something named path was created, removed or replaced: bring the watches at and under it in line. */
  queueReconcile(path: string): void {
    if (this.closed) return;
    const running = this.reconciling.has(path);
    this.reconciling.set(path, ++this.seq);
    if (!running) void this.reconcileLoop(path);
  }

  /** Try again to watch the directories that failed; a recovered one is reported with its whole subtree. */
  async retryGaps(): Promise<void> {
    // Sorted so a parent is back before its children are tried.
    for (const dir of [...this.gaps.keys()].sort()) {
      if (this.closed) return;
      if (this.gaps.has(dir)) await this.addTree(dir, true);
    }
  }

  close(): void {
    this.closed = true;
    for (const w of this.watched.values()) w.watcher.close();
    this.watched.clear();
    this.gaps.clear();
    this.reconciling.clear();
  }

  /** Watch the tree under top; with report, every entry found is reported (a tree that appeared, or one whose watch was lost). */
  private addTree(top: string, report: boolean): Promise<void> {
    return walkDirs(top, {
      enter: (dir) => this.watchDir(dir),
      descend: (dir) => this.events.inDomain(dir),
      entry: report ? (path) => this.events.change(path) : undefined,
      listed: (dir) => {
        if (this.gaps.delete(dir)) this.events.change(dir);
      },
      listFailed: (dir, err) => this.recordGap(dir, `cannot list directory: ${describeFsError(err)}`),
    });
  }

  private watchDir(dir: string): boolean {
    if (this.closed) return false;
    // A walk that outlived the removal of its tree must not resurrect watches under a stale path.
    if (!this.roots.has(dir) && !this.watched.has(parentPath(dir))) return false;
    let watcher: FSWatcher;
    try {
      watcher = watch(fsPath(dir), { persistent: true, encoding: 'buffer' }, (type, name) => {
        this.onEvent(dir, type, name);
      });
    } catch (err) {
      if (isGone(err)) this.gaps.delete(dir); // its parent's watcher reports the removal
      else this.recordGap(dir, `cannot watch directory: ${describeFsError(err)}`);
      return false;
    }
    watcher.on('error', (err) => this.watcherFailed(dir, watcher, err));
    const old = this.watched.get(dir);
    this.watched.set(dir, { watcher, since: ++this.seq });
    // Closed only after the new watch exists, so the kernel watch is never dropped in between.
    old?.watcher.close();
    return true;
  }

  private onEvent(dir: string, type: WatchEventType, name: Buffer | null): void {
    if (this.closed) return;
    if (name === null) {
      this.events.change(dir);
      return;
    }
    const path = childPath(dir, decodePathBytes(name));
    this.events.change(path);
    // A rename is an entry created, removed or moved: the only way a directory comes or goes.
    if (type === 'rename' && this.events.inDomain(path)) this.queueReconcile(path);
  }

  private async reconcileLoop(path: string): Promise<void> {
    for (;;) {
      const seq = this.reconciling.get(path);
      if (seq === undefined || this.closed) return;
      try {
        await this.reconcile(path, seq);
      } catch (err) {
        this.recordGap(path, `cannot re-establish watch: ${describeFsError(err)}`);
      }
      if (this.reconciling.get(path) === seq) this.reconciling.delete(path);
    }
  }

  private async reconcile(path: string, seq: number): Promise<void> {
    let isDir = false;
    try {
      isDir = (await lstat(fsPath(path))).isDirectory();
    } catch (err) {
      if (!isGone(err)) throw err;
    }
    if (this.closed) return;
    if (!isDir) {
      // Most renames are of files; only scan the watch table when something was watched here.
      if (this.watched.has(path) || this.gaps.has(path)) this.removeTree(path, true);
      return;
    }
    const current = this.watched.get(path);
    // Watched since after the event: the directory there now is the one watched.
    // (Inode numbers cannot tell: a directory removed and recreated often gets the same one back.)
    if (current !== undefined && current.since > seq) return;
    this.removeTree(path, false);
    await this.addTree(path, true);
  }

  /** Close the watches under top, and top's own too when withTop. */
  private removeTree(top: string, withTop: boolean): void {
    for (const [dir, w] of this.watched) {
      if ((withTop || dir !== top) && isAtOrUnder(dir, top)) {
        w.watcher.close();
        this.watched.delete(dir);
      }
    }
    for (const dir of this.gaps.keys()) {
      if ((withTop || dir !== top) && isAtOrUnder(dir, top)) this.gaps.delete(dir);
    }
  }

  private watcherFailed(dir: string, watcher: FSWatcher, err: unknown): void {
    watcher.close();
    if (this.watched.get(dir)?.watcher !== watcher) return;
    this.watched.delete(dir);
    this.recordGap(dir, `watcher error: ${describeFsError(err)}`);
  }

  private recordGap(dir: string, reason: string): void {
    if (this.closed || this.gaps.has(dir)) return;
    this.gaps.set(dir, reason);
    this.events.gap(dir, reason);
  }
}
