// Strict readers for manifest JSON: every field is checked for type and range,
// so a hand-edited or foreign file fails with the field that is wrong.
import type { FileEntry, FileType, HostFacts, Package, PackageFileMismatch, PackageManager } from '../model.js';
import { FILE_TYPES, PACKAGE_MANAGERS } from '../model.js';

export class InvalidJson extends Error {}

const TYPES: readonly FileType[] = FILE_TYPES;
const MANAGERS: readonly PackageManager[] = PACKAGE_MANAGERS;

export function objectOf(v: unknown, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidJson(`${what} is not an object`);
  return v as Record<string, unknown>;
}

export function arrayOf(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) throw new InvalidJson(`${what} is not an array`);
  return v;
}

export function str(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new InvalidJson(`${what} is not a string`);
  return v;
}

function optStr(v: unknown, what: string): string {
  return v === undefined ? '' : str(v, what);
}

function int(v: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max) throw new InvalidJson(`${what} is not an integer in 0..${max}`);
  return v;
}

function nanos(v: unknown, what: string): bigint {
  const s = str(v, what);
  if (!/^-?\d{1,20}$/.test(s)) throw new InvalidJson(`${what} is not a decimal nanosecond count`);
  return BigInt(s);
}

function hex(v: unknown, what: string, bytes?: number): string {
  const s = optStr(v, what);
  if (!/^([0-9a-f]{2})*$/.test(s) || (bytes !== undefined && s !== '' && s.length !== bytes * 2)) {
    throw new InvalidJson(`${what} is not ${bytes === undefined ? '' : `${bytes}-byte `}lowercase hex`);
  }
  return s;
}

export function fileFromJson(v: unknown, i: number): FileEntry {
  const o = objectOf(v, `files[${i}]`);
  const at = `files[${i}]`;
  const type = str(o.type, `${at}.type`) as FileType;
  if (!TYPES.includes(type)) throw new InvalidJson(`${at}.type ${JSON.stringify(type)} is not a file type`);
  const mode = str(o.mode, `${at}.mode`);
  if (!/^[0-7]{1,6}$/.test(mode)) throw new InvalidJson(`${at}.mode is not octal`);
  return {
    path: str(o.path, `${at}.path`), type, mode: parseInt(mode, 8) & 0o7777,
    uid: int(o.uid, `${at}.uid`, 0xffffffff), gid: int(o.gid, `${at}.gid`, 0xffffffff), size: int(o.size, `${at}.size`),
    mtimeNs: nanos(o.mtime_ns, `${at}.mtime_ns`), ctimeNs: nanos(o.ctime_ns, `${at}.ctime_ns`), inode: int(o.inode, `${at}.inode`),
    sha256: hex(o.sha256, `${at}.sha256`, 32), target: optStr(o.target, `${at}.target`),
    capabilities: hex(o.capabilities, `${at}.capabilities`), error: optStr(o.error, `${at}.error`),
  };
}

export function packageFromJson(v: unknown, i: number | string): Package {
  const at = typeof i === 'number' ? `packages[${i}]` : i;
  const o = objectOf(v, at);
  const manager = str(o.manager, `${at}.manager`) as PackageManager;
  if (!MANAGERS.includes(manager)) throw new InvalidJson(`${at}.manager ${JSON.stringify(manager)} is not dpkg, apk or rpm`);
  return { manager, name: str(o.name, `${at}.name`), version: str(o.version, `${at}.version`), arch: str(o.arch, `${at}.arch`) };
}

export function mismatchFromJson(v: unknown, i: number): PackageFileMismatch {
  const at = `package_mismatches[${i}]`;
  const o = objectOf(v, at);
  const algorithm = str(o.algorithm, `${at}.algorithm`);
  if (algorithm !== 'md5' && algorithm !== 'sha1') throw new InvalidJson(`${at}.algorithm is not md5 or sha1`);
  return {
    path: str(o.path, `${at}.path`), package: packageFromJson(o.package, `${at}.package`), algorithm,
    expected: hex(o.expected, `${at}.expected`), actual: hex(o.actual, `${at}.actual`),
  };
}

export function hostFromJson(v: unknown): HostFacts {
  const o = objectOf(v, 'host');
  const labels = objectOf(o.labels ?? {}, 'host.labels');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(labels)) out[k] = str(val, `host.labels.${k}`);
  return {
    hostname: optStr(o.hostname, 'host.hostname'), machineId: optStr(o.machine_id, 'host.machine_id'),
    bootId: optStr(o.boot_id, 'host.boot_id'), instanceId: optStr(o.instance_id, 'host.instance_id'),
    imageId: optStr(o.image_id, 'host.image_id'), os: optStr(o.os, 'host.os'), kernel: optStr(o.kernel, 'host.kernel'),
    arch: optStr(o.arch, 'host.arch'), labels: out,
  };
}
