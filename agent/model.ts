// The agent's data model: plain data passed between pipeline stages.
// Paths are strings in the lossless encoding of common/path-bytes.ts.

export { FILE_TYPES, type FileEntry, type FileType } from '../common/file-entry.js';
import type { FileEntry } from '../common/file-entry.js';

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

/** Why a file event carries no content (CaptureSkip in events.proto; docs/agent.md). */
export type CaptureSkipReason = 'not_matched' | 'denylisted' | 'too_large' | 'binary' | 'unreadable' | 'budget';

/** A captured text file: its content (credential values redacted) compressed for the wire. */
export interface CapturedFile {
  /** Hex SHA-256 of the file as it is on disk: the manifest entry's. */
  sha256: string;
  /** deflate-raw of the (redacted) content (common/content-codec.ts). */
  compressed: Uint8Array;
  /** Bytes of the (redacted) content, inflated. */
  size: number;
  redacted: boolean;
}

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
  /** file_added, file_changed (content) of a captured path: the `after` file's content. */
  content?: CapturedFile;
  /** The same events without content: why. */
  captureSkip?: CaptureSkipReason;
}
