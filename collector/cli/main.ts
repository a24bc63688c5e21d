// drift-collector: command dispatch and the one place errors become exit codes.
import { DriftwatchError, type ErrorCode } from '../../common/errors.js';
import { serveCommand } from './serve-command.js';
import { tokenCommand } from './token-command.js';

const HELP = `Usage: drift-collector <command> [options]

The driftwatch collector: enrollment, signed event ingest, host states and the
operator API, on an embedded SQLite database.

Commands:
  serve   run the collector
  token   create, list or revoke operator API tokens (directly in the database)

Run 'drift-collector <command> --help' for a command's options.`;

function fail(code: ErrorCode, message: string): number {
  process.stderr.write(`drift-collector: error [${code}]: ${message}\n`);
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': return await serveCommand(rest);
      case 'token': return await tokenCommand(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        console.log(HELP);
        return command === undefined ? 2 : 0;
      default:
        return fail('COLLECTOR_USAGE', `unknown command ${JSON.stringify(command)} (try drift-collector --help)`);
    }
  } catch (err) {
    if (err instanceof DriftwatchError) return fail(err.code, err.message);
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return fail('COLLECTOR_USAGE', err.message);
    if (process.env.DRIFTWATCH_DEBUG !== undefined) console.error(err);
    return fail('COLLECTOR_INTERNAL', `${err instanceof Error ? err.message : String(err)} (set DRIFTWATCH_DEBUG=1 for the stack)`);
  }
}
