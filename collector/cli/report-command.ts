// drift-collector report: a drift report from a running collector (GET
// /api/v1/reports), printed or written to a file, in the format asked for.
// The collector builds and renders it: the CLI and the API give the same bytes.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { REPORT_FORMATS } from '../report/report-model.js';
import { CONNECTION_HELP, operatorClient } from './operator-client.js';
import { HOST_ID, helpShown, labelArg, OPERATOR_OPTIONS, timeArg, usage } from './operator-args.js';

export const REPORT_HELP = `Usage: drift-collector report (--host ID | --image ID | --since TIME [--until TIME])
                              [--label KEY=VALUE] [--format FORMAT] [--max-events N] [--out FILE] [--url URL] [--token T]

A drift report of one host, an image group, or the whole fleet in a time
range: what changed and when, the verdict and rule, and what was done about
it (terminations: held, approved, denied, done, failed; who decided and why).
FORMAT is one of ${REPORT_FORMATS.join(', ')} (default markdown).

Options:
  --host ID          one host
  --image ID         the hosts of one image
  --since TIME       from TIME (ISO 8601); alone, the whole fleet
  --until TIME       up to TIME (default: now)
  --label KEY=VALUE  only hosts with this label (with --image or a fleet range)
  --format FORMAT    ${REPORT_FORMATS.join(' | ')}
  --max-events N     at most N events (1..10000, default 5000); the report says when there were more
  --out FILE         write the report to FILE instead of printing it
${CONNECTION_HELP}
  -h, --help         show this help`;

export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: {
      host: { type: 'string' }, image: { type: 'string' }, since: { type: 'string' }, until: { type: 'string' }, label: { type: 'string' },
      format: { type: 'string', default: 'markdown' }, 'max-events': { type: 'string' }, out: { type: 'string' }, ...OPERATOR_OPTIONS,
    },
  });
  if (helpShown(values, REPORT_HELP)) return 0;
  if (values.host !== undefined && values.image !== undefined) throw usage('give one of --host or --image, not both');
  if (values.host === undefined && values.image === undefined && values.since === undefined) {
    throw usage('say what to report on: --host ID, --image ID, or --since TIME for the fleet');
  }
  if (values.host !== undefined && !HOST_ID.test(values.host)) throw usage('--host needs a host ID (32 hex digits; see drift-collector hosts)');
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) throw usage(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  // --json is every operator command's; here it is another way to say --format json.
  const format = values.json ? 'json' : values.format;
  const { body } = await operatorClient(values).getText('/api/v1/reports', {
    host: values.host, image: values.image, since: timeArg(values.since, 'since'), until: timeArg(values.until, 'until'),
    label: labelArg(values.label), format, max_events: values['max-events'],
  });
  if (values.out === undefined) {
    process.stdout.write(body);
    return 0;
  }
  try {
    writeFileSync(values.out, body);
  } catch (err) {
    throw usage(`cannot write --out ${values.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  console.log(`wrote the ${format} report to ${values.out} (${Buffer.byteLength(body)} bytes)`);
  return 0;
}
