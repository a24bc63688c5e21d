// Writing results: to a file given with --out, or to stdout.
import { writeFileSync, renameSync } from 'node:fs';
import { DriftwatchError, describeFsError } from '../../common/errors.js';

/** Write atomically (temp file + rename), so a crash never leaves half a manifest behind. */
export function writeOutput(out: string | undefined, data: string | Uint8Array): void {
  if (out === undefined) {
    process.stdout.write(data);
    return;
  }
  const tmp = `${out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, out);
  } catch (err) {
    throw new DriftwatchError('AGENT_OUTPUT_FAILED', `cannot write ${out}: ${describeFsError(err)}`);
  }
}
