// The checks a JSON schema cannot express: a URL's scheme, paths inside the root,
// chokidar subtrees inside the scanned paths, durations with units, label key
// lengths. Each refusal names the key and its line through settingError. They
// run on values the schema already typed.
import { readFileSync } from 'node:fs';
import { commandProblem } from '../../common/bounded-command.js';
import { describeFsError } from '../../common/errors.js';
import { durationMs, durationProblem, type DurationBounds } from '../../common/duration.js';
import { settingError, type SettingsOrigin } from '../../common/yaml-config.js';
import { ignoreGlobProblem, normalizeScanPath, scanPathProblem } from '../pipeline/scan-options.js';
import { DEFAULT_CHOKIDAR_PATHS } from './agent-config-schema.js';

/** The collector's base URL, normalised without a trailing slash. */
export function checkCollector(origin: SettingsOrigin, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw settingError(origin, ['collector'], 'is not a URL (expected e.g. https://collector.example.com:8443)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw settingError(origin, ['collector'], `must be an http:// or https:// URL, not ${url.protocol}`);
  // Not echoed: a URL with a password in it is a secret, and the agent signs its requests anyway.
  if (url.username !== '' || url.password !== '') throw settingError(origin, ['collector'], 'must not carry credentials (user:password@); the agent authenticates with its enrolled key');
  if (url.search !== '' || url.hash !== '') throw settingError(origin, ['collector'], 'must not have a query or fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A path as seen inside the root: absolute, no "..", normalised (the same rule as --paths). */
export function checkPath(origin: SettingsOrigin, keyPath: readonly string[], p: string): string {
  const problem = scanPathProblem(p);
  if (problem !== undefined) throw settingError(origin, keyPath, problem);
  return normalizeScanPath(p);
}

export function checkPaths(origin: SettingsOrigin, key: string, values: readonly string[]): string[] {
  return values.map((p, i) => checkPath(origin, [key, String(i)], p));
}

export function checkIgnore(origin: SettingsOrigin, globs: readonly string[], key = 'ignore'): string[] {
  globs.forEach((g, i) => {
    const problem = ignoreGlobProblem(g);
    if (problem !== undefined) throw settingError(origin, [key, String(i)], problem);
  });
  return [...globs];
}

function isInside(path: string, tree: string): boolean {
  return tree === '/' || path === tree || path.startsWith(`${tree}/`);
}

/**
 * chokidar only watches what is scanned. An explicit list must lie inside `paths`;
 * the default list is narrowed to the part that does, so `paths: [/srv]` alone
 * is not refused for the defaults it never mentioned.
 */
export function checkChokidarPaths(origin: SettingsOrigin, values: readonly string[], explicit: boolean, paths: readonly string[]): string[] {
  if (!explicit) return DEFAULT_CHOKIDAR_PATHS.filter((c) => paths.some((p) => isInside(c, p)));
  const chokidar = checkPaths(origin, 'chokidar_paths', values);
  chokidar.forEach((c, i) => {
    if (!paths.some((p) => isInside(c, p))) {
      throw settingError(origin, ['chokidar_paths', String(i)], `${c} is not inside any of paths (${paths.join(', ')}); only scanned trees can be watched`);
    }
  });
  return chokidar;
}

/** A readable PEM bundle, and only with an https collector (with http it would be silently unused). */
export function checkCaFile(origin: SettingsOrigin, path: string, collector: string | undefined): void {
  if (collector !== undefined && !collector.startsWith('https:')) {
    throw settingError(origin, ['ca_file'], 'is only used with an https:// collector');
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw settingError(origin, ['ca_file'], `cannot read ${path}: ${describeFsError(err)}`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) throw settingError(origin, ['ca_file'], `${path} holds no PEM certificate`);
}

// Each duration's range, checked in milliseconds (common/duration.ts converts).
export const DURATION_BOUNDS = {
  heartbeat_interval: { minMs: 1000, maxMs: 3_600_000 },
  rescan_interval: { minMs: 10_000, zeroDisables: true },
  // A full re-hash reads every file: more often than each minute would never rest.
  full_rehash_interval: { minMs: 60_000, zeroDisables: true },
  watch_debounce: { maxMs: 5000 },
} as const satisfies Record<string, DurationBounds>;

export type DurationKey = keyof typeof DURATION_BOUNDS;

export function checkDuration(origin: SettingsOrigin, key: DurationKey, value: number | string): number {
  const ms = durationMs(value);
  const problem = durationProblem(ms, DURATION_BOUNDS[key]);
  if (problem !== undefined) throw settingError(origin, [key], problem);
  return ms;
}

/** The schema bounds the count and the values; a key's length is checked here. */
export function checkLabels(origin: SettingsOrigin, labels: Record<string, string>): Record<string, string> {
  for (const key of Object.keys(labels)) {
    if (key.length === 0 || key.length > 128) throw settingError(origin, ['labels', key], 'a label key must be 1 to 128 characters long');
  }
  return { ...labels };
}

/**
 * The shutdown command runs on the host itself (not under `root`), without a
 * shell: its program must be an executable given by absolute path, checked
 * now rather than when the collector finally asks for it.
 */
export function checkShutdownCommand(origin: SettingsOrigin, argv: readonly string[]): string[] {
  const bad = commandProblem(argv);
  if (bad !== undefined) throw settingError(origin, ['shutdown_command', String(bad.index)], bad.problem);
  return [...argv];
}
