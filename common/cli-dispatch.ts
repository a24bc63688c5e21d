// The shape both command-line programs share: dispatch to a subcommand, print
// help, and turn every error into one line `PROGRAM: error [CODE]: message`
// on stderr with exit status 2 (the CLI contract: 0 ok, 1 drift, 2 error).
import { DriftwatchError, type ErrorCode } from './errors.js';

export const EXIT_ERROR = 2;

export interface CliProgram {
  name: 'drift-agent' | 'drift-collector';
  help: string;
  usageCode: ErrorCode;
  internalCode: ErrorCode;
  commands: Record<string, (args: string[]) => Promise<number>>;
}

export function printError(program: CliProgram['name'], code: ErrorCode, message: string): number {
  process.stderr.write(`${program}: error [${code}]: ${message}\n`);
  return EXIT_ERROR;
}

export async function runCli(p: CliProgram, argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      console.log(p.help);
      return command === undefined ? EXIT_ERROR : 0;
    }
    const run = Object.hasOwn(p.commands, command) ? p.commands[command] : undefined;
    if (run === undefined) return printError(p.name, p.usageCode, `unknown command ${JSON.stringify(command)} (try ${p.name} --help)`);
    return await run(rest);
  } catch (err) {
    if (err instanceof DriftwatchError) return printError(p.name, err.code, err.message);
    // node:util parseArgs reports bad flags with codes of its own.
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) return printError(p.name, p.usageCode, err.message);
    if (process.env.DRIFTWATCH_DEBUG !== undefined) console.error(err);
    return printError(p.name, p.internalCode, `${err instanceof Error ? err.message : String(err)} (set DRIFTWATCH_DEBUG=1 for the stack)`);
  }
}
