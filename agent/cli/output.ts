// Writing results: to a file given with --out, or to stdout.
import { DriftwatchError, describeFsError } from '../../common/errors.js';
import { writeFileAtomic } from '../state/state-dir.js';

/** Write atomically (state-dir.ts writeFileAtomic), so a crash never leaves half a manifest behind. */
export function writeOutput(out: string | undefined, data: string | Uint8Array): void {
  if (out === undefined) {
    process.stdout.write(data);
    return;
  }
  try {
    writeFileAtomic(out, data);
  } catch (err) {
    throw new DriftwatchError('AGENT_OUTPUT_FAILED', `cannot write ${out}: ${describeFsError(err)}`);
  }
}
