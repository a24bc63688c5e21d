// Messages between the scanner (main thread) and its hash workers.

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
export interface HashedStat {
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  inode: number;
}

export interface HashResult {
  id: number;
  sha256: string;
  digest: string;
  capabilities: string;
  /** Empty on success. */
  error: string;
  stat?: HashedStat;
}
