// Footprint of the agent's watch layer against chokidar 5 alone on the same
// trees: time until the watch set is ready, RSS once it is, and CPU while the
// trees sit idle. Each contender runs in its own process, one after the other.
// See bench/README.md ("watch-bench").
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readProc, type ProcSample } from './ingest-proc.js';
import type { ChildArgs, DoneLine, ReadyLine } from './watch-bench-child.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(HERE, '..', '..');
const CHILD = join(HERE, 'watch-bench-child.js');
const READY_TIMEOUT_MS = 300_000;
const TARGET_RSS_MB = 100;
const TARGET_CPU_PCT = 0.5;

const USAGE = `usage: node dist/bench/watch-bench.js [options]   (or: npm run bench:watch -- [options])

  --paths a,b,c           trees to watch (default /usr/bin,/usr/sbin,/usr/lib,/etc)
  --chokidar-paths a,b    driftwatch's chokidar prefixes (default /etc)
  --idle S                seconds of idle CPU measurement per contender (default 30)
  --settle S              seconds to wait after ready before the idle window (default 0)
  --node-flags=F,...      flags for both contenders' node, e.g. --max-semi-space-size=2
  --skip-peer             run driftwatch only
  -h, --help              this text`;

interface Result {
  readonly contender: ChildArgs['mode'];
  readonly readyMs: number;
  /** From spawn to the ready line: node start-up and module loading included. */
  readonly processReadyMs: number;
  readonly rssReadyMb: number;
  readonly rssEndMb: number;
  readonly cpuIdlePct: number;
  readonly stats?: Record<string, number>;
  readonly done: DoneLine | null;
}

const mb = (kb: number): number => kb / 1024;

async function measure(args: ChildArgs, idleS: number, settleS: number, nodeFlags: readonly string[]): Promise<Result> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, CHILD, JSON.stringify(args)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: unknown[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => lines.push(JSON.parse(l)));
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (lines.length === 0) {
    if (child.exitCode !== null) throw new Error(`${args.mode}: exited with ${child.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error(`${args.mode}: not ready within ${READY_TIMEOUT_MS / 1000} s`);
    await sleep(5);
  }
  const processReadyMs = performance.now() - t0;
  const ready = lines[0] as ReadyLine;
  const pid = child.pid!;
  const atReady = readProc(pid);
  await sleep(settleS * 1000);
  const idleFrom = settleS > 0 ? readProc(pid) : atReady;
  await sleep(idleS * 1000);
  const atEnd = readProc(pid);
  if (atReady === null || idleFrom === null || atEnd === null) throw new Error(`${args.mode}: process vanished during the idle period`);
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`${args.mode}: exited with ${code}`);
  return {
    contender: args.mode,
    readyMs: ready.readyMs,
    processReadyMs,
    rssReadyMb: mb(atReady.rssKb),
    rssEndMb: mb(atEnd.rssKb),
    cpuIdlePct: cpuPct(idleFrom, atEnd),
    stats: ready.stats,
    done: (lines[1] as DoneLine | undefined) ?? null,
  };
}

function cpuPct(a: ProcSample, b: ProcSample): number {
  return ((b.cpuS - a.cpuS) / ((b.t - a.t) / 1000)) * 100;
}

function row(r: Result): string {
  const f = (n: number, d = 1): string => n.toFixed(d).padStart(9);
  return `${r.contender.padEnd(12)}${f(r.readyMs / 1000, 2)} s${f(r.processReadyMs / 1000, 2)} s${f(r.rssReadyMb)} MB${f(r.rssEndMb)} MB${f(r.cpuIdlePct, 2)} %`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      paths: { type: 'string', default: '/usr/bin,/usr/sbin,/usr/lib,/etc' },
      'chokidar-paths': { type: 'string', default: '/etc' },
      idle: { type: 'string', default: '30' },
      settle: { type: 'string', default: '0' },
      'node-flags': { type: 'string', default: '' },
      'skip-peer': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const split = (s: string): string[] => s.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const paths = split(values.paths);
  const chokidarPaths = split(values['chokidar-paths']);
  const idleS = Number(values.idle);
  const settleS = Number(values.settle);
  const nodeFlags = values['node-flags'].split(',').filter((f) => f !== '');
  if (!(idleS > 0) || !(settleS >= 0) || paths.length === 0) {
    console.error(USAGE);
    return 2;
  }

  // Warm the dentry and inode caches so the first contender does not pay for both.
  spawnSync('find', [...paths, '-xdev'], { stdio: 'ignore' });
  console.log(`watching ${paths.join(' ')} (chokidar prefixes for driftwatch: ${chokidarPaths.join(' ') || 'none'}), ${idleS} s idle each${settleS > 0 ? `, from ${settleS} s after ready` : ''}`);
  if (nodeFlags.length > 0) console.log(`node flags for both: ${nodeFlags.join(' ')}`);
  const results: Result[] = [await measure({ mode: 'driftwatch', paths, chokidarPaths }, idleS, settleS, nodeFlags)];
  if (!values['skip-peer']) results.push(await measure({ mode: 'chokidar', paths, chokidarPaths }, idleS, settleS, nodeFlags));

  console.log(`\n${'contender'.padEnd(12)}${'ready'.padStart(11)}${'+ startup'.padStart(11)}${'RSS ready'.padStart(12)}${'RSS end'.padStart(12)}${'idle CPU'.padStart(11)}`);
  for (const r of results) console.log(row(r));
  const [ours, peer] = results;
  console.log(`\ndriftwatch stats: ${JSON.stringify(ours?.stats)}; events during the run: ${JSON.stringify(ours?.done)}`);
  if (ours !== undefined && peer !== undefined) {
    console.log('\nratios (chokidar / driftwatch, higher is better for driftwatch):');
    console.log(`  time to ready  ${(peer.readyMs / ours.readyMs).toFixed(1)}x`);
    console.log(`  RSS when ready ${(peer.rssReadyMb / ours.rssReadyMb).toFixed(1)}x`);
    // /proc counts CPU in 10 ms ticks: over 30 s, anything under 0.03 % is one tick or none.
    const measurable = ours.cpuIdlePct > 0 && peer.cpuIdlePct > 0;
    console.log(`  idle CPU       ${measurable ? `${(peer.cpuIdlePct / ours.cpuIdlePct).toFixed(1)}x` : 'n/a (one of them used no measurable CPU)'}`);
  }
  if (ours !== undefined) {
    const rssOk = Math.max(ours.rssReadyMb, ours.rssEndMb) <= TARGET_RSS_MB;
    const cpuOk = ours.cpuIdlePct <= TARGET_CPU_PCT;
    console.log(`\ntargets for the whole agent (this is the watch layer alone):`);
    console.log(`  RSS <= ${TARGET_RSS_MB} MB       ${rssOk ? 'PASS' : 'FAIL'}`);
    console.log(`  idle CPU <= ${TARGET_CPU_PCT} %   ${cpuOk ? 'PASS' : 'FAIL'}`);
  }

  const outDir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `watch-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, `${JSON.stringify({ host: os.hostname(), cpus: os.cpus().length, node: process.version, nodeFlags, paths, chokidarPaths, idleS, settleS, results }, null, 2)}\n`);
  console.log(`\nwritten to ${out}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
