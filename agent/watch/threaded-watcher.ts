// The watcher interface of watcher.ts, run in its own thread (watch-thread.ts)
// with a small young generation, for the long-running daemon. Paths and
// reasons cross as messages, as seen inside the root (the thread maps them to
// and from disk); the ignore globs are applied in the thread.
import { Worker } from 'node:worker_threads';
import type { Watcher, WatcherStats } from './watcher.js';

export interface ThreadSetup {
  /** The scan root on disk. */
  root: string;
  /** Globs over paths inside the root. */
  ignore: readonly string[];
  /** Paths inside the root to watch, and those of them watched with chokidar. */
  paths: readonly string[];
  chokidarPaths: readonly string[];
}

export type ThreadMessage =
  | { kind: 'change'; path: string }
  | { kind: 'gap'; path: string; reason: string }
  | { kind: 'stats' | 'ready'; stats: WatcherStats }
  | { kind: 'closed' };

const NO_STATS: WatcherStats = { directories: 0, chokidarTrees: 0, gaps: 0, gapsReported: 0, pendingPaths: 0 };

export function startThreadedWatcher(
  setup: ThreadSetup, onChange: (path: string) => void, onGap: (path: string, reason: string) => void,
): Watcher {
  const worker = new Worker(new URL('./watch-thread.js', import.meta.url), {
    workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  let stats = NO_STATS;
  let failure: Error | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve) => {
    worker.on('message', (m: ThreadMessage) => {
      if (m.kind === 'change') onChange(m.path);
      else if (m.kind === 'gap') onGap(m.path, m.reason);
      else if (m.kind === 'stats' || m.kind === 'ready') {
        stats = m.stats;
        if (m.kind === 'ready') resolve();
      }
    });
    // A thread that dies leaves everything unwatched: that is a gap over every path, never silence.
    const lost = (why: string): void => {
      for (const p of setup.paths) onGap(p, why);
      resolve();
    };
    worker.once('error', (err) => {
      failure = err;
      lost(`the watch thread failed: ${err.message}`);
    });
    worker.once('exit', (code) => { if (failure === undefined && !closing) lost(`the watch thread exited (${code})`); });
  });
  let closing = false;
  return {
    ready,
    stats: () => stats,
    async close() {
      if (closing) return;
      closing = true;
      worker.postMessage('close'); // ignored by a thread that is already gone; `exited` has settled then
      await exited;
    },
  };
}
