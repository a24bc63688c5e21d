// The dpkg package list: ROOT/var/lib/dpkg/status, the database dpkg itself
// keeps. It is a series of RFC 822-like stanzas separated by blank lines; we
// read only the few fields we need and skip the (long) Description and
// Conffiles continuation lines without looking at them, which keeps a
// 700-package file well under 10 ms.

import { join } from 'node:path';
import { DriftwatchError } from '../../../common/errors.js';
import { readPackageDbFile } from './read-db-file.js';
import type { Package } from '../../model.js';

export const DPKG_STATUS_PATH = 'var/lib/dpkg/status';

/** One installed dpkg package plus the status fields the integrity check needs. */
export interface DpkgStatusEntry {
  package: Package;
  /** The Multi-Arch field ("same", "foreign", "allowed") or "" when absent. */
  multiArch: string;
}

/** Installed packages from ROOT/var/lib/dpkg/status; [] when the root has no dpkg database. */
export function readDpkgPackages(root: string): Package[] {
  return readDpkgStatusEntries(root).map((e) => e.package);
}

/**
 * Installed packages with their Multi-Arch value. dpkg names a package's info
 * files "<name>:<arch>.md5sums" only when it is Multi-Arch: same (so that
 * several architectures of it can be installed at once), else "<name>.md5sums".
 */
export function readDpkgStatusEntries(root: string): DpkgStatusEntry[] {
  const file = join(root, DPKG_STATUS_PATH);
  const bytes = readPackageDbFile(file);
  return bytes === undefined ? [] : parseDpkgStatus(bytes.toString('utf8'), file);
}

/** Parse status text; `source` only names the file in error messages. */
export function parseDpkgStatus(text: string, source = DPKG_STATUS_PATH): DpkgStatusEntry[] {
  const out: DpkgStatusEntry[] = [];
  const lines = text.split('\n');
  let fields = new Map<string, string>();
  let stanzaLine = 1;

  const finish = (): void => {
    if (fields.size === 0) return;
    const status = fields.get('status') ?? '';
    // Status is "want flag state"; only the state "installed" means the files are on disk.
    // half-installed, config-files, unpacked and so on are not (fully) present.
    if (status.split(/\s+/)[2] === 'installed') {
      const name = fields.get('package');
      const version = fields.get('version');
      if (name === undefined || name === '' || version === undefined || version === '') {
        throw new DriftwatchError(
          'AGENT_PACKAGE_DB_INVALID',
          `${source}: installed package stanza at line ${stanzaLine} has no Package or Version field`,
        );
      }
      out.push({
        package: { manager: 'dpkg', name, version, arch: fields.get('architecture') ?? '' },
        multiArch: fields.get('multi-arch') ?? '',
      });
    }
    fields = new Map();
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') {
      finish();
      stanzaLine = i + 2;
      continue;
    }
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) continue; // continuation of the previous field
    const colon = line.indexOf(':');
    if (colon <= 0) {
      throw new DriftwatchError('AGENT_PACKAGE_DB_INVALID', `${source}: line ${i + 1} is not a "Field: value" line`);
    }
    // Field names are case-insensitive in deb822; dpkg writes them capitalised.
    fields.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  finish();
  return out;
}
