// Keeps the agent's view of the host (view-store.ts) current and turns every
// difference into drift events: watcher notifications re-fingerprint the
// paths they name (after a short debounce that batches an editor's burst of
// writes), package database changes re-read the packages, and rescans in a
// child process reconcile what a watcher missed (stat-cache) or could not see
// (full re-hash: content changed with forged timestamps). One job at a time,
// so a rescan and a live change never race over the view.
//
// Each change is diffed against the view, not the baseline: one modification
// is reported once, and a modification then a restore is reported twice
// (both happened). Drift is sticky at the collector.
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { contentAttacher, type Attach } from '../capture/attach-content.js';
import type { CaptureSettings } from '../capture/capture-rules.js';
import { diffFiles, diffPackages } from '../diff/diff.js';
import type { DriftEvent } from '../model.js';
import { ignoreMatcher } from '../pipeline/scan-options.js';
import { HashPool } from '../sources/files/hash-pool.js';
import { scanFiles } from '../sources/files/scan-files.js';
import { inScanPaths, normalizeScanPaths } from '../sources/files/walk.js';
import { readPackages } from '../sources/packages/read-packages.js';
import { STATE_FILES } from '../state/state-dir.js';
import { ViewStore } from '../state/view-store.js';
import { runChild } from './rescan-protocol.js';

/** Package databases, relative to the root: a change under one re-reads the packages. */
export const PACKAGE_DB_DIRS = ['/var/lib/dpkg', '/lib/apk/db', '/var/lib/rpm', '/usr/lib/sysimage/rpm'];

export interface MonitorOptions {
  root: string;
  stateDir: string;
  paths: readonly string[];
  ignore: readonly string[];
  /** Nice level of the rescan processes (live detection keeps the daemon's). */
  nice: number;
  debounceMs: number;
  /** Hashing cap for rescans, bytes per second (0: none). */
  maxHashBytesPerS: number;
  /** Which files' content file events carry (docs/agent.md, "Captured content"). */
  capture: CaptureSettings;
  log: Logger;
  /** Receives every batch of events, in order; they must be durable when it returns. */
  emit: (events: DriftEvent[]) => void;
}

export class HostMonitor {
  private view: ViewStore | undefined;
  private readonly isIgnored: (path: string) => boolean;
  private readonly inScope: (path: string) => boolean;
  private readonly pool = new HashPool(1); // its worker starts on the first change
  private pendingPaths = new Set<string>();
  private pendingPackages = false;
  private timer: NodeJS.Timeout | undefined;
  private work: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly queuedRescans = new Map<string, Promise<void>>();
  private readonly attach: Attach;

  constructor(private readonly opts: MonitorOptions) {
    this.attach = contentAttacher(opts.root, opts.capture);
    this.isIgnored = ignoreMatcher(opts.ignore);
    this.inScope = inScanPaths(opts.paths);
  }

  private lastRoot = '';

  /**
   * Hex Merkle root of the view (for heartbeats), computed in pages beside
   * the live work; if a rescan swaps the view meanwhile, the last root known.
   */
  async merkleRoot(): Promise<string> {
    const view = this.view;
    if (view === undefined) return this.lastRoot;
    try {
      this.lastRoot = await view.merkleRootPaged();
    } catch (err) {
      if (view === this.view) throw err; // not the swap: a real failure
    }
    return this.lastRoot;
  }

  /** The watcher saw something at this in-root path. */
  changed(path: string): void {
    if (this.closed) return;
    if (PACKAGE_DB_DIRS.some((d) => path === d || path.startsWith(`${d}/`))) this.pendingPackages = true;
    else if (this.inScope(path) && !this.isIgnored(path)) this.pendingPaths.add(path);
    else return;
    this.schedule();
  }

  /**
   * Stat-cache rescan (quick) or full re-hash of everything, in a child
   * process, against the view (or the baseline: at the first start, and after
   * the baseline was replaced by the collector's copy).
   */
  rescan(full: boolean, why: string, fromBaseline = false): Promise<void> {
    // A timer firing while the last rescan of its kind still waits or runs adds nothing but load.
    const key = `${full}/${fromBaseline}`;
    const queued = this.queuedRescans.get(key);
    if (queued !== undefined) return queued;
    const job = this.enqueue(async () => {
      this.queuedRescans.delete(key);
      const started = Date.now();
      const o = this.opts;
      const reply = await runChild({
        kind: 'rescan', full, fromBaseline, maxHashBytesPerS: o.maxHashBytesPerS, root: o.root, stateDir: o.stateDir, paths: o.paths, ignore: o.ignore, nice: o.nice,
        capture: o.capture,
      });
      if (reply.kind !== 'rescanned') throw new Error(`rescan answered ${reply.kind}`);
      this.publish(reply.events);
      this.adoptNextView(); // only now: the events are in the outbox
      o.log.info({ full, why, events: reply.events.length, files: reply.files, ms: Date.now() - started }, 'rescan done');
      // Changes seen while the child ran may postdate its walk: look at them again.
      if (this.pendingPaths.size > 0 || this.pendingPackages) this.schedule();
    });
    this.queuedRescans.set(key, job);
    return job;
  }

  /** The view the seal child wrote becomes the view. */
  adoptSealedView(): void {
    this.adoptNextView();
  }

  /** Waits for queued work; used at shutdown and by tests. */
  async idle(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
      void this.enqueue(() => this.applyPending());
    }
    await this.work;
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
    this.view?.close();
    await this.pool.close();
  }

  private schedule(): void {
    // The first change of a burst starts the clock; later ones do not push it back, which bounds latency.
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.enqueue(() => this.applyPending());
    }, this.opts.debounceMs);
  }

  private adoptNextView(): void {
    this.view?.close();
    const file = join(this.opts.stateDir, STATE_FILES.view);
    renameSync(join(this.opts.stateDir, STATE_FILES.viewNext), file);
    this.view = ViewStore.open(file);
  }

  private enqueue(job: () => Promise<void>): Promise<void> {
    const run = this.work.then(job).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      this.opts.log.error({ err: message }, 'monitor job failed');
      this.publish([{ kind: 'coverage_gap', detail: `re-fingerprinting failed: ${message}` }]);
    });
    this.work = run;
    return run;
  }

  private async applyPending(): Promise<void> {
    const view = this.view;
    if (view === undefined) return; // before the first rescan, which covers these paths and looks again after
    const paths = [...this.pendingPaths];
    const packages = this.pendingPackages;
    this.pendingPaths = new Set();
    this.pendingPackages = false;
    if (paths.length > 0) {
      const tops = normalizeScanPaths(paths);
      const old = view.subtree(tops);
      const { files } = await scanFiles({
        root: this.opts.root, paths: tops, isIgnored: this.isIgnored, pool: this.pool, reuse: new Map(old.map((f) => [f.path, f])),
      });
      const events = diffFiles(old, files, (p) => !this.isIgnored(p));
      if (events.length > 0) {
        this.publish(this.attach(events));
        view.replaceSubtrees(tops, files);
      }
    }
    if (packages) {
      const now = readPackages(this.opts.root);
      const events = diffPackages(view.head.packages, now);
      if (events.length > 0) {
        this.publish(events);
        view.setPackages(now);
      }
    }
  }

  private publish(events: DriftEvent[]): void {
    if (events.length > 0) this.opts.emit(events);
  }
}

/** Paths to watch (inside the root): the scan paths and the package databases. */
export function watchTargets(paths: readonly string[]): string[] {
  return [...normalizeScanPaths(paths), ...PACKAGE_DB_DIRS];
}
