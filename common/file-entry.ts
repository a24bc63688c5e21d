// One entry of a manifest: what the agent records of a path, and what the
// collector needs to recompute a manifest's Merkle root. Paths are strings in
// the lossless encoding of path-bytes.ts.
/** In the order of the FileType enum of manifest.proto (FILE_TYPE_FILE = 1, …). */
export const FILE_TYPES = ['file', 'dir', 'symlink', 'fifo', 'socket', 'char', 'block'] as const;
export type FileType = typeof FILE_TYPES[number];

export interface FileEntry {
  path: string;
  type: FileType;
  /** Permission bits including setuid, setgid and sticky (st_mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  inode: number;
  /** Hex SHA-256 of the full content; regular files only, empty when unreadable. */
  sha256: string;
  /** Symlink text, unresolved; symlinks only. */
  target: string;
  /** Hex of the raw security.capability xattr; empty when absent. */
  capabilities: string;
  /** Why the entry is incomplete ("EACCES: permission denied"); empty when complete. */
  error: string;
}
