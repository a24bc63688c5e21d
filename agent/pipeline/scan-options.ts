// Where to look and what to leave out: defaults and validation shared by scan and check.
import { realpathSync, statSync } from 'node:fs';
import picomatch from 'picomatch';
import { DriftwatchError, describeFsError } from '../../common/errors.js';

/** Paths fingerprinted by default on a real host (those that do not exist are skipped). */
export const DEFAULT_PATHS: readonly string[] = [
  '/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/opt', '/boot', '/root/.ssh', '/var/spool/cron',
];

/** Resolve and check --root: an existing directory, as an absolute path without a trailing slash. */
export function resolveRoot(root: string): string {
  let real: string;
  try {
    real = realpathSync(root);
  } catch (err) {
    throw new DriftwatchError('AGENT_ROOT_INVALID', `--root ${root}: ${describeFsError(err)}`);
  }
  if (!statSync(real).isDirectory()) throw new DriftwatchError('AGENT_ROOT_INVALID', `--root ${root} is not a directory`);
  return real;
}

/** Why p cannot be a path to scan (as seen inside the root), or undefined. Shared with the agent's config. */
export function scanPathProblem(p: string): string | undefined {
  if (!p.startsWith('/')) return `${p} is not absolute (paths are as seen inside --root, e.g. /etc)`;
  if (p.split('/').includes('..')) return `${p} contains "..", which could leave the root`;
  return undefined;
}

/** An acceptable scan path without "." parts, repeated or trailing slashes: "/etc//ssh/" -> "/etc/ssh". */
export function normalizeScanPath(p: string): string {
  return `/${p.split('/').filter((c) => c !== '' && c !== '.').join('/')}`;
}

/** Parse a comma-separated --paths value into absolute, normalised paths inside the root. */
export function parsePaths(value: string): string[] {
  const paths = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (paths.length === 0) throw new DriftwatchError('AGENT_USAGE', '--paths needs at least one path');
  return paths.map((p) => {
    const problem = scanPathProblem(p);
    if (problem !== undefined) throw new DriftwatchError('AGENT_USAGE', `--paths: ${problem}`);
    return normalizeScanPath(p);
  });
}

/** Why an ignore glob cannot work, or undefined. Shared with the agent's config. */
export function ignoreGlobProblem(g: string): string | undefined {
  return g.startsWith('/') || g.startsWith('**') ? undefined : `${g} must start with / or ** (it is matched against absolute paths)`;
}

/** Comma-separated picomatch globs, matched against paths inside the root ("/var/log/**"). */
export function parseIgnore(values: readonly string[]): string[] {
  const globs = values.flatMap((v) => v.split(',')).map((g) => g.trim()).filter((g) => g !== '');
  for (const g of globs) {
    const problem = ignoreGlobProblem(g);
    if (problem !== undefined) throw new DriftwatchError('AGENT_USAGE', `--ignore: ${problem}`);
  }
  return globs;
}

export function ignoreMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}
