// Runs one command under GNU time and reports its wall time and peak RSS.
// Wall time comes from our own monotonic clock (GNU time's %e only has 10 ms
// resolution, too coarse for a 0.4 s stat walk); peak RSS comes from GNU
// time's %M, which is the kernel's ru_maxrss for the child tree (the largest
// single process, not a sum: for pipelines that is the biggest member).
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const GNU_TIME = '/usr/bin/time';

export interface TimedCommand {
  /** Stable key used in the JSON results. */
  readonly key: string;
  /** Human-readable row label for the table. */
  readonly label: string;
  /** argv[0] is the program; resolved through PATH by GNU time. */
  readonly argv: readonly string[];
  readonly cwd?: string;
  /** Exit codes that mean "did its job" (AIDE and drift-agent signal findings via exit code). */
  readonly okExit: (code: number) => boolean;
}

export interface TimedSample {
  readonly wallS: number;
  readonly peakRssKb: number;
  readonly exitCode: number;
}

/** Thrown when a timed command exits with a code its okExit rejects. */
export class CommandFailedError extends Error {
  constructor(
    readonly command: TimedCommand,
    readonly exitCode: number,
    readonly stderrTail: string,
  ) {
    super(
      `${command.label}: exit code ${exitCode}\n  command: ${displayCommand(command.argv)}` +
        (stderrTail ? `\n  stderr (tail): ${stderrTail.trim().split('\n').join('\n    ')}` : ''),
    );
    this.name = 'CommandFailedError';
  }
}

// Keep only the end of stderr: AIDE can print thousands of warnings and we
// only want enough to explain a failure.
const STDERR_TAIL_BYTES = 4096;

let sampleCounter = 0;

/**
 * Spawn `cmd` under /usr/bin/time, stdout discarded (every benchmarked
 * command writes its report to /dev/null or a file), and measure it.
 */
export async function runTimed(cmd: TimedCommand, scratchDir: string): Promise<TimedSample> {
  sampleCounter += 1;
  const timeOut = join(scratchDir, `time-${process.pid}-${sampleCounter}.txt`);
  // -o keeps GNU time's line out of the command's own stderr.
  const args = ['-f', '%e %M', '-o', timeOut, ...cmd.argv];

  let stderrTail = '';
  const started = process.hrtime.bigint();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(GNU_TIME, args, {
      cwd: cmd.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve(code ?? (signal ? 128 : 255));
    });
  });
  const wallS = Number(process.hrtime.bigint() - started) / 1e9;

  const timeText = await readFile(timeOut, 'utf8').catch(() => '');
  await rm(timeOut, { force: true });

  if (!cmd.okExit(exitCode)) {
    throw new CommandFailedError(cmd, exitCode, stderrTail || timeText);
  }
  return { wallS, peakRssKb: parsePeakRss(timeText, cmd), exitCode };
}

// GNU time prefixes "Command exited with non-zero status N" when the child
// fails, so the numbers are always on the last non-empty line.
function parsePeakRss(timeText: string, cmd: TimedCommand): number {
  const lines = timeText.split('\n').filter((l) => l.trim() !== '');
  const last = lines[lines.length - 1] ?? '';
  const match = /^(\d+(?:\.\d+)?) (\d+)$/.exec(last.trim());
  if (!match?.[2]) {
    throw new Error(`${cmd.label}: could not parse GNU time output ${JSON.stringify(timeText)}`);
  }
  return Number(match[2]);
}

/** Median of a non-empty list; mean of the middle pair for even lengths. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid]!;
  return sorted.length % 2 === 1 ? hi : (sorted[mid - 1]! + hi) / 2;
}

/** POSIX-shell single quoting, for commands that must go through `sh -c`. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The argv as one copy-pasteable shell line, for logs and the JSON record. */
export function displayCommand(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : shQuote(a))).join(' ');
}

/** Ok-exit predicate for tools that must exit 0. */
export const exitZero = (code: number): boolean => code === 0;
