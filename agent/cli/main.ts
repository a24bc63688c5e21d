// drift-agent: command dispatch and the one place errors become exit codes.
import { runCli } from '../../common/cli-dispatch.js';
import { checkCommand } from './check-command.js';
import { runCommand } from './run-command.js';
import { sealCommand } from './seal-command.js';
import { statusCommand } from './status-command.js';
import { scanCommand } from './scan-command.js';

const HELP = `Usage: drift-agent <command> [options]

Fingerprint a host and detect drift from its sealed baseline.

Commands:
  scan    fingerprint files, packages and package checksums under a root; print or write the manifest
  check   compare a root with a saved manifest; exit 0 no drift, 1 drift, 2 error
  run     the daemon: enroll, seal the baseline once, watch, report every change to the collector
  seal    take the baseline now instead of waiting for the readiness condition
  status  what the agent in a state directory is doing: baseline, queued events, collector

Run 'drift-agent <command> --help' for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  return runCli({
    name: 'drift-agent', help: HELP, usageCode: 'AGENT_USAGE', internalCode: 'AGENT_INTERNAL',
    commands: { scan: scanCommand, check: checkCommand, run: runCommand, seal: sealCommand, status: statusCommand },
  }, argv);
}
