// Conversions between the agent's model and the generated protobuf types.
// Decoding validates every field: a baseline file is input like any other.
import { driftwatch } from '../../proto/gen/driftwatch.js';
import type { HostFacts, Package, PackageFileMismatch, PackageManager } from '../model.js';
import { PACKAGE_MANAGERS } from '../model.js';
import { check } from '../../common/file-entry-proto.js';
import { decodePathBytes, encodePath } from '../../common/path-bytes.js';

export { fileFromProto, fileToProto, fromTimestamp, InvalidField, toTimestamp } from '../../common/file-entry-proto.js';

const pb = driftwatch.v1;
const MANAGERS: readonly PackageManager[] = PACKAGE_MANAGERS;

export function packageFromProto(p: driftwatch.v1.IPackage | null | undefined): Package {
  const manager = p?.manager ?? '';
  check((MANAGERS as readonly string[]).includes(manager), `unknown package manager ${JSON.stringify(manager)}`);
  check((p?.name ?? '') !== '', 'package without a name');
  return { manager: manager as PackageManager, name: p?.name ?? '', version: p?.version ?? '', arch: p?.arch ?? '' };
}

export function mismatchToProto(m: PackageFileMismatch): driftwatch.v1.IPackageFileMismatch {
  return { path: encodePath(m.path), package: m.package, algorithm: m.algorithm, expected: m.expected, actual: m.actual };
}

export function mismatchFromProto(p: driftwatch.v1.IPackageFileMismatch): PackageFileMismatch {
  const algorithm = p.algorithm ?? '';
  check(algorithm === 'md5' || algorithm === 'sha1', `unknown digest algorithm ${JSON.stringify(algorithm)}`);
  return {
    path: decodePathBytes(p.path ?? new Uint8Array()), package: packageFromProto(p.package),
    algorithm: algorithm as 'md5' | 'sha1', expected: p.expected ?? '', actual: p.actual ?? '',
  };
}

export function hostFromProto(h: driftwatch.v1.IHostFacts | null | undefined): HostFacts {
  return {
    hostname: h?.hostname ?? '', machineId: h?.machineId ?? '', bootId: h?.bootId ?? '', instanceId: h?.instanceId ?? '',
    imageId: h?.imageId ?? '', os: h?.os ?? '', kernel: h?.kernel ?? '', arch: h?.arch ?? '', labels: { ...(h?.labels ?? {}) },
  };
}

export { pb };
