// A watcher in its own process, for what a test can only cause as another
// user (root may watch and list any directory). Takes the WatcherOptions as
// JSON in argv[2] (without callbacks), prints one JSON line per report, and
// exits when its stdin closes.
import { startWatcher } from '../../agent/watch/watcher.js';

interface ChildOptions {
  paths: string[];
  chokidarPaths: string[];
  retryMs?: number;
}

const opts = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const say = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

const watcher = startWatcher({
  ...opts,
  ignored: () => false,
  onChange: (path) => say({ change: path }),
  onGap: (path, reason) => say({ gap: path, reason }),
});
await watcher.ready;
say({ ready: watcher.stats() });
process.stdin.resume();
process.stdin.on('end', () => {
  void watcher.close();
});
