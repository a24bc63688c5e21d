// A manifest as JSON (docs/manifest.md). Paths use the lossless string form of
// common/path-bytes.ts, so a byte that is not UTF-8 appears as "\udcXX". Times
// are decimal nanosecond strings, since they do not fit a JSON number exactly.
import type { FileEntry, Manifest, PackageFileMismatch } from '../model.js';
import { fileFromJson, hostFromJson, InvalidJson, mismatchFromJson, packageFromJson, arrayOf, objectOf, str } from './json-read.js';

export function fileToJson(f: FileEntry): Record<string, unknown> {
  const o: Record<string, unknown> = {
    path: f.path, type: f.type, mode: f.mode.toString(8).padStart(4, '0'), uid: f.uid, gid: f.gid, size: f.size,
    mtime_ns: f.mtimeNs.toString(), ctime_ns: f.ctimeNs.toString(), inode: f.inode,
  };
  if (f.sha256 !== '') o.sha256 = f.sha256;
  if (f.type === 'symlink') o.target = f.target;
  if (f.capabilities !== '') o.capabilities = f.capabilities;
  if (f.error !== '') o.error = f.error;
  return o;
}

export function mismatchToJson(m: PackageFileMismatch): Record<string, unknown> {
  return { path: m.path, package: m.package, algorithm: m.algorithm, expected: m.expected, actual: m.actual };
}

export function manifestToJson(m: Manifest): string {
  const h = m.host;
  const head = {
    format_version: m.formatVersion,
    created_at: m.createdAt.toISOString(),
    host: {
      hostname: h.hostname, machine_id: h.machineId, boot_id: h.bootId, instance_id: h.instanceId,
      image_id: h.imageId, os: h.os, kernel: h.kernel, arch: h.arch, labels: h.labels,
    },
    scanned_paths: m.scannedPaths,
    ignored: m.ignored,
    merkle_root: m.merkleRoot,
    packages: m.packages,
    package_mismatches: m.packageMismatches.map(mismatchToJson),
  };
  // One file per line keeps a 75,000-entry manifest diffable with ordinary tools.
  const files = m.files.map((f) => JSON.stringify(fileToJson(f))).join(',\n  ');
  const headText = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  return `${headText},\n "files": [\n  ${files}\n ]\n}\n`;
}

export function manifestFromJson(text: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InvalidJson(`not JSON: ${(err as Error).message}`);
  }
  const o = objectOf(raw, 'manifest');
  if (o.format_version !== 1) throw new InvalidJson(`format_version is ${JSON.stringify(o.format_version)}, expected 1`);
  const created = new Date(str(o.created_at, 'created_at'));
  if (Number.isNaN(created.getTime())) throw new InvalidJson('created_at is not a date');
  const root = str(o.merkle_root, 'merkle_root');
  if (!/^[0-9a-f]{64}$/.test(root)) throw new InvalidJson('merkle_root is not 64 hex digits');
  return {
    formatVersion: 1,
    createdAt: created,
    host: hostFromJson(o.host),
    scannedPaths: arrayOf(o.scanned_paths, 'scanned_paths').map((p, i) => str(p, `scanned_paths[${i}]`)),
    ignored: arrayOf(o.ignored, 'ignored').map((p, i) => str(p, `ignored[${i}]`)),
    files: arrayOf(o.files, 'files').map(fileFromJson),
    packages: arrayOf(o.packages, 'packages').map(packageFromJson),
    packageMismatches: arrayOf(o.package_mismatches, 'package_mismatches').map(mismatchFromJson),
    merkleRoot: root,
  };
}
