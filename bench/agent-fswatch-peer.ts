// The latency benchmark's peer: a bare fs.watch (inotify) on each directory of
// the synthetic tree, in its own process, doing nothing but noting when it is
// told about each path. Write time -> this notification is the floor for any
// watcher written in Node on this machine: the kernel event plus one event
// loop turn of a process that has nothing else to do.
//
// argv[2]: JSON { dirs: string[] }. Prints {"ready":true} once every watch is
// set, and, when its stdin ends, one JSON line: the first notification time
// of every path (epoch ms, sub-ms) and how many notifications came in all.
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface PeerResult {
  /** [absolute path, epoch ms of its first notification]. */
  readonly first: Array<[string, number]>;
  readonly notifications: number;
  /** Watcher errors (e.g. a directory gone); any would make the floor suspect. */
  readonly errors: string[];
}

const { dirs } = JSON.parse(process.argv[2] ?? '{"dirs":[]}') as { dirs: string[] };
const first = new Map<string, number>();
let notifications = 0;
const errors: string[] = [];
const watchers: FSWatcher[] = [];

for (const dir of dirs) {
  const w = watch(dir, { persistent: true }, (_type, name) => {
    // The time first: this is what is measured, the rest is bookkeeping.
    const t = performance.timeOrigin + performance.now();
    notifications++;
    if (name === null) return;
    const path = join(dir, name.toString());
    if (!first.has(path)) first.set(path, t);
  });
  w.on('error', (err) => errors.push(`${dir}: ${err.message}`));
  watchers.push(w);
}
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

process.stdin.resume();
process.stdin.on('end', () => {
  for (const w of watchers) w.close();
  const result: PeerResult = { first: [...first], notifications, errors };
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
});
