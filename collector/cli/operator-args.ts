// What every operator command (hosts, host, events, report, terminations,
// approve, deny) shares on its command line: --json, --help and the
// connection options, plus the checks of values several of them take.
import { DriftwatchError } from '../../common/errors.js';
import { CONNECTION_OPTIONS } from './operator-client.js';

/** parseArgs options every operator command takes (spread after its own). */
export const OPERATOR_OPTIONS = { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' }, ...CONNECTION_OPTIONS } as const;

export const usage = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_USAGE', message);

/** True (after printing the help) when --help was given: the command then does nothing else. */
export function helpShown(values: { help?: boolean | undefined }, help: string): boolean {
  if (values.help !== true) return false;
  console.log(help);
  return true;
}

/** --json prints the API's answer as it is (for scripts); otherwise the text for people. */
export function printAnswer(json: boolean, answer: Record<string, unknown>, text: () => string): void {
  console.log(json ? JSON.stringify(answer, null, 2) : text());
}

/** The one positional an ID-taking command needs, checked against `pattern`. */
export function onePositional(positionals: readonly string[], pattern: RegExp, need: string): string {
  const [id, ...rest] = positionals;
  if (id === undefined || !pattern.test(id)) throw usage(need);
  if (rest.length > 0) throw usage(`unexpected argument ${JSON.stringify(rest[0])}`);
  return id;
}

export const HOST_ID = /^[0-9a-f]{32}$/;

/** A --since/--until value: an ISO 8601 time the collector accepts too. */
export function timeArg(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (Number.isNaN(new Date(value).getTime())) throw usage(`--${flag} must be a time such as 2024-05-01T00:00:00Z`);
  return value;
}

/** --label k=v. */
export function labelArg(value: string | undefined): string | undefined {
  if (value !== undefined && !/^[^=]+=/.test(value)) throw usage('--label must be key=value');
  return value;
}

/** Times in tables: to the second. */
export const shortTime = (iso: unknown): string => (typeof iso === 'string' ? iso.replace(/\.\d{3}Z$/, 'Z') : '-');
