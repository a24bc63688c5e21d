// Phase 2 of the agent benchmark: the agent's steady state on the real
// system trees. A collector (temp SQLite) and `drift-agent run --root /` with
// its own temp state dir; after "watching" and "connected to the collector"
// and a settle time, the agent process's own VmRSS and CPU (utime + stime of
// all its threads, not its children) are sampled once a second. Then the
// peer, chokidar 5 alone on the same paths in its own process
// (watch-bench-child.js), the same way.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT, problems, startAgent, startCollector, waitForLog } from './agent-procs.js';
import { readProc, stopProcess, type ProcSample } from './ingest-proc.js';
import type { ChildArgs } from './watch-bench-child.js';

export interface SteadyOptions {
  readonly paths: readonly string[];
  readonly settleS: number;
  readonly windowS: number;
  readonly skipPeer: boolean;
  readonly keepTmp: boolean;
  /** A config file for the agent (--agent-config). */
  readonly agentConfig?: string;
}

export interface Footprint {
  readonly contender: 'drift-agent' | 'chokidar';
  /** Spawn -> ready ("watching" for the agent, which seals first; chokidar's ready). */
  readonly readyS: number;
  readonly rssMedianMb: number;
  readonly rssMaxMb: number;
  /** The anonymous part (heaps); the rest of RSS is file-backed, mostly the node binary's pages, shared with other node processes. */
  readonly anonMedianMb: number;
  /** CPU over the window, % of one core. */
  readonly cpuPct: number;
  readonly samples: ProcSample[];
  /** The most child processes seen alive at once during the window (the agent's rescan/seal children). */
  readonly maxChildren: number;
}

export interface SteadyResult {
  readonly options: SteadyOptions;
  readonly agent: Footprint;
  readonly peer: Footprint | null;
  readonly sealMs: number | null;
  readonly sealedFiles: number | null;
  /** Drift events the agent logged during the window (the real / is not frozen). */
  readonly driftInWindow: number;
  readonly agentProblems: string[];
}

function children(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((n, t) => n + readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter((c) => c !== '').length, 0);
  } catch {
    return 0;
  }
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** settle, then one sample a second for the window. */
async function sample(contender: Footprint['contender'], pid: number, readyS: number, o: SteadyOptions): Promise<Footprint> {
  await sleep(o.settleS * 1000);
  const samples: ProcSample[] = [];
  let maxChildren = 0;
  const start = Date.now();
  for (let k = 0; k <= o.windowS; k++) {
    const wait = start + k * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    const s = readProc(pid);
    if (s === null) throw new Error(`${contender} (pid ${pid}) vanished during the window`);
    samples.push(s);
    maxChildren = Math.max(maxChildren, children(pid));
  }
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const rss = samples.map((s) => s.rssKb / 1024);
  return {
    contender, readyS, rssMedianMb: median(rss), rssMaxMb: Math.max(...rss), anonMedianMb: median(samples.map((s) => s.anonKb / 1024)),
    cpuPct: ((last.cpuS - first.cpuS) / ((last.t - first.t) / 1000)) * 100, samples, maxChildren,
  };
}

export async function runSteady(o: SteadyOptions, log: (s: string) => void): Promise<SteadyResult> {
  const tmp = mkdtempSync(join(os.tmpdir(), 'driftwatch-agent-steady-'));
  let ok = false;
  const collector = await startCollector(join(tmp, 'collector.db'), join(tmp, 'collector.log'));
  const t0 = Date.now();
  const agent = startAgent(collector.url, '/', join(tmp, 'state'), [
    '--paths', o.paths.join(','), ...(o.agentConfig === undefined ? [] : ['--config', o.agentConfig]),
  ]);
  try {
    log(`steady: agent pid ${agent.child.pid} on / (${o.paths.join(' ')}), sealing first...`);
    const watchingAt = await waitForLog(agent, 'watching', 900_000);
    await waitForLog(agent, 'connected to the collector', 120_000);
    const sealed = agent.lines.find((l) => l.msg === 'baseline sealed');
    log(`steady: watching after ${((watchingAt - t0) / 1000).toFixed(1)} s; settling ${o.settleS} s, then ${o.windowS} s of samples`);
    const windowFrom = Date.now() + o.settleS * 1000;
    const ours = await sample('drift-agent', agent.child.pid!, (watchingAt - t0) / 1000, o);
    const driftInWindow = agent.lines.filter((l) => l.msg === 'drift' && l.time >= windowFrom).length;
    const agentProblems = problems(agent);
    await stopProcess(agent.child);
    await stopProcess(collector.child);
    const peer = o.skipPeer ? null : await chokidarPeer(o, log);
    ok = true;
    return { options: o, agent: ours, peer, sealMs: sealed?.ms ?? null, sealedFiles: sealed?.files ?? null, driftInWindow, agentProblems };
  } finally {
    await stopProcess(agent.child);
    await stopProcess(collector.child);
    if (o.keepTmp || !ok) log(`steady: kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

async function chokidarPeer(o: SteadyOptions, log: (s: string) => void): Promise<Footprint> {
  const args: ChildArgs = { mode: 'chokidar', paths: [...o.paths], chokidarPaths: [] };
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'bench', 'watch-bench-child.js'), JSON.stringify(args)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
  try {
    const until = Date.now() + 600_000;
    while (lines.length === 0) {
      if (child.exitCode !== null) throw new Error(`chokidar peer exited with ${child.exitCode} before it was ready`);
      if (Date.now() > until) throw new Error('chokidar peer not ready within 600 s');
      await sleep(50);
    }
    const readyS = (Date.now() - t0) / 1000;
    log(`steady: chokidar peer pid ${child.pid} ready after ${readyS.toFixed(1)} s; settling ${o.settleS} s, then ${o.windowS} s of samples`);
    const fp = await sample('chokidar', child.pid!, readyS, o);
    child.stdin.end();
    await once(child, 'exit');
    return fp;
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
