// Messages between the scanner (main thread) and its hash workers.
import type { FileEntry } from '../../model.js';

export type DigestAlgorithm = 'md5' | 'sha1';

export interface HashJob {
  id: number;
  /** Host path to open: a string, or raw bytes for names that are not UTF-8. */
  hostPath: string | Uint8Array;
  /** Compute SHA-256 and read capabilities (false when only a package digest is wanted). */
  sha256: boolean;
  /** Also compute the package database's digest over the same read. */
  digest?: DigestAlgorithm;
  /** Expected size, used only to balance work across workers. */
  size: number;
}

/** What fstat said about the inode that was actually hashed. */
export type HashedStat = Pick<FileEntry, 'mode' | 'uid' | 'gid' | 'size' | 'mtimeNs' | 'ctimeNs' | 'inode'>;

export interface HashResult {
  id: number;
  sha256: string;
  digest: string;
  capabilities: string;
  /** Empty on success. */
  error: string;
  stat?: HashedStat;
}
