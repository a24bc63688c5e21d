// Runs a configured command the way both the collector's exec terminator and
// the agent's shutdown_command need it: the argv exactly as configured, never a
// shell, only the environment given (the caller's own holds tokens), in a
// session of its own so a timeout kills every process it started, and with a
// bounded tail of its output. The agent and the collector both use it, so it
// lives here and knows nothing of either.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/** The PATH a command gets when the caller has none: the usual system directories. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** After the command exits, how long a grandchild holding its stdout or stderr may delay the result. */
const CLOSE_GRACE_MS = 500;

export interface BoundedCommand {
  /** argv[0] is an absolute path; the rest are passed as they are. */
  argv: readonly string[];
  env: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** Bytes of stdout and of stderr kept (the last ones: the end says what went wrong). */
  tailBytes: number;
  /** Aborting kills the command's process group, like the timeout. */
  signal?: AbortSignal;
}

export interface CommandResult {
  exitCode: number | null;
  signal: string | null;
  /** Still running at the timeout: its process group was killed. */
  timedOut: boolean;
  aborted: boolean;
  durationMs: number;
  stdout: string;
  stderr: string;
  /** Bytes written in all (more than the tail when it was cut). */
  stdoutBytes: number;
  stderrBytes: number;
}

/** What is wrong with a configured argv, naming the item, or undefined when it is runnable. */
export function commandProblem(argv: readonly string[]): { index: number; problem: string } | undefined {
  const bad = argv.findIndex((a) => a.includes('\0'));
  if (bad >= 0) return { index: bad, problem: 'must not contain a NUL character' };
  const program = argv[0];
  if (program === undefined) return { index: 0, problem: 'the command needs at least the program' };
  if (!isAbsolute(program)) return { index: 0, problem: `${program} is not an absolute path (no shell and no PATH lookup: name the program's full path)` };
  try {
    if (!statSync(program).isFile()) return { index: 0, problem: `${program} is not a file` };
    accessSync(program, constants.X_OK);
  } catch {
    return { index: 0, problem: `${program} does not exist or is not executable` };
  }
  return undefined;
}

/**
 * An environment value from data a host reported. execve cannot carry a NUL,
 * so it becomes U+FFFD (visible, not silently cut); every other character,
 * newlines included, passes unchanged: it is data in a variable, never code.
 */
export function envValue(value: string): string {
  return value.replace(/\0/g, '\uFFFD');
}

/** Keeps the last `max` bytes of a stream, counting all of them. */
class Tail {
  private chunks: Buffer[] = [];
  private kept = 0;
  total = 0;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.chunks.push(chunk);
    this.kept += chunk.length;
    while (this.kept - this.chunks[0]!.length >= this.max) this.kept -= this.chunks.shift()!.length;
  }
  text(): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - this.max)).toString('utf8');
  }
}

/** Runs the command to its end, its timeout or the signal. Rejects only when it cannot be started. */
export function runBoundedCommand(cmd: BoundedCommand): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const env = Object.fromEntries(Object.entries(cmd.env).map(([k, v]) => [k, envValue(v)]));
    // detached: the child leads a new session and process group, which the timeout kills whole.
    const child = spawn(cmd.argv[0]!, cmd.argv.slice(1), { shell: false, detached: true, env, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    const out = new Tail(cmd.tailBytes);
    const err = new Tail(cmd.tailBytes);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    let timedOut = false;
    let aborted = false;
    let exit: { code: number | null; signal: string | null } | undefined;
    const killGroup = (): void => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch { /* already gone */ }
    };
    const timer = setTimeout(() => { timedOut = true; killGroup(); }, cmd.timeoutMs);
    const onAbort = (): void => { aborted = true; killGroup(); };
    cmd.signal?.addEventListener('abort', onAbort, { once: true });
    if (cmd.signal?.aborted === true) onAbort();
    let grace: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(grace);
      cmd.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: exit?.code ?? null, signal: exit?.signal ?? null, timedOut, aborted, durationMs: Date.now() - started,
        stdout: out.text(), stderr: err.text(), stdoutBytes: out.total, stderrBytes: err.total,
      });
    };
    child.once('error', (e) => {
      clearTimeout(timer);
      cmd.signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      // A background process it left may hold the pipes open: do not wait for it.
      grace = setTimeout(() => { child.stdout.destroy(); child.stderr.destroy(); finish(); }, CLOSE_GRACE_MS);
    });
    child.once('close', () => { if (exit !== undefined) finish(); });
  });
}
