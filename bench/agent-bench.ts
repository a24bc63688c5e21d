// Agent benchmark: the whole agent as it runs on a host, against the issue's
// targets. Phase 1, end-to-end detection latency (file write -> event stored
// at a real collector) on a synthetic tree, with a bare fs.watch process as
// the kernel-notification floor. Phase 2, the agent's steady state (RSS, idle
// CPU) watching the real system trees, with chokidar alone as the peer.
// See bench/README.md ("agent-bench").
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runLatency, type LatencyOptions, type LatencyResult } from './agent-latency.js';
import { PROJECT_ROOT } from './agent-procs.js';
import { latencyVerdicts, renderLatency, renderSteady, renderVerdicts, steadyVerdicts, type Verdict } from './agent-report.js';
import { runSteady, type SteadyOptions, type SteadyResult } from './agent-steady.js';
import { intFlag } from './ingest-stats.js';

const USAGE = `usage: node dist/bench/agent-bench.js [options]   (or: npm run bench:agent -- [options])

Phase 1: end-to-end detection latency of drift-agent run -> drift-collector on
a synthetic tree, against a bare fs.watch peer. Phase 2: the agent's RSS and
idle CPU watching the real system trees, against chokidar alone.

  --mutations N     mutations in phase 1 (default 300; the target needs >= 200)
  --interval MS     time between mutations (default 30)
  --wait S          how long to wait for the last events (default 30)
  --paths a,b,c     phase 2 trees (default /usr/bin,/usr/sbin,/usr/lib,/etc)
  --settle S        phase 2: wait after the agent is watching and connected (default 15)
  --window S        phase 2: seconds of samples, one a second (default 60)
  --skip-latency    phase 2 only
  --skip-steady     phase 1 only
  --skip-peer       phase 2 without the chokidar peer
  --agent-config F  phase 2: run the agent with this config file (e.g. capture: [] to
                    measure it without captured content)
  --keep-tmp        keep the temp dirs (trees, databases, logs, state)
  -h, --help        this text

Writes bench/results/agent-<timestamp>.json.`;

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

interface Options {
  readonly help: boolean;
  readonly latency: LatencyOptions | null;
  readonly steady: SteadyOptions | null;
}

/** Throws on bad input (exit 2). */
function parseOptions(argv: string[]): Options {
  const { values: f } = parseArgs({
    args: argv, strict: true, allowPositionals: false,
    options: {
      mutations: { type: 'string' }, interval: { type: 'string' }, wait: { type: 'string' }, paths: { type: 'string', default: '/usr/bin,/usr/sbin,/usr/lib,/etc' },
      settle: { type: 'string' }, window: { type: 'string' }, 'skip-latency': { type: 'boolean', default: false },
      'skip-steady': { type: 'boolean', default: false }, 'skip-peer': { type: 'boolean', default: false },
      'agent-config': { type: 'string' }, 'keep-tmp': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const paths = f.paths.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (paths.length === 0 || paths.some((p) => !p.startsWith('/'))) throw new Error('--paths needs absolute paths');
  const latency: LatencyOptions = {
    mutations: intFlag('mutations', f.mutations, 300, 1), intervalMs: intFlag('interval', f.interval, 30, 1),
    waitS: intFlag('wait', f.wait, 30, 1), keepTmp: f['keep-tmp'],
  };
  const steady: SteadyOptions = {
    paths, settleS: intFlag('settle', f.settle, 15, 0), windowS: intFlag('window', f.window, 60, 2), skipPeer: f['skip-peer'], keepTmp: f['keep-tmp'],
    ...(f['agent-config'] === undefined ? {} : { agentConfig: f['agent-config'] }),
  };
  return { help: f.help, latency: f['skip-latency'] ? null : latency, steady: f['skip-steady'] ? null : steady };
}

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }

  const commit = git(['log', '-1', '--format=%h']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  const started = new Date();
  console.log(`${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, commit ${commit}${dirty ? ' (dirty)' : ''}, load average ${load()}`);
  const log = (s: string): void => console.log(`[${((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4)} s] ${s}`);
  const loads: Record<string, string> = { start: load() };

  let latency: LatencyResult | null = null;
  let steady: SteadyResult | null = null;
  if (opts.latency !== null) {
    latency = await runLatency(opts.latency, log);
    loads.afterLatency = load();
  }
  if (opts.steady !== null) {
    steady = await runSteady(opts.steady, log);
    loads.afterSteady = load();
  }

  const verdicts: Verdict[] = [];
  if (latency !== null) {
    console.log(`\nphase 1: end-to-end detection latency, ${latency.samples.length} mutations every ${latency.options.intervalMs} ms on ${latency.treeFiles} files, agent with default settings\n`);
    console.log(renderLatency(latency));
    verdicts.push(...latencyVerdicts(latency));
  }
  if (steady !== null) {
    console.log(`\nphase 2: steady state on / (${steady.options.paths.join(' ')}), ${steady.options.windowS} s window from ${steady.options.settleS} s after ready; CPU = utime+stime of the process (all threads, no children), % of one core\n`);
    console.log(renderSteady(steady));
    verdicts.push(...steadyVerdicts(steady));
  }
  console.log(`\n${renderVerdicts(verdicts)}`);
  console.log(`\nload average: ${Object.entries(loads).map(([k, l]) => `${k} ${l}`).join('; ')}`);

  const dir = join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `agent-${started.toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`);
  writeFileSync(file, `${JSON.stringify({
    startedAt: started.toISOString(), commit, dirty, node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model,
    loads, latency, steady, verdicts,
  }, null, 2)}\n`);
  console.log(`results: ${file}`);
  return 0;
}

process.exitCode = await main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
});
