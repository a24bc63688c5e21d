// Reading a package database file: absent means "no such package manager
// here"; present but unreadable is an error that names the file and the cause.
import { readFileSync } from 'node:fs';
import { DriftwatchError, describeFsError, errnoCode } from '../../../common/errors.js';

/** The file's bytes, or undefined when it does not exist. */
export function readPackageDbFile(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw new DriftwatchError('AGENT_PACKAGE_DB_INVALID', `cannot read ${file}: ${describeFsError(err)}`, { cause: err });
  }
}
