// Command-line options of the scan benchmark.
import { parseArgs } from 'node:util';
import { DEFAULT_CORPUS } from './corpus.js';

export interface BenchOptions {
  readonly runs: number;
  readonly corpus: readonly string[];
  readonly skipAide: boolean;
  readonly skipDriftwatch: boolean;
  readonly keepTmp: boolean;
}

export const USAGE = `usage: node dist/bench/scan-bench.js [options]   (or: npm run bench:scan -- [options])

Times drift-agent scan/check against the openssl floor, a stat-only walk, an
MD5 floor over dpkg-owned files and AIDE --init/--check on the same trees.

  --runs N          timed repetitions per command, median reported (default 3)
  --corpus a,b,c    trees to benchmark (default ${DEFAULT_CORPUS.join(',')})
  --skip-aide       do not run AIDE (its rows and ratios become n/a)
  --skip-driftwatch do not run drift-agent (measure only the reference tools)
  --keep-tmp        keep the temp dir (baseline, AIDE db and report, file list)
  -h, --help        this text

Writes the results to bench/results/scan-<timestamp>.json as well.`;

/** Returns null when --help was asked for. Throws on bad input. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | null {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string', default: '3' },
      corpus: { type: 'string' },
      'skip-aide': { type: 'boolean', default: false },
      'skip-driftwatch': { type: 'boolean', default: false },
      'keep-tmp': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return null;

  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

  const corpus =
    values.corpus === undefined
      ? DEFAULT_CORPUS
      : values.corpus
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p !== '');
  if (corpus.length === 0) throw new Error('--corpus needs at least one directory');

  return {
    runs,
    corpus,
    skipAide: values['skip-aide'],
    skipDriftwatch: values['skip-driftwatch'],
    keepTmp: values['keep-tmp'],
  };
}
