// A hash worker: opens each file once, without following symlinks and without
// blocking on fifos or devices, and hashes it from a reused buffer with Node's
// OpenSSL-backed digests. Attributes are taken with fstat on the same
// descriptor, so the record describes exactly the inode whose bytes were hashed.
import { closeSync, fstatSync, readSync, type BigIntStats } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { getAttributeSync, listAttributesSync } from 'fs-xattr';
import { describeFsError, errnoCode } from '../../../common/errors.js';
import type { HashJob, HashResult, HashedStat } from './hash-protocol.js';
import { openForScan } from './open-file.js';

const BUFFER_SIZE = 1 << 20;
const buffer = Buffer.allocUnsafe(BUFFER_SIZE);

function toStat(st: BigIntStats): HashedStat {
  return {
    mode: Number(st.mode & 0o7777n), uid: Number(st.uid), gid: Number(st.gid), size: Number(st.size),
    mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs, inode: Number(st.ino),
  };
}

function sameVersion(a: BigIntStats, b: BigIntStats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

function readCapabilities(fd: number): string {
  // fs-xattr takes a path; /proc/self/fd/N names the open inode itself, so there
  // is no race with a rename and no trouble with names that are not UTF-8.
  const procPath = `/proc/self/fd/${fd}`;
  try {
    if (!listAttributesSync(procPath).includes('security.capability')) return '';
    return getAttributeSync(procPath, 'security.capability').toString('hex');
  } catch {
    return ''; // filesystem without xattrs: no capabilities to record
  }
}

function hashOnce(fd: number, job: HashJob): { sha: Hash | undefined; digest: Hash | undefined } {
  const sha = job.sha256 ? createHash('sha256') : undefined;
  const digest = job.digest === undefined ? undefined : createHash(job.digest);
  let position = 0;
  for (;;) {
    const n = readSync(fd, buffer, 0, BUFFER_SIZE, position);
    if (n === 0) break;
    const chunk = n === BUFFER_SIZE ? buffer : buffer.subarray(0, n);
    sha?.update(chunk);
    digest?.update(chunk);
    position += n;
  }
  return { sha, digest };
}

function hashJob(job: HashJob): HashResult {
  const result: HashResult = { id: job.id, sha256: '', digest: '', capabilities: '', error: '' };
  const path = typeof job.hostPath === 'string' ? job.hostPath : Buffer.from(job.hostPath);
  let fd: number;
  try {
    fd = openForScan(path);
  } catch (err) {
    result.error = errnoCode(err) === 'ELOOP' ? 'ELOOP: replaced by a symlink during scan' : describeFsError(err);
    return result;
  }
  try {
    // A file rewritten while we read it would give a hash of no real version:
    // compare fstat before and after, and retry once.
    for (let attempt = 0; attempt < 2; attempt++) {
      const before = fstatSync(fd, { bigint: true });
      if (!before.isFile()) {
        result.error = 'not a regular file any more (replaced during scan)';
        return result;
      }
      const { sha, digest } = hashOnce(fd, job);
      const after = fstatSync(fd, { bigint: true });
      if (!sameVersion(before, after)) continue;
      result.stat = toStat(after);
      result.sha256 = sha?.digest('hex') ?? '';
      result.digest = digest?.digest('hex') ?? '';
      // Capabilities take effect only on execve: files with no execute bit carry none that matter,
      // and gaining one moves ctime, so the next scan reads them then.
      if (job.sha256 && (after.mode & 0o111n) !== 0n) result.capabilities = readCapabilities(fd);
      return result;
    }
    result.error = 'EBUSY: file kept changing while being hashed';
    return result;
  } catch (err) {
    result.error = describeFsError(err);
    return result;
  } finally {
    closeSync(fd);
  }
}

// 'stop' ends the worker gracefully: the pool never terminates a worker that
// may still be initialising, since terminating one inside fs-xattr's native
// init aborts the whole process.
parentPort!.on('message', (jobs: HashJob[] | 'stop') => {
  if (jobs === 'stop') parentPort!.close();
  else parentPort!.postMessage(jobs.map(hashJob));
});
