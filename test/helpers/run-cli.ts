// Runs the real drift-agent and drift-collector binaries in a child process, as a user would.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './temp-tree.js';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export function runAgent(args: string[], opts: SpawnSyncOptions = {}): CliResult {
  return runBin('drift-agent', args, opts);
}

export function runCollector(args: string[], opts: SpawnSyncOptions = {}): CliResult {
  return runBin('drift-collector', args, opts);
}

function runBin(bin: 'drift-agent' | 'drift-collector', args: string[], opts: SpawnSyncOptions): CliResult {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', `${bin}.js`), ...args], {
    cwd: REPO_ROOT, maxBuffer: 512 << 20, timeout: 120_000, ...opts,
  });
  const out = Buffer.isBuffer(r.stdout) ? r.stdout : Buffer.from(r.stdout ?? '');
  const err = Buffer.isBuffer(r.stderr) ? r.stderr : Buffer.from(r.stderr ?? '');
  return { status: r.status, stdout: out.toString('utf8'), stderr: err.toString('utf8'), stdoutBytes: out };
}

/** Parsed `check --format json` output. */
export interface CheckJson {
  events: Array<{ kind: string; path?: string; changes?: string[]; package?: Record<string, string>; previous?: Record<string, string>; detail?: string; expected?: string; actual?: string }>;
}

export function checkJson(root: string, baseline: string, extra: string[] = []): { status: number | null; report: CheckJson; stderr: string } {
  const r = runAgent(['check', '--root', root, '--baseline', baseline, '--format', 'json', ...extra]);
  if (r.status === 2) throw new Error(`check failed: ${r.stderr}`);
  return { status: r.status, report: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}
