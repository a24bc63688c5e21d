// Phase 1 of the agent benchmark: end-to-end detection latency. A collector
// (temp SQLite), the bare fs.watch peer and an agent with default settings on
// a synthetic tree; once the agent is connected, mutations on a fixed
// schedule, each one's write time noted; then every mutation is matched to
// its event at the collector by path and kind. Latency = received_at - write.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PeerResult } from './agent-fswatch-peer.js';
import { buildTree, planMutations, runPlan, type Mutation } from './agent-mutations.js';
import { eventsAfter, onlyHostId, PROJECT_ROOT, problems, startAgent, startCollector, waitForLog, type ApiEvent } from './agent-procs.js';
import { stopProcess } from './ingest-proc.js';
import { LatencyRecorder, type LatencySummary } from './ingest-stats.js';

export interface LatencyOptions {
  readonly mutations: number;
  readonly intervalMs: number;
  /** How long to wait for the last events after the last mutation. */
  readonly waitS: number;
  readonly keepTmp: boolean;
}

export interface Sample {
  readonly i: number;
  readonly kind: Mutation['kind'];
  readonly area: Mutation['area'];
  readonly path: string;
  readonly writeAt: number;
  /** write -> received_at at the collector; null when no event came. */
  readonly e2eMs: number | null;
  /** write -> the agent's "drift" log line (after the event is in the outbox). */
  readonly detectMs: number | null;
  /** write -> the bare fs.watch peer's first notification for the path. */
  readonly peerMs: number | null;
  /** A file_changed whose changes lack what was done (content for modify, mode for chmod). */
  readonly wrongChanges?: string[];
}

export interface LatencyResult {
  readonly options: LatencyOptions;
  readonly treeFiles: number;
  readonly samples: Sample[];
  readonly missing: Array<Pick<Mutation, 'i' | 'kind' | 'path'>>;
  readonly peerMissing: number;
  /** Events after the start that match no mutation (or match one twice). */
  readonly extras: Array<Pick<ApiEvent, 'seq' | 'kind' | 'path' | 'changes'>>;
  readonly e2e: LatencySummary;
  readonly detect: LatencySummary;
  /** The agent's log line -> received_at: sending, signing, the collector's checks (both clocks ms). */
  readonly deliver: LatencySummary;
  readonly peer: LatencySummary;
  readonly byKind: Record<string, LatencySummary>;
  readonly byArea: Record<string, LatencySummary>;
  readonly agentProblems: string[];
  readonly peerNotifications: number;
  readonly peerErrors: string[];
}

export function summarize(values: ReadonlyArray<number | null>): LatencySummary {
  const r = new LatencyRecorder();
  for (const v of values) if (v !== null) r.record(v);
  return r.summary();
}

const WANTED_CHANGE = { modify: 'content', chmod: 'mode' } as const;

/** Pairs mutations with events (first unused event of the same path and kind, in seq order). */
function match(plan: readonly Mutation[], events: readonly ApiEvent[]): { byI: Map<number, ApiEvent>; extras: ApiEvent[] } {
  const pool = new Map<string, ApiEvent[]>();
  for (const e of events) {
    const key = `${e.kind} ${e.path ?? ''}`;
    pool.set(key, [...(pool.get(key) ?? []), e]);
  }
  const byI = new Map<number, ApiEvent>();
  for (const m of plan) {
    const e = pool.get(`${m.expect} ${m.path}`)?.shift();
    if (e !== undefined) byI.set(m.i, e);
  }
  return { byI, extras: [...pool.values()].flat().sort((a, b) => a.seq - b.seq) };
}

export async function runLatency(opts: LatencyOptions, log: (s: string) => void): Promise<LatencyResult> {
  const tmp = mkdtempSync(join(os.tmpdir(), 'driftwatch-agent-latency-'));
  const root = join(tmp, 'root');
  const tree = buildTree(root);
  const plan = planMutations(tree, opts.mutations, 'bench');
  log(`latency: ${tree.fileCount} files under ${root}/etc (${tree.dirs.length - 1} dirs) and ${root}/usr/bin; ${plan.length} mutations every ${opts.intervalMs} ms`);
  const collector = await startCollector(join(tmp, 'collector.db'), join(tmp, 'collector.log'));
  const peer = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'bench', 'agent-fswatch-peer.js'), JSON.stringify({ dirs: tree.dirs })],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  const peerLines: string[] = [];
  createInterface({ input: peer.stdout }).on('line', (l) => peerLines.push(l));
  const agent = startAgent(collector.url, root, join(tmp, 'state'));
  let ok = false;
  try {
    await waitForLog(agent, 'watching', 120_000);
    await waitForLog(agent, 'connected to the collector', 60_000);
    while (peerLines.length === 0) await sleep(20);
    await sleep(2000); // let the start-up work (baseline upload, first heartbeat) finish
    const hostId = await onlyHostId(collector.url);
    const before = await eventsAfter(collector.url, hostId, 0);
    const startSeq = before.at(-1)?.seq ?? 0;
    log(`latency: agent pid ${agent.child.pid} connected (${before.length} events before the mutations); mutating...`);

    const writes = await runPlan(root, plan, opts.intervalMs);
    const wanted = new Set(plan.map((m) => `${m.expect} ${m.path}`));
    const deadline = Date.now() + opts.waitS * 1000;
    let events: ApiEvent[] = [];
    for (;;) {
      events = await eventsAfter(collector.url, hostId, startSeq);
      const seen = new Set(events.map((e) => `${e.kind} ${e.path ?? ''}`));
      if ([...wanted].every((k) => seen.has(k)) || Date.now() > deadline) break;
      await sleep(250);
    }
    await sleep(1000); // anything reported twice, or late, shows up as an extra
    events = await eventsAfter(collector.url, hostId, startSeq);

    peer.stdin.end();
    const [peerOut] = await Promise.all([waitLine(peerLines, 2), once(peer, 'exit')]);
    const peerResult = JSON.parse(peerOut) as PeerResult;
    const peerFirst = new Map(peerResult.first);
    const drift = new Map<string, number>();
    for (const l of agent.lines) if (l.msg === 'drift' && l.path !== undefined) drift.set(`${l.kind ?? ''} ${l.path}`, drift.get(`${l.kind ?? ''} ${l.path}`) ?? l.time);

    const { byI, extras } = match(plan, events);
    const samples: Sample[] = plan.map((m) => {
      const at = writes[m.i]!;
      const e = byI.get(m.i);
      const logged = drift.get(`${m.expect} ${m.path}`);
      const notified = peerFirst.get(join(root, m.path));
      const want = m.kind === 'modify' || m.kind === 'chmod' ? WANTED_CHANGE[m.kind] : undefined;
      const s: Sample = {
        i: m.i, kind: m.kind, area: m.area, path: m.path, writeAt: at,
        e2eMs: e === undefined ? null : Date.parse(e.received_at) - at,
        detectMs: logged === undefined ? null : logged - at,
        peerMs: notified === undefined ? null : notified - at,
      };
      return e !== undefined && want !== undefined && !(e.changes ?? []).includes(want) ? { ...s, wrongChanges: e.changes ?? [] } : s;
    });
    const group = (key: 'kind' | 'area'): Record<string, LatencySummary> => {
      const out: Record<string, LatencySummary> = {};
      for (const k of new Set(samples.map((s) => s[key]))) out[k] = summarize(samples.filter((s) => s[key] === k).map((s) => s.e2eMs));
      return out;
    };
    ok = true;
    return {
      options: opts, treeFiles: tree.fileCount, samples,
      missing: plan.filter((m) => !byI.has(m.i)).map(({ i, kind, path }) => ({ i, kind, path })),
      peerMissing: samples.filter((s) => s.peerMs === null).length,
      extras: extras.map(({ seq, kind, path, changes }) => ({ seq, kind, path, changes })),
      e2e: summarize(samples.map((s) => s.e2eMs)), detect: summarize(samples.map((s) => s.detectMs)),
      deliver: summarize(samples.map((s) => (s.e2eMs === null || s.detectMs === null ? null : s.e2eMs - s.detectMs))), peer: summarize(samples.map((s) => s.peerMs)),
      byKind: group('kind'), byArea: group('area'), agentProblems: problems(agent), peerNotifications: peerResult.notifications, peerErrors: peerResult.errors,
    };
  } finally {
    if (peer.exitCode === null) peer.kill();
    await stopProcess(agent.child);
    await stopProcess(collector.child);
    if (opts.keepTmp || !ok) log(`latency: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

async function waitLine(lines: string[], n: number): Promise<string> {
  const until = Date.now() + 10_000;
  while (lines.length < n) {
    if (Date.now() > until) throw new Error('the fs.watch peer did not report');
    await sleep(20);
  }
  return lines[n - 1]!;
}
