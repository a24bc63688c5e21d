// `drift-agent run`: the lifecycle of the agent on a host.
//   1. state directory, key, outbox (events are durable before anything else);
//   2. the sealed baseline, or wait for the readiness condition and seal it;
//   3. compare the host with what was last observed (changes made while the
//      agent was down), with the watcher already running so nothing slips
//      between the rescan and the watch;
//   4. in the background: enroll, check the local baseline against the
//      collector's copy (upload it if the collector has none), then deliver
//      the outbox and send heartbeats;
//   5. on SIGTERM: an agent_stopped event, a bounded drain, exit.
// Everything that talks to the collector retries: a dead collector never
// stops the watching, and events wait in the outbox.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { DriftwatchError } from '../../common/errors.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import type { CaptureSettings } from '../capture/capture-rules.js';
import { eventToProto, type LoginFacts } from '../codec/event-proto.js';
import type { DriftEvent, HostFacts } from '../model.js';
import { Outbox } from '../outbox/outbox.js';
import { CollectorClient } from '../report/collector-client.js';
import { ensureStateDir, loadOrCreateKey, removeStateFile, STATE_FILES } from '../state/state-dir.js';
import { startThreadedWatcher } from '../watch/threaded-watcher.js';
import type { Watcher } from '../watch/watcher.js';
import { ensureEnrolled, fetchCanonicalBaseline, reconcileBaseline, type LinkContext } from './collector-link.js';
import { uploadBaselineContent } from './content-upload.js';
import { Delivery } from './delivery.js';
import { HostMonitor, watchTargets } from './host-monitor.js';
import { startLoginsPoll } from './logins-poll.js';
import { runChild } from './rescan-protocol.js';
import { waitForSealEnrolled, type SealCondition } from './seal.js';
import { shutdownHandler } from './shutdown-directive.js';

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
  /** Run once on a SHUTDOWN directive; undefined: refused (logged). */
  shutdownCommand: readonly string[] | undefined;
  capture: CaptureSettings;
}

const STOP_DRAIN_MS = 5_000;

export async function runDaemon(s: DaemonSettings, log: Logger, stop: AbortSignal): Promise<void> {
  ensureStateDir(s.stateDir);
  const key = loadOrCreateKey(s.stateDir);
  const outbox = Outbox.open(join(s.stateDir, STATE_FILES.outbox), { maxEvents: s.outboxMaxEvents });
  const client = new CollectorClient(s.collector, s.ca === undefined ? {} : { ca: s.ca });
  const facts = async (): Promise<HostFacts> => {
    const reply = await runChild({ kind: 'host-facts', root: s.root, stateDir: s.stateDir, paths: s.paths, ignore: s.ignore, nice: s.nice });
    if (reply.kind !== 'facts') throw new Error(`host facts answered ${reply.kind}`);
    const f = reply.facts;
    return { ...f, labels: { ...f.labels, ...s.labels }, imageId: s.imageId ?? f.imageId };
  };
  const link: LinkContext = { client, stateDir: s.stateDir, collectorUrl: s.collector, enrollToken: s.enrollToken, key, hostFacts: facts, log, signal: stop };
  // One enrollment per start, shared: it begins while the agent waits for its seal condition
  // (the collector shows the host pending meanwhile), and a second caller must not enroll again.
  let enrolling: Promise<boolean> | undefined;
  const enrolled = (): Promise<boolean> => (enrolling ??= ensureEnrolled(link));
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
    monitor = new HostMonitor({
      root: s.root, stateDir: s.stateDir, paths: s.paths, ignore: s.ignore, nice: s.nice, debounceMs: s.debounceMs,
      maxHashBytesPerS: s.maxHashBytesPerS, capture: s.capture, log, emit: (events) => record(events),
    });
    const baseline = await sealedBaseline(s, link, enrolled, monitor, outbox, stop, (events) => record(events));
    if (baseline === undefined) return;
    const sealedAt = new Date(outbox.getMeta('sealed_at') ?? baseline.createdAt);

    // The watch starts before the rescan at start, so nothing changed between the two goes unseen.
    const mon = monitor;
    watcher = startThreadedWatcher(
      { root: s.root, ignore: s.ignore, paths: watchTargets(s.paths), chokidarPaths: s.chokidarPaths },
      (path) => mon.changed(path),
      (path, reason) => {
        record([{ kind: 'coverage_gap', path, detail: `not watched: ${reason}; rescanning` }]);
        mon.changed(path);
      },
    );
    await watcher.ready;
    // Whatever changed while the agent was not running (against the view it kept, or the baseline).
    await monitor.rescan(false, 'start');
    log.info({ root: s.root, paths: s.paths, watched: watcher.stats() }, 'watching');

    const m = monitor;
    if (s.rescanIntervalMs > 0) timers.push(setInterval(() => void m.rescan(false, 'interval'), s.rescanIntervalMs));
    if (s.fullRehashIntervalMs > 0) timers.push(setInterval(() => void m.rescan(true, 'full re-hash interval'), s.fullRehashIntervalMs));
    const logins = startLoginsPoll({
      root: s.root, intervalMs: s.loginsPollMs, log, sealedAt,
      loadKnown: () => outbox.getMeta('login_sessions') ?? '', saveKnown: (k) => outbox.setMeta('login_sessions', k),
      onLogin: (x) => record([{ kind: 'login', detail: `${x.user} on ${x.tty}${x.origin === '' ? '' : ` from ${x.origin}`}` }], { user: x.user, tty: x.tty, origin: x.origin }),
      onError: (detail) => record([{ kind: 'coverage_gap', detail }]),
    });
    await logins.poll();

    const shutdown = shutdownHandler({ command: s.shutdownCommand, log });
    void connect(link, enrolled, baseline.root, m, record, log).then((ok) => {
      if (!ok || stop.aborted) return;
      delivery = new Delivery(client, outbox, log, {
        batchMaxEvents: s.batchMaxEvents, heartbeatIntervalMs: s.heartbeatIntervalMs,
        currentRoot: () => m.merkleRoot(),
        onDirective: (d) => {
          if (d.kind === driftwatch.v1.Directive.Kind.KIND_RESCAN) void m.rescan(true, `collector: ${d.reason ?? ''}`);
          else if (d.kind === driftwatch.v1.Directive.Kind.KIND_SHUTDOWN) shutdown(d.reason ?? '');
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
      const why = fatal === undefined ? 'the agent was stopped (SIGTERM/SIGINT)' : `the agent stopped on an error: ${fatal instanceof Error ? fatal.message : String(fatal)}`;
      record([{ kind: 'agent_stopped', detail: why }]);
      if (delivery !== undefined && !(await delivery.drain(STOP_DRAIN_MS))) log.warn('collector did not take every event before stop; they stay queued');
    }
    await delivery?.stop();
    client.close();
    outbox.close();
  }
}

/**
 * The sealed baseline's root and time: verified in a child process (it holds
 * the whole manifest), or sealed there when the seal condition holds. One that
 * fails its own root was damaged or edited here: that is reported, and the
 * collector's copy is restored (waiting for the collector if need be), never
 * the local one trusted.
 */
async function sealedBaseline(
  s: DaemonSettings, link: LinkContext, enrolled: () => Promise<boolean>, monitor: HostMonitor, outbox: Outbox, stop: AbortSignal,
  record: (events: DriftEvent[]) => void,
): Promise<{ root: string; createdAt: string } | undefined> {
  const scope = { root: s.root, stateDir: s.stateDir, paths: s.paths, ignore: s.ignore, nice: s.nice };
  try {
    const found = await runChild({ kind: 'verify-baseline', ...scope });
    if (found.kind === 'baseline') return found;
  } catch (err) {
    if (!(err instanceof DriftwatchError) || err.code !== 'AGENT_BASELINE_CORRUPT') throw err;
    record([{ kind: 'coverage_gap', detail: `${err.message}; restoring the collector's copy` }]);
    link.log.error({ err: err.message }, 'local baseline damaged; fetching the collector\'s copy');
    if (!(await enrolled())) return undefined;
    const canonical = await fetchCanonicalBaseline(link);
    if (canonical === undefined) return undefined;
    removeStateFile(s.stateDir, STATE_FILES.view); // the next rescan compares with the restored baseline
    return { root: canonical.merkleRoot, createdAt: canonical.createdAt.toISOString() };
  }
  link.log.info({ condition: s.seal }, 'no baseline yet: waiting for the seal condition');
  const heartbeat = (): Promise<void> => link.client.heartbeat(new Uint8Array(0), outbox.lastSeq).then(
    () => undefined, (err: unknown) => { link.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'heartbeat failed'); });
  if (!(await waitForSealEnrolled(s.stateDir, s.seal, stop, { enrolled, heartbeat, heartbeatIntervalMs: s.heartbeatIntervalMs }))) return undefined;
  const started = Date.now();
  const sealed = await runChild({ kind: 'seal', ...scope, capture: s.capture });
  if (sealed.kind !== 'sealed') throw new Error(`seal answered ${sealed.kind}`);
  monitor.adoptSealedView();
  removeStateFile(s.stateDir, STATE_FILES.sealRequest);
  const at = new Date().toISOString();
  outbox.setMeta('sealed_at', at);
  link.log.info({ root: sealed.root, files: sealed.files, packages: sealed.packages, contents: sealed.contents, ms: Date.now() - started }, 'baseline sealed');
  if (sealed.mismatches > 0) {
    // Sealing tampered package files must never go unnoticed: they are in the manifest, and said here.
    link.log.warn({ mismatches: sealed.mismatches }, 'package-owned files differ from the package database at seal time');
  }
  return { root: sealed.root, createdAt: at };
}

/** Enroll and reconcile the baseline; a replaced baseline means a full comparison against it. */
async function connect(
  link: LinkContext, enrolled: () => Promise<boolean>, sealedRoot: string, monitor: HostMonitor,
  record: (events: DriftEvent[]) => void, log: Logger,
): Promise<boolean> {
  if (!(await enrolled())) return false;
  const reconciled = await reconcileBaseline(link, sealedRoot);
  if (reconciled === undefined) return false;
  if (reconciled.replaced) {
    record([{ kind: 'coverage_gap', detail: reconciled.detail ?? 'local baseline replaced' }]);
    await monitor.rescan(true, 'baseline replaced by the collector\'s copy', true);
  }
  // Beside the delivery of events, not before it: diffs can wait, drift cannot.
  void uploadBaselineContent(link).catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'uploading baseline contents failed'));
  log.info('connected to the collector');
  return true;
}
