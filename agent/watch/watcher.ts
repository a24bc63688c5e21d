// The agent's file-watching layer behind one interface. Large trees get one
// fs.watch per directory (per-directory state only: ~11,400 directories cost
// tens of MB, where chokidar over the same trees costs over 500 MB); config
// trees get chokidar; each watched path's parent gets an anchor so the path
// itself coming and going is seen. Events are prompts to re-fingerprint, not
// records: a path may be reported that has already gone again.
import { describeFsError } from '../../common/errors.js';
import { ChangeBatch } from './change-batch.js';
import { ChokidarTrees } from './chokidar-trees.js';
import { DirWatches } from './dir-watch.js';
import { RootAnchors } from './root-anchors.js';
import { planWatch } from './watch-plan.js';

export interface WatcherOptions {
  /** Absolute on-disk directories (or files) to watch recursively; already joined with the scan root. */
  paths: string[];
  /** True for an absolute on-disk path that must be neither watched nor reported. */
  ignored: (absPath: string) => boolean;
  /** Absolute on-disk prefixes whose subtrees are watched with chokidar (config trees where editors' atomic saves happen, e.g. <root>/etc). Everything else uses one fs.watch per directory. */
  chokidarPaths: string[];
  /** Something at this absolute path may have changed (created, written, removed, renamed, attributes). Called with the path of the entry itself, not just its directory, when the OS says which. Coalesced is fine; missing is not. */
  onChange: (absPath: string) => void;
  /** A directory could not be watched (EACCES, ENOSPC from the inotify watch limit, EMFILE), or a watcher errored or overflowed: the caller records a coverage gap and rescans that subtree. */
  onGap: (absPath: string, reason: string) => void;
  /** How often directories that could not be watched, and watched paths whose parent does not exist, are tried again (ms; 0 = never). Default 60,000. */
  retryMs?: number;
}

export interface Watcher {
  /** Resolves when the initial watch set is established. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
  /** Counts for status/diagnostics. */
  stats(): WatcherStats;
}

export interface WatcherStats {
  /** Directories watched with fs.watch. */
  directories: number;
  /** chokidar trees running. */
  chokidarTrees: number;
  /** Coverage gaps open now: directories not watched because of an error, plus chokidar trees that reported one. */
  gaps: number;
  /** onGap calls since start. */
  gapsReported: number;
  /** Watched paths whose parent directory does not exist (so neither do they); picked up by the retry. */
  pendingPaths: number;
}

const DEFAULT_RETRY_MS = 60_000;

export function startWatcher(opts: WatcherOptions): Watcher {
  const plan = planWatch(opts.paths, opts.chokidarPaths);
  const fsRoots = plan.fsRoots.filter((r) => !opts.ignored(r));
  const treeRoots = new Set(plan.chokidarTrees.filter((r) => !opts.ignored(r)));
  let closed = false;
  let gapsReported = 0;

  const batch = new ChangeBatch(opts.ignored, opts.onChange);
  const change = (path: string): void => batch.add(path);
  // Delivered on a later turn, so a caller's callback never runs inside a walk or a reconcile.
  const gap = (path: string, reason: string): void => {
    if (closed) return;
    gapsReported++;
    setImmediate(() => {
      if (!closed) opts.onGap(path, reason);
    });
  };

  const inDomain = (path: string): boolean => plan.inFsDomain(path) && !opts.ignored(path);
  const dirs = new DirWatches({ inDomain, change, gap }, new Set(fsRoots));
  const trees = new ChokidarTrees({ ignored: opts.ignored, change, gap });
  const anchors = new RootAnchors((root, replaced) => {
    change(root);
    if (!replaced) return;
    if (treeRoots.has(root)) trees.restart(root);
    else dirs.queueReconcile(root);
  });

  let resolveClosed = (): void => undefined;
  const closedSignal = new Promise<void>((resolve) => { resolveClosed = resolve; });
  const started = (async () => {
    // Anchors first: a root that appears while the trees are being walked is then not missed.
    for (const root of [...fsRoots, ...treeRoots]) anchors.add(root);
    await Promise.all([
      ...fsRoots.map((root) => dirs.addRoot(root)),
      ...[...treeRoots].map((root) =>
        trees.add(root).catch((err: unknown) => gap(root, `cannot start chokidar: ${describeFsError(err)}`)),
      ),
    ]);
  })();

  const retryMs = opts.retryMs ?? DEFAULT_RETRY_MS;
  let retrying = false;
  const timer =
    retryMs > 0
      ? setInterval(() => {
          if (retrying || closed) return;
          retrying = true;
          anchors.retry();
          void dirs.retryGaps().finally(() => { retrying = false; });
        }, retryMs)
      : undefined;
  // The watches keep the process alive; the retry timer alone must not.
  timer?.unref();

  let closing: Promise<void> | undefined;
  return {
    ready: Promise.race([started, closedSignal]),
    close() {
      closing ??= (async () => {
        closed = true;
        if (timer !== undefined) clearInterval(timer);
        batch.close();
        anchors.close();
        dirs.close();
        await trees.close();
        resolveClosed();
      })();
      return closing;
    },
    stats() {
      return {
        directories: dirs.directories,
        chokidarTrees: trees.count,
        gaps: dirs.openGaps + trees.errored,
        gapsReported,
        pendingPaths: anchors.pending,
      };
    },
  };
}
