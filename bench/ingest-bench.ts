// Ingest benchmark: a real collector (fresh SQLite file) and a load generator
// in a second process (ingest-load.ts) on the same machine, talking over
// 127.0.0.1, the way the issue measures it: signed event batches, then signed
// heartbeats, each for --duration seconds, while the collector's RSS and CPU
// are sampled from /proc once a second. See bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderTop, topSelfTime } from './ingest-cpuprofile.js';
import type { LoadResult } from './ingest-load.js';
import { collectStdout, freePort, sampleProc, stopProcess, waitHealthy } from './ingest-proc.js';
import { buildReport, renderReport } from './ingest-report.js';
import { intFlag } from './ingest-stats.js';

// dist/bench/ingest-bench.js -> project root, where bin/ and bench/results/ live.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOAD_JS = join(ROOT, 'dist', 'bench', 'ingest-load.js');
const RESULTS = join(ROOT, 'bench', 'results');
// Benchmark-only secrets for a throwaway database; passed through the environment, never argv.
const ENROLL_TOKEN = 'bench-enroll-token-0123456789';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

const USAGE = `usage: node dist/bench/ingest-bench.js [options]   (or: npm run bench:ingest -- [options])

Starts drift-collector on a fresh SQLite database, drives it from a separate
load-generator process over 127.0.0.1 (event batches, then heartbeats) and
reports throughput, latency, collector CPU and RSS against the issue's targets.

  --duration S          seconds per phase (default 60: a 2-minute run)
  --hosts N             simulated enrolled hosts (default 200)
  --concurrency C       heartbeats in flight (default 32)
  --event-concurrency C event batches in flight (default 4)
  --event-rate R        pace events at R/s instead of a closed loop
  --heartbeat-rate R    pace heartbeats at R/s instead of a closed loop
  --log-level L         collector DRIFTWATCH_LOG_LEVEL (default warn; info logs every request)
  --cpu-prof            run the collector under node --cpu-prof and print its top self time
  --keep-tmp            keep the temp dir (database, collector log)
  -h, --help            this text

Writes bench/results/ingest-<timestamp>.json (and .cpuprofile with --cpu-prof).`;

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const { values: v } = parseArgs({
    options: {
      duration: { type: 'string' }, hosts: { type: 'string' }, concurrency: { type: 'string' }, 'event-concurrency': { type: 'string' },
      'event-rate': { type: 'string' }, 'heartbeat-rate': { type: 'string' }, 'log-level': { type: 'string', default: 'warn' },
      'cpu-prof': { type: 'boolean', default: false }, 'keep-tmp': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true, allowPositionals: false,
  });
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const opts = {
    duration: intFlag('duration', v.duration, 60, 5), hosts: intFlag('hosts', v.hosts, 200, 1),
    concurrency: intFlag('concurrency', v.concurrency, 32, 1), eventConcurrency: intFlag('event-concurrency', v['event-concurrency'], 4, 1),
    eventRate: intFlag('event-rate', v['event-rate'], 0, 0), heartbeatRate: intFlag('heartbeat-rate', v['heartbeat-rate'], 0, 0),
    logLevel: v['log-level'], cpuProf: v['cpu-prof'],
  };
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  mkdirSync(RESULTS, { recursive: true });
  const tmp = mkdtempSync(join(os.tmpdir(), 'driftwatch-ingest-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, DRIFTWATCH_ENROLL_TOKEN: ENROLL_TOKEN, DRIFTWATCH_ADMIN_TOKEN: ADMIN_TOKEN, DRIFTWATCH_LOG_LEVEL: opts.logLevel };
  const profName = `ingest-${stamp}.cpuprofile`;
  const nodeFlags = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS}`, `--cpu-prof-name=${profName}`] : [];
  // The collector's log goes to a file: a pipe we read would cost this process CPU, and at info level it is large.
  const logFd = openSync(join(tmp, 'collector.log'), 'w');
  // Each simulated host sends tens of requests a second, standing in for hundreds of real ones: the per-host
  // rate limit (50/s by default) is lifted so the run measures capacity. Its per-request check still runs.
  const configFile = join(tmp, 'collector.yaml');
  writeFileSync(configFile, 'rate_limit_per_second: 100000\nrate_limit_burst: 1000000\n');
  // Profile sample times count from process start; this is close enough (startup is tens of ms) to cut phases out.
  const spawnedAt = Date.now();
  const collector = spawn(process.execPath, [...nodeFlags, join(ROOT, 'bin', 'drift-collector.js'), 'serve', '--config', configFile,
    '--db', join(tmp, 'collector.db'), '--listen', `127.0.0.1:${port}`], { cwd: ROOT, env, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  let status = 1;
  try {
    await waitHealthy(url, collector);
    console.log(`collector pid ${collector.pid} on ${url}, db ${tmp}/collector.db, log level ${opts.logLevel}${opts.cpuProf ? ', --cpu-prof' : ''}`);
    const sampler = sampleProc(collector.pid!);
    const load = spawn(process.execPath, [LOAD_JS, '--url', url, '--hosts', String(opts.hosts), '--duration', String(opts.duration),
      '--concurrency', String(opts.concurrency), '--event-concurrency', String(opts.eventConcurrency),
      '--event-rate', String(opts.eventRate), '--heartbeat-rate', String(opts.heartbeatRate)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const out = await collectStdout(load, 'the load generator').finally(() => sampler.stop());
    const result = JSON.parse(out) as LoadResult;
    const report = buildReport(result, sampler.samples);
    console.log(`\n${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, commit ${git(['log', '-1', '--format=%h'])}, ` +
      `${opts.hosts} hosts, ${opts.duration} s per phase (first ${result.warmupS} s not counted), generator CPU ${result.generatorCpuS.toFixed(1)} s in all\n`);
    console.log(renderReport(report));
    for (const p of result.phases) {
      if (p.errorSamples.length > 0) console.log(`\n${p.name} errors, first ones: ${p.errorSamples.join(' | ')}`);
      if (p.batchesBuiltDuringPhase > 0) console.log(`note: ${p.batchesBuiltDuringPhase} ${p.name} batches were built during the phase (prebuilt ones ran out)`);
    }
    const exit = await stopProcess(collector);
    const profile: Record<string, ReturnType<typeof topSelfTime>> = {};
    if (opts.cpuProf && readdirSync(RESULTS).includes(profName)) {
      console.log(`\ncollector CPU profile: bench/results/${profName}`);
      for (const p of result.phases) {
        const top = topSelfTime(join(RESULTS, profName), 20, { fromMs: p.measuredFrom - spawnedAt, toMs: p.endedAt - spawnedAt });
        profile[p.name] = top;
        console.log(`\n${p.name} phase (counted part): ${renderTop(top)}`);
      }
    }
    const file = join(RESULTS, `ingest-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify({
      startedAt: stamp, commit: git(['log', '-1', '--format=%h']), dirty: git(['status', '--porcelain']) !== '', node: process.version,
      cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, options: opts, collectorExit: exit, load: result, report, samples: sampler.samples, profile,
    }, null, 2)}\n`);
    console.log(`\nresults: ${file}`);
    status = 0; // a missed target is reported, not an error: only a broken run exits non-zero
  } catch (err) {
    console.error(`error: ${err instanceof Error ? err.message : String(err)} (collector log: ${tmp}/collector.log)`);
    v['keep-tmp'] = true;
  } finally {
    await stopProcess(collector);
    if (v['keep-tmp']) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  return status;
}

process.exitCode = await main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  return 2;
});
