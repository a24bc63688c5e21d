// enroll_token_file: the fleet enrollment token kept out of the config file and
// the process list. A token anyone on the host can read is a token any local
// user can enroll rogue hosts with, so a world-readable file is refused. The
// token itself never appears in a message.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { describeFsError } from '../../common/errors.js';

/** A token file holds one short line; anything much bigger is the wrong file. */
const MAX_TOKEN_FILE_BYTES = 4096;

/** The token in path (trailing newlines trimmed), or a message saying what is wrong. */
export function readEnrollTokenFile(path: string): { token: string } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return { problem: `cannot read ${path}: ${describeFsError(err)}` };
  }
  try {
    // fstat on the open descriptor: the mode checked is the mode of the file read,
    // even if the path is swapped in between.
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: `${path} is not a regular file` };
    if ((stat.mode & 0o004) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      return { problem: `${path} is readable by every user (mode ${mode}); make it private first: chmod o-r ${path}` };
    }
    if (stat.size > MAX_TOKEN_FILE_BYTES) return { problem: `${path} is ${stat.size} bytes, too large for a token file` };
    const token = readFileSync(fd, 'utf8').replace(/[\r\n]+$/, '');
    if (token === '') return { problem: `${path} is empty` };
    if (/[\r\n]/.test(token)) return { problem: `${path} holds more than one line; it should hold only the token` };
    if (token.length < 16 || token.length > 256) return { problem: `the token in ${path} must be 16 to 256 characters long` };
    return { token };
  } catch (err) {
    return { problem: `cannot read ${path}: ${describeFsError(err)}` };
  } finally {
    closeSync(fd);
  }
}
