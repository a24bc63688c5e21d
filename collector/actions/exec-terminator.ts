// The `exec` terminator: runs the configured command with the host's facts in
// environment variables. The argv is exactly as configured (no shell, nothing
// of the host's interpolated into it: a hostname is data, never an argument or
// code), and the environment is built from nothing but PATH and those facts,
// because the collector's own holds its admin and enrollment tokens.
import { DEFAULT_PATH, runBoundedCommand, type CommandResult } from '../../common/bounded-command.js';
import type { HostRecord } from '../store/store.js';
import type { TerminationRecord } from '../store/response-store.js';
import type { TerminatorConfig } from './action-config.js';
import { TerminateError, type Terminator } from './terminator.js';

/** Bytes of stdout and of stderr kept for the termination's record (the tail). */
export const EXEC_OUTPUT_TAIL_BYTES = 4096;

type ExecConfig = Extract<TerminatorConfig, { type: 'exec' }>;

/** The command's environment: PATH and the host's facts, nothing of the collector's. */
export function execEnvironment(host: HostRecord, termination: TerminationRecord): Record<string, string> {
  return {
    PATH: process.env.PATH ?? DEFAULT_PATH,
    DRIFTWATCH_HOST_ID: host.id,
    DRIFTWATCH_HOSTNAME: host.facts.hostname,
    DRIFTWATCH_INSTANCE_ID: host.facts.instanceId,
    DRIFTWATCH_IMAGE_ID: host.facts.imageId,
    DRIFTWATCH_MACHINE_ID: host.facts.machineId,
    DRIFTWATCH_LABELS: JSON.stringify(host.facts.labels),
    DRIFTWATCH_TERMINATION_ID: String(termination.id),
    DRIFTWATCH_RULE: termination.rule,
    DRIFTWATCH_REASON: termination.reason,
  };
}

/** The record of a run. The program, not the argv: an argument may be a credential. */
function detailOf(program: string, r: CommandResult): Record<string, unknown> {
  return {
    program, exitCode: r.exitCode, signal: r.signal, timedOut: r.timedOut, durationMs: r.durationMs,
    stdout: r.stdout, stderr: r.stderr, stdoutBytes: r.stdoutBytes, stderrBytes: r.stderrBytes,
  };
}

export function createExecTerminator(config: ExecConfig): Terminator {
  const program = config.command[0]!;
  return {
    type: 'exec',
    async terminate(host, termination, signal) {
      let r: CommandResult;
      try {
        r = await runBoundedCommand({
          argv: config.command, env: execEnvironment(host, termination), timeoutMs: config.timeoutMs,
          tailBytes: EXEC_OUTPUT_TAIL_BYTES, signal,
        });
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new TerminateError(`${program} could not be started: ${why}`, { program, error: why });
      }
      const detail = detailOf(program, r);
      if (r.aborted) throw new TerminateError(`${program} was killed: the collector is stopping`, detail);
      if (r.timedOut) throw new TerminateError(`${program} did not finish within ${config.timeoutMs / 1000} s: killed with its process group`, detail);
      if (r.exitCode === null) throw new TerminateError(`${program} was killed by ${r.signal ?? 'a signal'}`, detail);
      if (r.exitCode !== 0) throw new TerminateError(`${program} exited with code ${r.exitCode}`, detail);
      return { confirmed: true, detail };
    },
  };
}
