// Speed benchmark for `drift-agent scan` and `drift-agent check` against the
// reference points named in the issue: two openssl sha256 processes (the
// practical hashing floor), a stat-only find walk, an MD5 floor over the
// dpkg-owned files, and AIDE 0.18 --init/--check on the same trees.
// See bench/README.md for what each row means.
import { execFile } from 'node:child_process';
import { access, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { countAideEntries, promoteAideDatabase, resetAideInit, writeAideConfig } from './aide-config.js';
import { parseBenchArgs, USAGE } from './bench-args.js';
import { corpusStats, quotedRoots, resolveCorpus, warmPageCache } from './corpus.js';
import { writeDpkgCorpusList } from './dpkg-list.js';
import { requireTools, toolVersions } from './preflight.js';
import type { Measurement, MeasurementKey } from './report.js';
import { fmtBytes, renderMeasurements, renderVerdicts, summarize, verdicts } from './report.js';
import type { TimedCommand } from './run-timed.js';
import { CommandFailedError, displayCommand, exitZero, runTimed, shQuote } from './run-timed.js';

const execFileAsync = promisify(execFile);

// dist/bench/scan-bench.js -> project root, where bin/ and bench/results/ live.
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DRIFT_AGENT = join(PROJECT_ROOT, 'bin', 'drift-agent.js');
const AIDE_WORKERS = 2;

interface Step {
  readonly m: Measurement;
  readonly cmd: TimedCommand;
  /** Skip this step once the step that produces its input has failed. */
  readonly dependsOn?: MeasurementKey;
  readonly before?: () => Promise<void>;
  readonly after?: () => Promise<void>;
}

function step(cmd: TimedCommand & { readonly key: MeasurementKey }, extra: Omit<Step, 'm' | 'cmd'> = {}): Step {
  const m: Measurement = { key: cmd.key, label: cmd.label, command: displayCommand(cmd.argv), samples: [] };
  return { m, cmd, ...extra };
}

/** Why drift-agent cannot be benchmarked, or null if `scan --help` works. */
async function driftAgentProblem(): Promise<string | null> {
  try {
    await access(DRIFT_AGENT);
    await execFileAsync(process.execPath, [DRIFT_AGENT, 'scan', '--help'], { cwd: PROJECT_ROOT, timeout: 60_000 });
    return null;
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    const line = text.split('\n').find((l) => /error/i.test(l)) ?? text.split('\n')[0] ?? '';
    console.error(`error: drift-agent is not runnable, skipping its rows: ${line.trim()}`);
    return 'not run: `drift-agent scan --help` failed';
  }
}

async function main(): Promise<number> {
  const opts = parseBenchArgs(process.argv.slice(2));
  if (opts === null) {
    console.log(USAGE);
    return 0;
  }
  const withAide = !opts.skipAide;
  await requireTools(withAide);
  const corpus = await resolveCorpus(opts.corpus);
  const versions = await toolVersions(withAide);
  const startedAt = new Date();
  const tmp = await mkdtemp(join(os.tmpdir(), 'driftwatch-bench-'));

  try {
    const dpkg = await writeDpkgCorpusList(corpus, join(tmp, 'dpkg-files.list0'));
    const aide = withAide ? await writeAideConfig(tmp, corpus, AIDE_WORKERS) : null;
    const baseline = join(tmp, 'base.pb');
    const roots = quotedRoots(corpus);
    const agent = (args: string[]): string[] => [process.execPath, DRIFT_AGENT, ...args];

    const steps: Step[] = [
      step({
        key: 'opensslSha256',
        label: 'openssl sha256 floor (2 procs)',
        argv: ['sh', '-c', `find ${roots} -type f -print0 | xargs -0 -r -P2 -n 500 openssl dgst -sha256 > /dev/null`],
        okExit: exitZero,
      }),
      step({
        key: 'statWalk',
        label: 'stat-only walk (find -printf)',
        argv: ['find', ...corpus, '-printf', '%s %T@ %C@ %i %m %U %G\\n'],
        okExit: exitZero,
      }),
      step({
        key: 'opensslMd5Dpkg',
        label: `openssl md5 floor (${dpkg.files} dpkg files)`,
        argv: ['sh', '-c', `xargs -0 -r -P2 -n 500 openssl dgst -md5 < ${shQuote(dpkg.path)} > /dev/null`],
        okExit: exitZero,
      }),
    ];
    // The AIDE rows exist even with --skip-aide so the table keeps its shape.
    const aideArgv = (mode: string): string[] => ['aide', `--config=${aide?.configPath ?? '(skipped)'}`, mode];
    const aideSteps = [
      step(
        { key: 'aideInit', label: `AIDE --init (${AIDE_WORKERS} workers)`, argv: aideArgv('--init'), okExit: exitZero },
        {
          before: async () => (aide ? resetAideInit(aide) : undefined),
          after: async () => (aide ? promoteAideDatabase(aide) : undefined),
        },
      ),
      // --check reports findings as exit 1..7 (new/removed/changed bits); 14+ are errors.
      step(
        { key: 'aideCheck', label: `AIDE --check (${AIDE_WORKERS} workers)`, argv: aideArgv('--check'), okExit: (c) => c < 14 },
        { dependsOn: 'aideInit' },
      ),
    ];
    for (const s of aideSteps) if (!aide) s.m.problem = 'skipped (--skip-aide)';
    steps.push(...aideSteps);
    const agentProblem = opts.skipDriftwatch ? 'skipped (--skip-driftwatch)' : await driftAgentProblem();
    // drift-agent check: 0 = clean, 1 = drift found, 2 = error.
    const checkOk = (c: number): boolean => c === 0 || c === 1;
    const agentSteps = [
      step(
        {
          key: 'scan',
          label: 'drift-agent scan (full, proto)',
          argv: agent(['scan', '--root', '/', '--paths', corpus.join(','), '--format', 'proto', '--out', baseline]),
          cwd: PROJECT_ROOT,
          okExit: exitZero,
        },
        // A failed scan must not leave the previous round's baseline for check to use.
        { before: () => rm(baseline, { force: true }) },
      ),
      step(
        {
          key: 'check',
          label: 'drift-agent check (full re-hash)',
          argv: agent(['check', '--root', '/', '--baseline', baseline, '--format', 'json']),
          cwd: PROJECT_ROOT,
          okExit: checkOk,
        },
        { dependsOn: 'scan' },
      ),
      step(
        {
          key: 'checkQuick',
          label: 'drift-agent check --quick (unchanged)',
          argv: agent(['check', '--quick', '--root', '/', '--baseline', baseline, '--format', 'json']),
          cwd: PROJECT_ROOT,
          okExit: checkOk,
        },
        { dependsOn: 'scan' },
      ),
    ];
    for (const s of agentSteps) if (agentProblem !== null) s.m.problem = agentProblem;
    // An unrunnable agent is a failed benchmark; an explicit skip is not.
    let failed = agentProblem !== null && !opts.skipDriftwatch;
    steps.push(...agentSteps);
    const stats = await corpusStats(corpus);
    const header =
      `corpus: ${corpus.join(' ')}: ${stats.regularFiles} regular files, ${fmtBytes(stats.bytes)} ` +
      `(${stats.entries} entries); dpkg-owned: ${dpkg.files} files, ${fmtBytes(dpkg.bytes)}\n` +
      `${opts.runs} run(s) per command, median shown; page cache warmed; ${os.cpus().length} CPUs; ` +
      `${versions.openssl}; ${versions.aide ?? 'AIDE skipped'}; node ${versions.node}`;
    console.error(`${header}\nwarming the page cache (reading every file once)...`);
    await warmPageCache(corpus, dpkg.md5sumsFiles);

    let aideEntries: number | null = null;
    const byKey = new Map(steps.map((s) => [s.m.key, s.m]));
    for (let round = 1; round <= opts.runs; round += 1) {
      for (const s of steps) {
        if (s.m.problem !== undefined) continue;
        const dep = s.dependsOn === undefined ? undefined : byKey.get(s.dependsOn);
        if (dep?.problem !== undefined) {
          s.m.problem = `skipped: ${dep.label} failed`;
          continue;
        }
        try {
          await s.before?.();
          const sample = await runTimed(s.cmd, tmp);
          await s.after?.();
          s.m.samples.push(sample);
          console.error(`[${round}/${opts.runs}] ${s.m.label}: ${sample.wallS.toFixed(2)} s, ${(sample.peakRssKb / 1024).toFixed(1)} MB, exit ${sample.exitCode}`);
        } catch (err) {
          failed = true;
          s.m.problem = err instanceof CommandFailedError ? `failed: exit ${err.exitCode}` : 'failed';
          console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      if (aide && aideEntries === null && byKey.get('aideInit')?.problem === undefined) {
        aideEntries = await countAideEntries(aide.dbIn);
      }
    }

    const measurements = steps.map((s) => s.m);
    const summaries = new Map(measurements.map((m) => [m.key, summarize(m)]));
    const vs = verdicts(summaries);
    const baselineBytes = await stat(baseline).then((s) => s.size, () => null);
    const notes: string[] = [];
    if (aideEntries !== null) notes.push(`AIDE database entries: ${aideEntries} (find lists ${stats.entries})`);
    if (baselineBytes !== null) notes.push(`drift-agent baseline: ${baselineBytes} bytes`);

    console.log(`\n${header}\n\n${renderMeasurements(measurements)}\n\n${renderVerdicts(vs)}`);
    if (notes.length > 0) console.log(`\n${notes.join('\n')}`);

    const resultsDir = join(PROJECT_ROOT, 'bench', 'results');
    await mkdir(resultsDir, { recursive: true });
    const resultsPath = join(resultsDir, `scan-${startedAt.toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
    const record = {
      benchmark: 'driftwatch scan-bench',
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      host: { hostname: os.hostname(), kernel: os.release(), cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memBytes: os.totalmem() },
      versions,
      runs: opts.runs,
      corpus: { roots: corpus, ...stats },
      dpkg: { files: dpkg.files, bytes: dpkg.bytes },
      aide: aide ? { rule: 'sha256+p+i+u+g+s+m+c', workers: AIDE_WORKERS, entries: aideEntries } : null,
      baselineBytes,
      measurements: measurements.map((m) => ({ ...m, ...(summarize(m) ?? {}) })),
      verdicts: vs,
    };
    await writeFile(resultsPath, JSON.stringify(record, null, 2) + '\n');
    console.log(`\nresults written to ${resultsPath}`);
    if (opts.keepTmp) console.log(`temp files kept in ${tmp}`);
    return failed ? 1 : 0;
  } finally {
    if (!opts.keepTmp) await rm(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`scan-bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 2;
  },
);
