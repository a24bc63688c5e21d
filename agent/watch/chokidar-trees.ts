// chokidar for the config trees, where editors save by writing a temporary
// file and renaming it over the target, and chokidar reports that as a change
// of the target. chokidar keeps state per file, which is why it gets only
// these small trees (see watch-plan.ts).
//
// Two things chokidar's own events miss are covered by its raw events, which
// carry every inotify event it receives:
// - a chmod or chown (chokidar drops a change whose mtime did not move once the
//   file's atime is past its mtime, i.e. any file that has been read);
// - files it ignores by itself (with `atomic` on, names like `x~`, `.x.swp`,
//   and whole directories named so; `atomic` is therefore off: it only turns
//   unlink+add into change, which a path-only report does not need);
// - symlinks whose target does not exist (it resolves every symlink's target
//   and drops the link when that fails).
import { lstat } from 'node:fs/promises';
import { watch, type FSWatcher } from 'chokidar';
import { describeFsError } from '../../common/errors.js';
import { fsPath } from '../../common/path-bytes.js';
import { baseName, childPath, parentPath } from './watch-plan.js';

export interface TreeEvents {
  ignored(path: string): boolean;
  change(path: string): void;
  gap(path: string, reason: string): void;
}

/** The path a raw event is about: a directory's watcher names a child, a file's watcher names the file itself. */
export function rawEventPath(watchedPath: string, evPath: string): string {
  if (evPath === '' || baseName(watchedPath) === evPath) return watchedPath;
  return childPath(watchedPath, evPath);
}

function errorPath(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('path' in err)) return undefined;
  return typeof err.path === 'string' ? err.path : undefined;
}

export class ChokidarTrees {
  private readonly trees = new Map<string, FSWatcher>();
  /** Trees being restarted, and whether another restart was asked for meanwhile. */
  private readonly restarting = new Map<string, boolean>();
  /** Paths chokidar reported an error for, per tree: one gap per path, however often chokidar repeats it. */
  private readonly errors = new Map<string, Set<string>>();
  /** Resolvers of start() for watchers not ready yet: closing one must not leave its starter waiting forever. */
  private readonly unready = new Map<FSWatcher, () => void>();
  private closed = false;

  constructor(private readonly events: TreeEvents) {}

  get count(): number { return this.trees.size; }
  /** Trees that reported an error since they were started. */
  get errored(): number { return this.errors.size; }

  /** Start watching a tree if it exists (one that does not is started by restart() when its anchor sees it appear). */
  async add(root: string): Promise<void> {
    const exists = await lstat(fsPath(root)).then(() => true, () => false);
    // Closed meanwhile, or its anchor already saw it replaced and restarted it.
    if (!exists || this.closed || this.trees.has(root) || this.restarting.has(root)) return;
    await this.start(root, false);
  }

  /** The tree's root was created, removed or replaced: watch what is there now and report all of it. */
  restart(root: string): void {
    if (this.closed) return;
    const running = this.restarting.has(root);
    this.restarting.set(root, true);
    if (!running) void this.restartLoop(root);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.trees.values()];
    this.trees.clear();
    await Promise.all(all.map((w) => this.stop(w)));
  }

  private stop(watcher: FSWatcher): Promise<void> {
    this.unready.get(watcher)?.();
    this.unready.delete(watcher);
    return watcher.close();
  }

  private async restartLoop(root: string): Promise<void> {
    while (this.restarting.get(root) === true && !this.closed) {
      this.restarting.set(root, false);
      const old = this.trees.get(root);
      this.trees.delete(root);
      this.errors.delete(root);
      if (old !== undefined) await this.stop(old);
      if (this.closed) break;
      const exists = await lstat(fsPath(root)).then(() => true, () => false);
      if (exists && !this.closed) await this.start(root, true);
    }
    this.restarting.delete(root);
  }

  private start(root: string, reportExisting: boolean): Promise<void> {
    const watcher = watch(root, {
      persistent: true,
      ignoreInitial: !reportExisting,
      followSymlinks: false,
      alwaysStat: false,
      atomic: false,
      awaitWriteFinish: false,
      ignorePermissionErrors: false,
      ignored: (path: string) => this.events.ignored(path),
    });
    this.trees.set(root, watcher);
    // chokidar emits 'add' for every symlink of its initial scan whatever ignoreInitial says
    // (chokidar issues #804, #1270); its raw events still carry any real change made meanwhile.
    let scanned = reportExisting;
    watcher.on('all', (_event, path) => {
      if (scanned) this.report(path);
    });
    watcher.on('raw', (_event, evPath, details) => {
      if (typeof details !== 'object' || details === null || !('watchedPath' in details)) return;
      if (typeof details.watchedPath !== 'string') return;
      this.report(rawEventPath(details.watchedPath, evPath));
    });
    watcher.on('error', (err) => {
      if (this.closed) return;
      const path = errorPath(err) ?? root;
      const seen = this.errors.get(root) ?? new Set<string>();
      this.errors.set(root, seen);
      if (seen.has(path)) return;
      seen.add(path);
      this.events.gap(path, `chokidar error: ${describeFsError(err)}`);
    });
    return new Promise((resolve) => {
      this.unready.set(watcher, resolve);
      watcher.once('ready', () => {
        scanned = true;
        this.unready.delete(watcher);
        resolve();
      });
    });
  }

  private report(path: string): void {
    if (this.closed) return;
    // chokidar handles names as UTF-8 text; a name that is not cannot be named
    // to the caller, so the directory holding it is rescanned instead.
    if (path.includes('\ufffd')) this.events.gap(parentPath(path), 'a name that is not UTF-8 changed (chokidar cannot name it)');
    else this.events.change(path);
  }
}
