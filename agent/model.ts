// The agent's data model: plain data passed between pipeline stages.
// Paths are strings in the lossless encoding of common/path-bytes.ts.

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

export const PACKAGE_MANAGERS = ['dpkg', 'apk', 'rpm'] as const;
export type PackageManager = typeof PACKAGE_MANAGERS[number];

export interface Package {
  manager: PackageManager;
  name: string;
  version: string;
  arch: string;
}

/** A package-owned file whose content differs from the package database's own checksum. */
export interface PackageFileMismatch {
  path: string;
  package: Package;
  algorithm: 'md5' | 'sha1';
  expected: string;
  /** Hex digest found on disk; empty when the file is unreadable or not a regular file. */
  actual: string;
}

export interface HostFacts {
  hostname: string;
  machineId: string;
  bootId: string;
  instanceId: string;
  imageId: string;
  os: string;
  kernel: string;
  arch: string;
  labels: Record<string, string>;
}

export interface Manifest {
  formatVersion: 1;
  createdAt: Date;
  host: HostFacts;
  /** The configured paths (existing or not), so a later check walks the same ones. */
  scannedPaths: string[];
  /** Ignore globs in force when the manifest was taken. */
  ignored: string[];
  /** Sorted by comparePaths. */
  files: FileEntry[];
  /** Sorted by manager, name, arch. */
  packages: Package[];
  /** Sorted by path. */
  packageMismatches: PackageFileMismatch[];
  /** Hex SHA-256 Merkle root over files (docs/manifest.md). */
  merkleRoot: string;
}

export type FileChange = 'content' | 'mode' | 'uid' | 'gid' | 'type' | 'target' | 'capabilities';

export type EventKind =
  | 'file_added' | 'file_removed' | 'file_changed'
  | 'package_added' | 'package_removed' | 'package_changed' | 'package_file_modified'
  | 'login' | 'coverage_gap' | 'agent_stopped';

export interface DriftEvent {
  kind: EventKind;
  path?: string;
  changes?: FileChange[];
  package?: Package;
  /** package_changed: the package as it was in the baseline. */
  previous?: Package;
  before?: FileEntry;
  after?: FileEntry;
  mismatch?: PackageFileMismatch;
  detail?: string;
}
