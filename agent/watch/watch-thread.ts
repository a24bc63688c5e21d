// Worker thread that owns the watches (watcher.ts). Setting up ~11,000
// directory watches makes V8 grow its young generation; on the daemon's main
// thread that stayed resident (~30–45 MB) until V8's memory reducer ran,
// 16–40 s later. Here the young generation is capped by the thread's
// resourceLimits, and the daemon's own heap stays small.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ignoreMatcher } from '../pipeline/scan-options.js';
import { startWatcher } from './watcher.js';
import type { ThreadMessage, ThreadSetup } from './threaded-watcher.js';

const setup = workerData as ThreadSetup;
const isIgnored = ignoreMatcher(setup.ignore);
// The watcher works on disk paths; the daemon speaks in paths as seen inside the root.
const onDisk = (path: string): string => (setup.root === '/' ? path : join(setup.root, path));
const inRoot = (abs: string): string => (setup.root === '/' ? abs : abs.slice(setup.root.length) || '/');
const post = (m: ThreadMessage): void => parentPort!.postMessage(m);

const watcher = startWatcher({
  paths: setup.paths.map(onDisk),
  chokidarPaths: setup.chokidarPaths.map(onDisk),
  ignored: (abs) => isIgnored(inRoot(abs)),
  onChange: (abs) => post({ kind: 'change', path: inRoot(abs) }),
  onGap: (abs, reason) => post({ kind: 'gap', path: inRoot(abs), reason }),
});
const statsTimer = setInterval(() => post({ kind: 'stats', stats: watcher.stats() }), 5000);
statsTimer.unref();
void watcher.ready.then(() => post({ kind: 'ready', stats: watcher.stats() }));
parentPort!.on('message', (m: 'close') => {
  if (m !== 'close') return;
  clearInterval(statsTimer);
  void watcher.close().then(() => {
    post({ kind: 'closed' });
    parentPort!.close();
  });
});
