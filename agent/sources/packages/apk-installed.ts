// The apk package list: ROOT/lib/apk/db/installed. Each package is a record of
// one-letter "K:value" lines, records separated by blank lines. Besides the
// package identity (P: name, V: version, A: arch) a record lists the package's
// files: F: opens a directory (relative to the root, no leading slash), each
// following R: is a file in it, and a: / Z: after an R: are that file's owner
// and mode, and checksum ("Q1" + base64 SHA-1).

import { join } from 'node:path';
import { DriftwatchError } from '../../../common/errors.js';
import { readPackageDbFile } from './read-db-file.js';
import { decodePathBytes } from '../../../common/path-bytes.js';
import type { Package } from '../../model.js';

export const APK_INSTALLED_PATH = 'lib/apk/db/installed';

export interface ApkFileChecksum {
  /** Absolute path inside the root, as listed (symlinks in it unresolved). */
  path: string;
  /** Lowercase hex SHA-1. */
  sha1: string;
  /**
   * True when apk recorded the file as a symlink (mode 0777). For symlinks apk's
   * checksum is the SHA-1 of the link text, not of any file content.
   */
  symlink: boolean;
}

export interface ApkRecord {
  package: Package;
  files: ApkFileChecksum[];
}

/** Installed packages from ROOT/lib/apk/db/installed; [] when the root has no apk database. */
export function readApkPackages(root: string): Package[] {
  return readApkRecords(root).map((r) => r.package);
}

/** Installed packages with their files' checksums; [] when the database is absent. */
export function readApkRecords(root: string): ApkRecord[] {
  const file = join(root, APK_INSTALLED_PATH);
  const bytes = readPackageDbFile(file);
  if (bytes === undefined) return [];
  // File names are raw bytes; decoding the whole file losslessly keeps non-UTF-8 names intact.
  return parseApkInstalled(decodePathBytes(bytes), file);
}

/** Lowercase hex of an apk "Q1<base64 SHA-1>" checksum, or undefined for any other form. */
export function apkChecksumToHex(value: string): string | undefined {
  if (!value.startsWith('Q1')) return undefined;
  const raw = Buffer.from(value.slice(2), 'base64');
  return raw.length === 20 ? raw.toString('hex') : undefined;
}

/** Parse the installed database text; `source` only names the file in error messages. */
export function parseApkInstalled(text: string, source = APK_INSTALLED_PATH): ApkRecord[] {
  const out: ApkRecord[] = [];
  const lines = text.split('\n');
  let name = '';
  let version = '';
  let arch = '';
  let files: ApkFileChecksum[] = [];
  let dir = '';
  let file: string | undefined; // the last R: name, until the next F:/R:
  let mode = 0o644; // apk's default when a file has no a: line
  let recordLine = 1;
  let inRecord = false;

  const finish = (): void => {
    if (!inRecord) return;
    if (name === '' || version === '') {
      throw new DriftwatchError('AGENT_PACKAGE_DB_INVALID', `${source}: record at line ${recordLine} has no P: or V: line`);
    }
    out.push({ package: { manager: 'apk', name, version, arch }, files });
    name = version = arch = dir = '';
    files = [];
    file = undefined;
    inRecord = false;
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') {
      finish();
      recordLine = i + 2;
      continue;
    }
    if (line.length < 2 || line.charCodeAt(1) !== 0x3a /* ':' */) {
      throw new DriftwatchError('AGENT_PACKAGE_DB_INVALID', `${source}: line ${i + 1} is not a "K:value" line`);
    }
    inRecord = true;
    const value = line.slice(2);
    switch (line[0]) {
      case 'P': name = value; break;
      case 'V': version = value; break;
      case 'A': arch = value; break;
      case 'F': dir = value.replace(/^\/+|\/+$/g, ''); file = undefined; break;
      case 'R': file = value; mode = 0o644; break;
      case 'a': {
        // "a:uid:gid:mode" with the mode in octal; only meaningful after an R:.
        const m = /:([0-7]+)$/.exec(value);
        if (m !== null && file !== undefined) mode = parseInt(m[1]!, 8);
        break;
      }
      case 'Z': {
        if (file === undefined) break; // a Z: without an R: belongs to no file
        const sha1 = apkChecksumToHex(value);
        // Older or newer checksum forms (bare md5, Q2 sha256) are not ones we verify.
        if (sha1 !== undefined) {
          files.push({ path: dir === '' ? `/${file}` : `/${dir}/${file}`, sha1, symlink: (mode & 0o777) === 0o777 });
        }
        break;
      }
      default: break; // other keys (size, license, dependencies, ...) are not ours
    }
  }
  finish();
  return out;
}
