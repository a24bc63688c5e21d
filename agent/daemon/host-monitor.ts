// Keeps the live view of the host current and turns every difference into
// drift events: watcher notifications re-fingerprint the paths they name
// (after a short debounce that batches an editor's burst of writes), package
// database changes re-read the packages, and periodic rescans reconcile what
// a watcher missed (stat-cache) or could not see (full re-hash: content
// changed with forged timestamps). All work runs one job at a time, so a
// rescan and a live change never race over the view.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { checkHost } from '../pipeline/check-host.js';
import { ignoreMatcher } from '../pipeline/scan-options.js';
import { readPackages } from '../sources/packages/read-packages.js';
import { HashPool } from '../sources/files/hash-pool.js';
import { scanFiles } from '../sources/files/scan-files.js';
import { inScanPaths, normalizeScanPaths } from '../sources/files/walk.js';
import type { DriftEvent, Manifest } from '../model.js';
import { LiveView } from './live-view.js';

/** Package databases, relative to the root: a change under one re-reads the packages. */
export const PACKAGE_DB_DIRS = ['/var/lib/dpkg', '/lib/apk/db', '/var/lib/rpm', '/usr/lib/sysimage/rpm'];

export interface MonitorOptions {
  root: string;
  paths: readonly string[];
  ignore: readonly string[];
  debounceMs: number;
  /** Hashing cap for rescans, bytes per second (0: none). */
  maxHashBytesPerS: number;
  log: Logger;
  /** Receives every batch of events, in order. */
  emit: (events: DriftEvent[]) => void;
  /** After the view changed: the caller may snapshot it. */
  onViewChanged: (view: LiveView) => void;
}

export class HostMonitor {
  readonly view: LiveView;
  private readonly isIgnored: (path: string) => boolean;
  private readonly inScope: (path: string) => boolean;
  private readonly pool = new HashPool(1); // workers start on the first change
  private pendingPaths = new Set<string>();
  private pendingPackages = false;
  private timer: NodeJS.Timeout | undefined;
  private work: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(observed: Manifest, private readonly opts: MonitorOptions) {
    this.view = new LiveView(observed);
    this.isIgnored = ignoreMatcher(opts.ignore);
    this.inScope = inScanPaths(opts.paths);
  }

  /** The watcher saw something at this in-root path. */
  changed(path: string): void {
    if (this.closed) return;
    if (PACKAGE_DB_DIRS.some((d) => path === d || path.startsWith(`${d}/`))) this.pendingPackages = true;
    else if (this.inScope(path) && !this.isIgnored(path)) this.pendingPaths.add(path);
    else return;
    // The first change of a burst starts the clock; later ones do not push it back, which bounds latency.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.enqueue(() => this.applyPending());
    }, this.opts.debounceMs);
  }

  /** Stat-cache rescan (quick) or full re-hash of everything, against the view. */
  rescan(full: boolean, why: string): Promise<void> {
    return this.enqueue(async () => {
      const started = Date.now();
      const before = this.view.toManifest();
      const { current, events } = await checkHost({
        root: this.opts.root, baseline: { head: before, complete: Promise.resolve(before) }, baselineSource: 'the observed state',
        paths: this.opts.paths, ignore: this.opts.ignore, quick: !full, hashWorkers: 1, maxHashBytesPerS: this.opts.maxHashBytesPerS,
      });
      this.view.reset(current);
      this.opts.log.info({ full, why, events: events.length, ms: Date.now() - started }, 'rescan done');
      this.publish(events);
    });
  }

  /** Waits for queued work; used at shutdown and by tests. */
  async idle(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.enqueue(() => this.applyPending());
    }
    await this.work;
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
    await this.pool.close();
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.work.then(job).catch((err: unknown) => {
      this.opts.log.error({ err: err instanceof Error ? err.message : String(err) }, 'monitor job failed');
      this.publish([{ kind: 'coverage_gap', detail: `re-fingerprinting failed: ${err instanceof Error ? err.message : String(err)}` }]);
    });
    this.work = run;
    return run;
  }

  private async applyPending(): Promise<void> {
    const paths = [...this.pendingPaths];
    const packages = this.pendingPackages;
    this.pendingPaths = new Set();
    this.pendingPackages = false;
    const events: DriftEvent[] = [];
    if (paths.length > 0) {
      const tops = normalizeScanPaths(paths);
      const { files } = await scanFiles({
        root: this.opts.root, paths: tops, isIgnored: this.isIgnored, pool: this.pool, reuse: this.view.subtree(tops),
      });
      events.push(...this.view.replaceSubtrees(tops, files, (p) => !this.isIgnored(p)));
    }
    if (packages) events.push(...this.view.replacePackages(readPackages(this.opts.root)));
    this.publish(events);
  }

  private publish(events: DriftEvent[]): void {
    if (events.length === 0) return;
    this.opts.emit(events);
    this.opts.onViewChanged(this.view);
  }
}

/** On-disk paths to watch for a root: the scan paths and the package databases that exist. */
export function watchTargets(root: string, paths: readonly string[]): string[] {
  const join2 = (p: string): string => (root === '/' ? p : join(root, p));
  return [...normalizeScanPaths(paths), ...PACKAGE_DB_DIRS].map(join2);
}
