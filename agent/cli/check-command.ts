// drift-agent check: compare a root with a saved manifest.
import { parseArgs } from 'node:util';
import { DriftwatchError } from '../../common/errors.js';
import { loadManifest } from '../codec/load-manifest.js';
import { eventsToJson, eventsToText } from '../codec/events-format.js';
import { checkHost } from '../pipeline/check-host.js';
import { parseIgnore, parsePaths, resolveRoot } from '../pipeline/scan-options.js';
import { progressLine } from './progress.js';

export const CHECK_HELP = `Usage: drift-agent check --baseline FILE [--root DIR] [--format text|json] [--quick] [--paths P1,P2] [--ignore GLOBS]

Compare a root with a saved manifest (from drift-agent scan, JSON or proto) and
report every difference as a drift event.

Options:
  --baseline FILE  the manifest to compare with (required); refused if corrupt or altered
  --root DIR       tree to check, as if it were / (default: /)
  --format F       text (default) or json: {"events":[{"kind","path","changes","package",...}]}
  --quick          re-hash only files whose inode, size, mtime or ctime changed since the
                   baseline (default: re-hash every file)
  --paths P1,P2    paths to walk (default: the baseline's)
  --ignore GLOBS   more globs to leave out, on top of the baseline's (repeatable)
  -h, --help       show this help

Exit status: 0 no drift; 1 drift found; 2 error.`;

export async function checkCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: {
      root: { type: 'string', default: '/' }, baseline: { type: 'string' }, format: { type: 'string', default: 'text' },
      quick: { type: 'boolean', default: false }, paths: { type: 'string' }, ignore: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(CHECK_HELP);
    return 0;
  }
  if (values.baseline === undefined) throw new DriftwatchError('AGENT_USAGE', 'check needs --baseline FILE (a manifest written by drift-agent scan)');
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new DriftwatchError('AGENT_USAGE', `--format must be text or json, not ${format}`);
  const root = resolveRoot(values.root);
  // checkHost finishes decoding the baseline while its rescan hashes, and verifies its Merkle root.
  const baseline = loadManifest(values.baseline);
  const progress = progressLine('checking');
  const { events } = await checkHost({
    root, baseline, baselineSource: values.baseline, quick: values.quick, ignore: parseIgnore(values.ignore),
    ...(values.paths === undefined ? {} : { paths: parsePaths(values.paths) }),
    ...(progress === undefined ? {} : { onProgress: progress.update }),
  });
  progress?.done();
  process.stdout.write(format === 'json' ? eventsToJson(events) : eventsToText(events));
  return events.length === 0 ? 0 : 1;
}
