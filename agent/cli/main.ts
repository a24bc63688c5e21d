// drift-agent: command dispatch and the one place errors become exit codes.
import { DriftwatchError, type ErrorCode } from '../../common/errors.js';
import { checkCommand } from './check-command.js';
import { scanCommand } from './scan-command.js';

const HELP = `Usage: drift-agent <command> [options]

Fingerprint a host and detect drift from its sealed baseline.

Commands:
  scan    fingerprint files, packages and package checksums under a root; print or write the manifest
  check   compare a root with a saved manifest; exit 0 no drift, 1 drift, 2 error

Run 'drift-agent <command> --help' for a command's options.`;

const EXIT_ERROR = 2;

function fail(code: ErrorCode, message: string): number {
  process.stderr.write(`drift-agent: error [${code}]: ${message}\n`);
  return EXIT_ERROR;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'scan': return await scanCommand(rest);
      case 'check': return await checkCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        console.log(HELP);
        return command === undefined ? EXIT_ERROR : 0;
      default:
        return fail('AGENT_USAGE', `unknown command ${JSON.stringify(command)} (try drift-agent --help)`);
    }
  } catch (err) {
    if (err instanceof DriftwatchError) return fail(err.code, err.message);
    // node:util parseArgs reports bad flags with codes of its own.
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return fail('AGENT_USAGE', err.message);
    if (process.env.DRIFTWATCH_DEBUG !== undefined) console.error(err);
    return fail('AGENT_INTERNAL', `${err instanceof Error ? err.message : String(err)} (set DRIFTWATCH_DEBUG=1 for the stack)`);
  }
}
