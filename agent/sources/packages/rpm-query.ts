// The rpm package list. rpm's database format has changed over the years
// (Berkeley DB, NDB, SQLite), so instead of reading it we ask the rpm CLI,
// pointed at the root with --root, once for all packages. Hosts without rpm
// (or roots without an rpm database) simply have no rpm packages.

import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DriftwatchError } from '../../../common/errors.js';
import type { Package } from '../../model.js';

/** Where rpm keeps its database: the classic place, and the one newer distributions moved to. */
export const RPM_DB_PATHS = ['var/lib/rpm', 'usr/lib/sysimage/rpm'] as const;

export const RPM_QUERY_FORMAT = '%{NAME}\\t%{EPOCH}:%{VERSION}-%{RELEASE}\\t%{ARCH}\\n';

const RPM_TIMEOUT_MS = 60_000;

/** Installed rpm packages of the root; [] when rpm is not on PATH or the root has no rpm database. */
export function readRpmPackages(root: string): Package[] {
  if (!RPM_DB_PATHS.some((p) => existsSync(join(root, p)))) return [];
  const rpm = findOnPath('rpm');
  if (rpm === undefined) return [];
  let output: string;
  try {
    output = execFileSync(rpm, ['--root', root, '-qa', '--qf', RPM_QUERY_FORMAT], {
      encoding: 'utf8',
      timeout: RPM_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
  } catch (err) {
    throw new DriftwatchError('AGENT_PACKAGE_DB_INVALID', `rpm --root ${root} -qa failed`, { cause: err });
  }
  return parseRpmQueryOutput(output);
}

/**
 * Parse the output of `rpm -qa --qf RPM_QUERY_FORMAT`: one "name TAB epoch:version-release TAB arch"
 * line per package. rpm prints "(none)" for an absent epoch (then the version has no "N:"
 * prefix, as rpm itself displays it) and for an absent arch (gpg-pubkey pseudo-packages).
 */
export function parseRpmQueryOutput(text: string): Package[] {
  const out: Package[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const fields = line.split('\t');
    const [name, evr, arch] = fields;
    if (fields.length !== 3 || name === undefined || name === '' || evr === undefined || arch === undefined) {
      throw new DriftwatchError('AGENT_PACKAGE_DB_INVALID', `rpm query output line ${i + 1} is malformed: ${JSON.stringify(line)}`);
    }
    const version = evr.startsWith('(none):') ? evr.slice('(none):'.length) : evr;
    out.push({ manager: 'rpm', name, version, arch: arch === '(none)' ? '' : arch });
  }
  return out;
}

/** The full path of an executable named `name` on PATH, or undefined. */
function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
