// Opening a file to read it as a scan does: without following a symlink in
// its last component, without blocking on a fifo or a device, and without
// moving its access time where the kernel allows that.
import { constants, openSync } from 'node:fs';
import { errnoCode } from '../../../common/errors.js';

const BASE_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;
// O_NOATIME keeps the scan from rewriting access times (forensics may need them);
// the kernel allows it only to the owner or CAP_FOWNER, so root tries it first.
let noAtime = process.getuid?.() === 0;

/** A read-only descriptor; throws the fs error (ELOOP: the path is a symlink). */
export function openForScan(path: string | Buffer): number {
  if (noAtime) {
    try {
      return openSync(path, BASE_FLAGS | constants.O_NOATIME);
    } catch (err) {
      if (errnoCode(err) !== 'EPERM') throw err;
      noAtime = false;
    }
  }
  return openSync(path, BASE_FLAGS);
}
