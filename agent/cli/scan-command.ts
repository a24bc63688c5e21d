// drift-agent scan: fingerprint a root and print or write the manifest.
import { parseArgs } from 'node:util';
import { DriftwatchError } from '../../common/errors.js';
import { encodeManifest } from '../codec/manifest-proto.js';
import { manifestToJson } from '../codec/manifest-json.js';
import { manifestToText } from '../codec/manifest-text.js';
import { fingerprintHost } from '../pipeline/fingerprint-host.js';
import { DEFAULT_PATHS, parseIgnore, parsePaths, resolveRoot } from '../pipeline/scan-options.js';
import { progressLine } from './progress.js';
import { writeOutput } from './output.js';

export const SCAN_HELP = `Usage: drift-agent scan [--root DIR] [--paths P1,P2] [--ignore GLOBS] [--format text|json|proto] [--out FILE]

Fingerprint every file, package and package-owned checksum under a root and
print (text, json) or write (proto) the manifest.

Options:
  --root DIR       tree to fingerprint, as if it were / (default: /)
  --paths P1,P2    paths inside the root to walk (default: ${DEFAULT_PATHS.join(',')})
  --ignore GLOBS   comma-separated globs of paths to leave out, e.g. '/var/log/**' (repeatable)
  --format F       text (default), json, or proto (a driftwatch.v1.Manifest message)
  --out FILE       write the manifest to FILE instead of stdout (atomically, mode 0600)
  -h, --help       show this help

Exit status: 0 manifest written; 2 error.`;

export async function scanCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: {
      root: { type: 'string', default: '/' }, paths: { type: 'string' }, ignore: { type: 'string', multiple: true, default: [] },
      format: { type: 'string', default: 'text' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(SCAN_HELP);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'proto') throw new DriftwatchError('AGENT_USAGE', `--format must be text, json or proto, not ${format}`);
  if (format === 'proto' && values.out === undefined && process.stdout.isTTY) {
    throw new DriftwatchError('AGENT_USAGE', 'refusing to write binary protobuf to a terminal: add --out FILE or redirect stdout');
  }
  const root = resolveRoot(values.root);
  const paths = values.paths === undefined ? [...DEFAULT_PATHS] : parsePaths(values.paths);
  const ignore = parseIgnore(values.ignore);
  const progress = progressLine('scanning');
  const manifest = await fingerprintHost({ root, paths, ignore, ...(progress === undefined ? {} : { onProgress: progress.update }) });
  progress?.done();
  const data = format === 'proto' ? encodeManifest(manifest) : format === 'json' ? manifestToJson(manifest) : manifestToText(manifest);
  writeOutput(values.out, data);
  const n = manifest.packageMismatches.length;
  if (n > 0) {
    // Sealing a baseline with tampered package files must never go unnoticed.
    process.stderr.write(`drift-agent: warning: ${n} package-owned file${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} from the package database's checksums (see package_mismatches)\n`);
  }
  return 0;
}
