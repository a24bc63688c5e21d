// What the agent does with a SHUTDOWN directive (the collector's `agent`
// terminator). The collector repeats it in every acknowledgement until the
// host is gone, so the configured shutdown_command runs once per agent
// process, never again; without one, the refusal is logged once per reason.
// The agent does not stop itself: the command (`systemctl poweroff`) does,
// and the agent_stopped event of that stop is reported as any other.
import type { Logger } from 'pino';
import { DEFAULT_PATH, runBoundedCommand } from '../../common/bounded-command.js';

/** A shutdown that has not finished by then is killed (with its process group) and logged. */
export const SHUTDOWN_TIMEOUT_MS = 120_000;
/** Output kept for the log line (the tail). */
const TAIL_BYTES = 2048;
/** Distinct refused reasons remembered (each logged once); a bound against a collector that varies them. */
const REFUSALS_REMEMBERED = 100;
/** Bound on the collector-given reason as logged and passed on. */
const REASON_MAX = 1024;

export interface ShutdownOptions {
  command: readonly string[] | undefined;
  log: Logger;
  timeoutMs?: number;
}

/** Returns the handler for SHUTDOWN directives: call it with each directive's reason. */
export function shutdownHandler(opts: ShutdownOptions): (reason: string) => void {
  const refused = new Set<string>();
  let ran = false;
  return (rawReason) => {
    const reason = rawReason.slice(0, REASON_MAX);
    if (opts.command === undefined) {
      if (refused.has(reason)) {
        opts.log.debug({ reason }, 'shutdown directive repeated; still no shutdown_command');
        return;
      }
      if (refused.size < REFUSALS_REMEMBERED) refused.add(reason);
      opts.log.error({ reason }, 'shutdown directive received but no shutdown_command is configured; ignored');
      return;
    }
    if (ran) {
      opts.log.debug({ reason }, 'shutdown directive repeated; shutdown_command already ran');
      return;
    }
    ran = true;
    const argv = opts.command;
    opts.log.warn({ reason, program: argv[0] }, 'shutdown directive received: running shutdown_command');
    runBoundedCommand({
      argv, env: { PATH: process.env.PATH ?? DEFAULT_PATH, DRIFTWATCH_REASON: reason },
      timeoutMs: opts.timeoutMs ?? SHUTDOWN_TIMEOUT_MS, tailBytes: TAIL_BYTES,
    }).then((r) => {
      const fields = { program: argv[0], exitCode: r.exitCode, signal: r.signal, timedOut: r.timedOut, durationMs: r.durationMs, stdout: r.stdout, stderr: r.stderr };
      if (r.exitCode === 0) opts.log.info(fields, 'shutdown_command finished');
      else opts.log.error(fields, r.timedOut ? 'shutdown_command timed out and was killed' : 'shutdown_command failed');
    }, (err: unknown) => {
      opts.log.error({ program: argv[0], err: err instanceof Error ? err.message : String(err) }, 'shutdown_command could not be started');
    });
  };
}
