// The agent's settings from a YAML file and flags: flags win key by key, the
// merged result is validated against AgentConfigSchema, checked, converted
// (durations to ms, relative paths resolved) and frozen. Every refusal is an
// AGENT_CONFIG_INVALID naming FILE:LINE and the key, or the flag.
import { dirname, resolve } from 'node:path';
import { DriftwatchError } from '../../common/errors.js';
import { deepFreeze, parseConfigFile, readConfigText, settingError, validateSettings, type ConfigText, type SettingsOrigin } from '../../common/yaml-config.js';
import { AgentConfigSchema, type AgentConfig, type AgentConfigFile } from './agent-config-schema.js';
import {
  checkCaFile, checkChokidarPaths, checkCollector, checkDuration, checkIgnore, checkLabels, checkPath, checkPaths, checkShutdownCommand, type DurationKey,
} from './agent-config-checks.js';
import { readEnrollTokenFile } from './enroll-token-file.js';

const CODE = 'AGENT_CONFIG_INVALID';

export interface AgentConfigSource {
  /** A YAML file's path and text (readAgentConfigFile), for values and line numbers. */
  file?: { path: string; text: string };
  /** Values from the command line (or a caller); each one replaces the file's key. */
  flags?: Partial<AgentConfig>;
}

// Each AgentConfig field, the file key it overrides, and the drift-agent flag
// that sets it (named in errors; fields without a flag are named "flags.field").
const FIELDS: { [K in keyof AgentConfig]-?: { key: keyof AgentConfigFile; flag?: string } } = {
  collector: { key: 'collector', flag: '--collector' }, enrollToken: { key: 'enroll_token', flag: '--enroll-token' },
  caFile: { key: 'ca_file' }, root: { key: 'root', flag: '--root' }, stateDir: { key: 'state_dir', flag: '--state-dir' },
  paths: { key: 'paths', flag: '--paths' }, ignore: { key: 'ignore' }, chokidarPaths: { key: 'chokidar_paths' }, seal: { key: 'seal' },
  heartbeatIntervalMs: { key: 'heartbeat_interval' }, rescanIntervalMs: { key: 'rescan_interval' },
  fullRehashIntervalMs: { key: 'full_rehash_interval' }, watchDebounceMs: { key: 'watch_debounce' },
  hashRateMbPerS: { key: 'hash_rate_mb_per_s' }, nice: { key: 'nice' }, batchMaxEvents: { key: 'batch_max_events' },
  outboxMaxEvents: { key: 'outbox_max_events' }, labels: { key: 'labels' }, imageId: { key: 'image_id' }, logLevel: { key: 'log_level' },
  shutdownCommand: { key: 'shutdown_command' },
  capture: { key: 'capture' }, captureMaxBytes: { key: 'capture_max_bytes' }, secret: { key: 'secret' },
};

const DURATION_KEYS: ReadonlySet<string> = new Set(['heartbeat_interval', 'rescan_interval', 'full_rehash_interval', 'watch_debounce']);

/** Flags in the file's shape (durations given in ms become "NNNms"), and the name of each flag. */
function flagsAsFile(flags: Partial<AgentConfig>): { values: Record<string, unknown>; names: Map<string, string> } {
  const values: Record<string, unknown> = {};
  const names = new Map<string, string>();
  for (const [field, value] of Object.entries(flags)) {
    if (value === undefined) continue;
    const spec = (FIELDS as Record<string, { key: string; flag?: string } | undefined>)[field];
    if (spec === undefined) throw new DriftwatchError(CODE, `flags.${field}: unknown setting`);
    values[spec.key] = DURATION_KEYS.has(spec.key) && typeof value === 'number' ? `${value}ms` : structuredClone(value);
    names.set(spec.key, spec.flag ?? `flags.${field}`);
  }
  return { values, names };
}

export function readAgentConfigFile(path: string): ConfigText {
  return readConfigText(path, CODE);
}

export function loadAgentConfig(source: AgentConfigSource): Readonly<AgentConfig> {
  const file = source.file === undefined ? undefined : parseConfigFile(source.file, CODE);
  const flags = flagsAsFile(source.flags ?? {});
  const fromFile = { ...file?.values };
  // A token on the command line replaces the file's token, whichever way the file gives it.
  if (flags.values.enroll_token !== undefined) delete fromFile.enroll_token_file;
  const merged: Record<string, unknown> = { ...fromFile, ...flags.values };
  const chokidarExplicit = merged.chokidar_paths !== undefined;
  const origin: SettingsOrigin = { code: CODE, file, flags: flags.names, merged };
  const c = validateSettings(AgentConfigSchema, merged, origin);

  // Relative paths mean relative to the file that wrote them (or to the working directory for flags).
  const base = (key: string): string => (flags.names.has(key) || file === undefined ? process.cwd() : dirname(resolve(file.path)));
  const absolute = (key: string, p: string): string => resolve(base(key), p);

  const collector = c.collector === undefined ? undefined : checkCollector(origin, c.collector);
  if (c.enroll_token !== undefined && c.enroll_token_file !== undefined) {
    throw settingError(origin, ['enroll_token_file'], 'set enroll_token or enroll_token_file, not both');
  }
  let enrollToken = c.enroll_token;
  if (c.enroll_token_file !== undefined) {
    const read = readEnrollTokenFile(absolute('enroll_token_file', c.enroll_token_file));
    if ('problem' in read) throw settingError(origin, ['enroll_token_file'], read.problem);
    enrollToken = read.token;
  }
  const caFile = c.ca_file === undefined ? undefined : absolute('ca_file', c.ca_file);
  if (caFile !== undefined) checkCaFile(origin, caFile, collector);
  const paths = checkPaths(origin, 'paths', c.paths);
  const sealFile = checkPath(origin, ['seal', 'file'], c.seal.file);
  const duration = (key: DurationKey): number => checkDuration(origin, key, c[key]);

  const config: AgentConfig = {
    collector, enrollToken, caFile,
    root: absolute('root', c.root), stateDir: absolute('state_dir', c.state_dir),
    paths, ignore: checkIgnore(origin, c.ignore),
    chokidarPaths: checkChokidarPaths(origin, c.chokidar_paths, chokidarExplicit, paths),
    seal: { when: c.seal.when, file: sealFile },
    heartbeatIntervalMs: duration('heartbeat_interval'), rescanIntervalMs: duration('rescan_interval'),
    fullRehashIntervalMs: duration('full_rehash_interval'), watchDebounceMs: duration('watch_debounce'),
    hashRateMbPerS: c.hash_rate_mb_per_s, nice: c.nice, batchMaxEvents: c.batch_max_events, outboxMaxEvents: c.outbox_max_events,
    labels: checkLabels(origin, c.labels), imageId: c.image_id, logLevel: c.log_level,
    shutdownCommand: c.shutdown_command === undefined ? undefined : checkShutdownCommand(origin, c.shutdown_command),
    capture: checkIgnore(origin, c.capture, 'capture'), captureMaxBytes: c.capture_max_bytes, secret: checkIgnore(origin, c.secret, 'secret'),
  };
  return deepFreeze(config);
}
