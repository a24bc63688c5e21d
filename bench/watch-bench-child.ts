// One contender of the watch benchmark, in its own process so that its RSS and
// CPU are its own: either driftwatch's startWatcher or chokidar 5 alone over
// the same paths. Prints one JSON line when the watch set is ready and one when
// it has closed (after its stdin ends); the parent samples /proc meanwhile.
import { watch } from 'chokidar';
import { startWatcher } from '../agent/watch/watcher.js';

export interface ChildArgs {
  readonly mode: 'driftwatch' | 'chokidar';
  readonly paths: string[];
  readonly chokidarPaths: string[];
}

export interface ReadyLine {
  readonly readyMs: number;
  readonly stats?: Record<string, number>;
}

export interface DoneLine {
  readonly changes: number;
  readonly gaps: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs;
let changes = 0;
let gaps = 0;
const say = (line: ReadyLine | DoneLine): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

async function run(): Promise<() => Promise<void>> {
  const started = performance.now();
  if (args.mode === 'driftwatch') {
    const w = startWatcher({
      paths: args.paths,
      chokidarPaths: args.chokidarPaths,
      ignored: () => false,
      onChange: () => { changes++; },
      onGap: () => { gaps++; },
    });
    await w.ready;
    say({ readyMs: performance.now() - started, stats: { ...w.stats() } });
    return () => w.close();
  }
  // The peer: chokidar on everything, its defaults plus no initial events and no symlink following, as driftwatch uses it.
  const w = watch(args.paths, { ignoreInitial: true, followSymlinks: false, alwaysStat: false, persistent: true });
  w.on('all', () => { changes++; });
  w.on('error', () => { gaps++; });
  await new Promise<void>((resolve) => w.once('ready', () => resolve()));
  say({ readyMs: performance.now() - started });
  return () => w.close();
}

const close = await run();
process.stdin.resume();
process.stdin.on('end', () => {
  void close().then(() => {
    say({ changes, gaps });
    process.exit(0);
  });
});
