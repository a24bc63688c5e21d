// Hand-made manifest entries for the pure stages (merkle, diff).
import type { FileEntry, Manifest } from '../../agent/model.js';
import { merkleRoot } from '../../common/merkle.js';

export function entry(path: string, over: Partial<FileEntry> = {}): FileEntry {
  const type = over.type ?? 'file';
  return {
    path, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, size: 3, mtimeNs: 1n, ctimeNs: 1n, inode: 1,
    sha256: type === 'file' ? 'a'.repeat(64) : '', target: '', capabilities: '', error: '', ...over,
  };
}

export function manifest(files: FileEntry[], over: Partial<Manifest> = {}): Manifest {
  return {
    formatVersion: 1, createdAt: new Date(0),
    host: { hostname: 'h', machineId: '', bootId: '', instanceId: '', imageId: '', os: '', kernel: '', arch: '', labels: {} },
    scannedPaths: ['/etc'], ignored: [], files, packages: [], packageMismatches: [], merkleRoot: merkleRoot(files), ...over,
  };
}
