// drift-agent: command dispatch and the one place errors become exit codes.
import { runCli } from '../../common/cli-dispatch.js';

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
    // Loaded on demand: the daemon (run) must not carry the scan pipeline's
    // libraries (systeminformation alone is ~12 MB resident) for its lifetime.
    commands: {
      scan: async (args) => (await import('./scan-command.js')).scanCommand(args),
      check: async (args) => (await import('./check-command.js')).checkCommand(args),
      run: async (args) => (await import('./run-command.js')).runCommand(args),
      seal: async (args) => (await import('./seal-command.js')).sealCommand(args),
      status: async (args) => (await import('./status-command.js')).statusCommand(args),
    },
  }, argv);
}
