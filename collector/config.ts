// The collector's settings: one TypeBox schema with the defaults, filled from
// a YAML file and/or flags, validated once, then frozen. A bad file is refused
// naming the line of the wrong setting (common/yaml-config.ts does the YAML).
import { Type, type Static } from '@sinclair/typebox';
import { parseConfigFile, readConfigText, settingError, validateSettings, type SettingsOrigin } from '../common/yaml-config.js';
import type { AlertSettings, NotifierConfig, TerminatorConfig } from './actions/action-config.js';
import { parseNotifiers } from './actions/notifier-config.js';
import { parseTerminator } from './actions/terminator-config.js';

const Token = Type.String({ minLength: 16, maxLength: 256, description: 'at least 16 characters: a guessable token guards nothing' });

export const ConfigSchema = Type.Object({
  db: Type.String({ minLength: 1 }),
  listen: Type.String({ pattern: '^(\\[[0-9a-fA-F:.]+\\]|[^:\\[\\]]+):[0-9]{1,5}$' }),
  admin_token: Token,
  enroll_token: Token,
  tls_cert: Type.Optional(Type.String({ minLength: 1 })),
  tls_key: Type.Optional(Type.String({ minLength: 1 })),
  clock_skew_seconds: Type.Integer({ minimum: 1, maximum: 3600, default: 300 }),
  max_body_bytes: Type.Integer({ minimum: 1024, maximum: 64 << 20, default: 4 << 20 }),
  max_baseline_bytes: Type.Integer({ minimum: 1024, maximum: 1024 << 20, default: 256 << 20 }),
  max_baseline_entries: Type.Integer({ minimum: 1, maximum: 50_000_000, default: 5_000_000 }),
  max_events_per_batch: Type.Integer({ minimum: 1, maximum: 10_000, default: 1000 }),
  max_content_bytes: Type.Integer({ minimum: 1024, maximum: 16 << 20, default: 1 << 20, description: 'largest captured file content kept, inflated' }),
  heartbeat_interval_seconds: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  silent_after_intervals: Type.Integer({ minimum: 1, maximum: 100, default: 3 }),
  rate_limit_per_second: Type.Number({ exclusiveMinimum: 0, maximum: 100_000, default: 50 }),
  rate_limit_burst: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 200 }),
  policy: Type.Optional(Type.String({ minLength: 1, description: 'path of the policy YAML file' })),
  alerts: Type.Object({
    group_window_seconds: Type.Integer({ minimum: 0, maximum: 86_400, default: 60 }),
    delivery_ttl_hours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 30, default: 24 }),
  }, { additionalProperties: false, default: {} }),
  // Checked item by item in actions/notifier-config.ts and actions/terminator-config.ts,
  // whose errors name the type-specific setting instead of "Expected union value".
  notifiers: Type.Array(Type.Unknown(), { maxItems: 32, default: [] }),
  terminator: Type.Optional(Type.Unknown()),
}, { additionalProperties: false });

/** The settings as written in a config file (snake_case). */
export type ConfigFile = Static<typeof ConfigSchema>;

/** The settings as the code uses them. */
export interface CollectorConfig {
  db: string;
  host: string;
  port: number;
  adminToken: string;
  enrollToken: string;
  tlsCert?: string;
  tlsKey?: string;
  clockSkewMs: number;
  maxBodyBytes: number;
  maxBaselineBytes: number;
  maxBaselineEntries: number;
  maxEventsPerBatch: number;
  /** Captured file content larger than this (inflated) is not kept; the event is. */
  maxContentBytes: number;
  heartbeatIntervalMs: number;
  silentAfterIntervals: number;
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  /** The policy file; absent: the built-in default policy. */
  policy?: string;
  alerts: AlertSettings;
  notifiers: readonly NotifierConfig[];
  /** Absent: terminate verdicts are recorded and alerted, but no host is terminated. */
  terminator?: TerminatorConfig;
}

export interface ConfigSource {
  /** Settings from a YAML file, with the file's text for line numbers. */
  file?: { path: string; text: string };
  /** Settings from flags (snake_case keys); they win over the file. */
  flags: Partial<Record<keyof ConfigFile, string | number | undefined>>;
}

export function readConfigFile(path: string): { path: string; text: string } {
  return readConfigText(path, 'COLLECTOR_CONFIG_INVALID');
}

export function loadConfig(source: ConfigSource): Readonly<CollectorConfig> {
  const file = source.file === undefined ? undefined : parseConfigFile(source.file, 'COLLECTOR_CONFIG_INVALID');
  const flags = Object.fromEntries(Object.entries(source.flags).filter(([, v]) => v !== undefined));
  const origin: SettingsOrigin = {
    code: 'COLLECTOR_CONFIG_INVALID', file,
    flags: new Map(Object.keys(flags).map((k) => [k, `--${k.replace(/_/g, '-')}`])),
  };
  const c = validateSettings(ConfigSchema, { ...file?.values, ...flags }, origin);
  if ((c.tls_cert === undefined) !== (c.tls_key === undefined)) {
    throw settingError(origin, [c.tls_cert === undefined ? 'tls_key' : 'tls_cert'], 'tls_cert and tls_key go together: give both or neither');
  }
  const i = c.listen.lastIndexOf(':');
  const port = Number(c.listen.slice(i + 1));
  if (port > 65535) throw settingError(origin, ['listen'], `port ${port} is out of range`);
  const notifiers = parseNotifiers(c.notifiers, origin);
  const terminator = c.terminator === undefined ? undefined : parseTerminator(c.terminator, origin);
  const config: CollectorConfig = {
    db: c.db, host: c.listen.slice(0, i).replace(/^\[|\]$/g, ''), port, adminToken: c.admin_token, enrollToken: c.enroll_token,
    clockSkewMs: c.clock_skew_seconds * 1000, maxBodyBytes: c.max_body_bytes, maxBaselineBytes: c.max_baseline_bytes,
    maxBaselineEntries: c.max_baseline_entries, maxEventsPerBatch: c.max_events_per_batch, heartbeatIntervalMs: c.heartbeat_interval_seconds * 1000,
    silentAfterIntervals: c.silent_after_intervals, rateLimitPerSecond: c.rate_limit_per_second, rateLimitBurst: c.rate_limit_burst,
    alerts: { groupWindowMs: c.alerts.group_window_seconds * 1000, deliveryTtlMs: c.alerts.delivery_ttl_hours * 3_600_000 },
    notifiers,
    maxContentBytes: c.max_content_bytes,
    ...(c.policy === undefined ? {} : { policy: c.policy }),
    ...(terminator === undefined ? {} : { terminator }),
    ...(c.tls_cert === undefined ? {} : { tlsCert: c.tls_cert, tlsKey: c.tls_key! }),
  };
  return Object.freeze(config);
}

/** Settings for tests and embedding: the schema's defaults under the given values. */
export function makeConfig(values: Pick<CollectorConfig, 'db' | 'adminToken' | 'enrollToken'> & Partial<CollectorConfig>): Readonly<CollectorConfig> {
  const base = loadConfig({ flags: { db: values.db, listen: '127.0.0.1:0', admin_token: values.adminToken, enroll_token: values.enrollToken } });
  return Object.freeze({ ...base, ...values });
}
