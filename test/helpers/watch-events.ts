// Runs the agent's watcher over a temp tree and records what it reports, with
// waits that end as soon as the expected report arrives (or fail after a timeout).
import { setTimeout as sleep } from 'node:timers/promises';
import { startWatcher, type Watcher, type WatcherOptions } from '../../agent/watch/watcher.js';

const POLL_MS = 10;
export const WAIT_MS = 10_000;

export async function waitFor(cond: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

export interface Gap {
  readonly path: string;
  readonly reason: string;
}

export class WatchRecorder {
  readonly changes: string[] = [];
  readonly gaps: Gap[] = [];
  readonly watcher: Watcher;

  constructor(opts: Partial<WatcherOptions> & Pick<WatcherOptions, 'paths'>) {
    this.watcher = startWatcher({
      ignored: () => false,
      chokidarPaths: [],
      ...opts,
      onChange: (path) => this.changes.push(path),
      onGap: (path, reason) => this.gaps.push({ path, reason }),
    });
  }

  /** Start watching and wait until the watch set is established. */
  static async start(opts: Partial<WatcherOptions> & Pick<WatcherOptions, 'paths'>): Promise<WatchRecorder> {
    const r = new WatchRecorder(opts);
    await r.watcher.ready;
    return r;
  }

  saw(path: string): boolean {
    return this.changes.includes(path);
  }

  /** Forget what was reported so far (to check what a later action reports). */
  clear(): void {
    this.changes.length = 0;
    this.gaps.length = 0;
  }

  async change(path: string, what = `a change of ${path}`): Promise<void> {
    await waitFor(() => this.saw(path), `${what}; saw ${JSON.stringify(this.changes)}`);
  }

  async gap(path: string): Promise<Gap> {
    await waitFor(() => this.gaps.some((g) => g.path === path), `a gap at ${path}; saw ${JSON.stringify(this.gaps)}`);
    return this.gaps.find((g) => g.path === path)!;
  }

  close(): Promise<void> {
    return this.watcher.close();
  }
}
