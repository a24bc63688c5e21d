// `drift-agent run`: the lifecycle of the agent on a host.
//   1. state directory, key, outbox (events are durable before anything else);
//   2. the sealed baseline, or wait for the readiness condition and seal it;
//   3. compare the host with what was last observed (changes made while the
//      agent was down), with the watcher already running so nothing slips
//      between the rescan and the watch;
//   4. in the background: enroll, check the local baseline against the
//      collector's copy (upload it if the collector has none), then deliver
//      the outbox and send heartbeats;
//   5. on SIGTERM: an agent_stopped event, a bounded drain, a snapshot, exit.
// Everything that talks to the collector retries: a dead collector never
// stops the watching, and events wait in the outbox.
import { setPriority } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DriftwatchError } from '../../common/errors.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { eventToProto, type LoginFacts } from '../codec/event-proto.js';
import type { DriftEvent, HostFacts } from '../model.js';
import { Outbox } from '../outbox/outbox.js';
import { CollectorClient } from '../report/collector-client.js';
import { readHostFacts } from '../sources/host-facts.js';
import { ensureStateDir, loadOrCreateKey, STATE_FILES } from '../state/state-dir.js';
import { startWatcher, type Watcher } from '../watch/watcher.js';
import { loadBaseline, loadObserved, saveObserved, type LoadedManifest } from './baseline-files.js';
import { ensureEnrolled, fetchCanonicalBaseline, reconcileBaseline, type LinkContext } from './collector-link.js';
import { Delivery } from './delivery.js';
import { HostMonitor, watchTargets } from './host-monitor.js';
import { ignoreMatcher } from '../pipeline/scan-options.js';
import { startLoginsPoll } from './logins-poll.js';
import { sealBaseline, waitForSeal, type SealCondition } from './seal.js';

export interface DaemonSettings {
  collector: string;
  enrollToken: string | undefined;
  ca: Buffer | undefined;
  root: string;
  stateDir: string;
  paths: readonly string[];
  ignore: readonly string[];
  chokidarPaths: readonly string[];
  seal: SealCondition;
  heartbeatIntervalMs: number;
  rescanIntervalMs: number;
  fullRehashIntervalMs: number;
  debounceMs: number;
  maxHashBytesPerS: number;
  nice: number;
  batchMaxEvents: number;
  outboxMaxEvents: number;
  labels: Record<string, string>;
  imageId: string | undefined;
  loginsPollMs: number;
}

const SNAPSHOT_EVERY_MS = 60_000;
const STOP_DRAIN_MS = 5_000;

export async function runDaemon(s: DaemonSettings, log: Logger, stop: AbortSignal): Promise<void> {
  try {
    setPriority(0, s.nice); // before any worker starts: threads inherit the nice value
  } catch (err) {
    log.warn({ err: String(err) }, 'cannot lower the priority');
  }
  ensureStateDir(s.stateDir);
  const key = loadOrCreateKey(s.stateDir);
  const outbox = Outbox.open(join(s.stateDir, STATE_FILES.outbox), { maxEvents: s.outboxMaxEvents });
  const client = new CollectorClient(s.collector, s.ca === undefined ? {} : { ca: s.ca });
  const facts = async (): Promise<HostFacts> => {
    const f = await readHostFacts(s.root);
    return { ...f, labels: { ...f.labels, ...s.labels }, imageId: s.imageId ?? f.imageId };
  };
  const link: LinkContext = { client, stateDir: s.stateDir, collectorUrl: s.collector, enrollToken: s.enrollToken, key, hostFacts: facts, log, signal: stop };
  let delivery: Delivery | undefined;
  const record = (events: DriftEvent[], login?: LoginFacts): void => {
    const at = new Date();
    outbox.append(events.map((e) => eventToProto(e, at, login)));
    for (const e of events) log.info({ kind: e.kind, path: e.path, changes: e.changes, detail: e.detail }, 'drift');
    delivery?.wake();
  };
  let watcher: Watcher | undefined;
  let monitor: HostMonitor | undefined;
  const timers: NodeJS.Timeout[] = [];
  let fatal: unknown;
  let wakeMain = (): void => undefined;
  try {
    let baseline = await localBaseline(s, link, (events) => record(events));
    if (baseline === undefined) {
      log.info({ condition: s.seal }, 'no baseline yet: waiting for the seal condition');
      if (!(await waitForSeal(s.stateDir, s.seal, stop))) return;
      baseline = await sealBaseline(s, log);
      outbox.setMeta('sealed_at', new Date().toISOString());
    }
    const sealed = baseline;
    const sealedAt = new Date(outbox.getMeta('sealed_at') ?? baseline.manifest.createdAt.toISOString());
    const reference = (await loadObserved(s.stateDir, (why) => record([{ kind: 'coverage_gap', detail: `observed-state snapshot unusable, compared with the baseline: ${why}` }]))) ?? baseline.manifest;

    const changedBeforeReady: string[] = [];
    const toRootPath = (abs: string): string => (s.root === '/' ? abs : abs.slice(s.root.length) || '/');
    const isIgnored = ignoreMatcher(s.ignore);
    watcher = startWatcher({
      paths: watchTargets(s.root, s.paths),
      ignored: (abs) => isIgnored(toRootPath(abs)),
      chokidarPaths: s.chokidarPaths.map((p) => (s.root === '/' ? p : join(s.root, p))),
      onChange: (abs) => (monitor === undefined ? changedBeforeReady.push(toRootPath(abs)) : monitor.changed(toRootPath(abs))),
      onGap: (abs, reason) => {
        const path = toRootPath(abs);
        record([{ kind: 'coverage_gap', path, detail: `not watched: ${reason}; rescanning` }]);
        monitor?.changed(path);
      },
    });
    await watcher.ready;

    monitor = new HostMonitor(reference, {
      root: s.root, paths: s.paths, ignore: s.ignore, debounceMs: s.debounceMs, maxHashBytesPerS: s.maxHashBytesPerS, log,
      emit: (events) => record(events),
      onViewChanged: () => undefined,
    });
    // Whatever changed while the agent was not running (or since the snapshot).
    await monitor.rescan(false, 'start');
    saveObserved(s.stateDir, monitor.view.toManifest());
    for (const p of changedBeforeReady) monitor.changed(p);
    log.info({ root: s.root, paths: s.paths, watched: watcher.stats() }, 'watching');

    const m = monitor;
    if (s.rescanIntervalMs > 0) timers.push(setInterval(() => void m.rescan(false, 'interval'), s.rescanIntervalMs));
    if (s.fullRehashIntervalMs > 0) timers.push(setInterval(() => void m.rescan(true, 'full re-hash interval'), s.fullRehashIntervalMs));
    timers.push(setInterval(() => saveObserved(s.stateDir, m.view.toManifest()), SNAPSHOT_EVERY_MS));
    const logins = startLoginsPoll({
      root: s.root, intervalMs: s.loginsPollMs, log, sealedAt,
      loadKnown: () => outbox.getMeta('login_sessions') ?? '', saveKnown: (k) => outbox.setMeta('login_sessions', k),
      onLogin: (x) => record([{ kind: 'login', detail: `${x.user} on ${x.tty}${x.origin === '' ? '' : ` from ${x.origin}`}` }], { user: x.user, tty: x.tty, origin: x.origin }),
      onError: (detail) => record([{ kind: 'coverage_gap', detail }]),
    });
    await logins.poll();

    void connect(link, sealed, m, record, log).then((ok) => {
      if (!ok || stop.aborted) return;
      delivery = new Delivery(client, outbox, log, {
        batchMaxEvents: s.batchMaxEvents, heartbeatIntervalMs: s.heartbeatIntervalMs,
        currentRoot: () => m.view.merkleRoot(),
        onDirective: (d) => {
          if (d.kind === driftwatch.v1.Directive.Kind.KIND_RESCAN) void m.rescan(true, `collector: ${d.reason ?? ''}`);
          else log.warn({ directive: d.kind, reason: d.reason }, 'directive not supported by this agent; ignored');
        },
      });
      delivery.start();
    }).catch((err: unknown) => {
      // A refusal no retry can fix (a wrong enrollment token): stop, and say why, rather than watch unheard.
      fatal = err;
      wakeMain();
    });

    await new Promise<void>((resolve) => {
      wakeMain = resolve;
      stop.addEventListener('abort', () => resolve(), { once: true });
    });
    logins.stop();
    if (fatal !== undefined) throw fatal;
  } finally {
    for (const t of timers) clearInterval(t);
    await watcher?.close();
    if (monitor !== undefined) {
      await monitor.close();
      record([{ kind: 'agent_stopped', detail: 'the agent was stopped (SIGTERM/SIGINT)' }]);
      if (delivery !== undefined && !(await delivery.drain(STOP_DRAIN_MS))) log.warn('collector did not take every event before stop; they stay queued');
      saveObserved(s.stateDir, monitor.view.toManifest());
    }
    await delivery?.stop();
    client.close();
    outbox.close();
  }
}

/**
 * The sealed baseline from the state directory. One that fails its own root
 * was damaged or edited here: that is reported, and the collector's copy is
 * fetched (waiting for the collector if need be), never the local one trusted.
 */
async function localBaseline(s: DaemonSettings, link: LinkContext, record: (events: DriftEvent[]) => void): Promise<LoadedManifest | undefined> {
  try {
    return await loadBaseline(s.stateDir);
  } catch (err) {
    if (!(err instanceof DriftwatchError) || err.code !== 'AGENT_BASELINE_CORRUPT') throw err;
    record([{ kind: 'coverage_gap', detail: `${err.message}; restoring the collector's copy` }]);
    link.log.error({ err: err.message }, 'local baseline damaged; fetching the collector\'s copy');
    if (!(await ensureEnrolled(link))) return undefined;
    const canonical = await fetchCanonicalBaseline(link);
    if (canonical === undefined) return undefined;
    return canonical;
  }
}

/** Enroll and reconcile the baseline; a replaced baseline means a full comparison against it. */
async function connect(
  link: LinkContext, baseline: LoadedManifest, monitor: HostMonitor,
  record: (events: DriftEvent[]) => void, log: Logger,
): Promise<boolean> {
  if (!(await ensureEnrolled(link))) return false;
  const reconciled = await reconcileBaseline(link, baseline);
  if (reconciled === undefined) return false;
  if (reconciled.canonical !== undefined) {
    record([{ kind: 'coverage_gap', detail: reconciled.detail ?? 'local baseline replaced' }]);
    monitor.view.reset(reconciled.canonical.manifest);
    await monitor.rescan(true, 'baseline replaced by the collector\'s copy');
  }
  log.info('connected to the collector');
  return true;
}
