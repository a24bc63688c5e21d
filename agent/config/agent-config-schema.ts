// The agent's settings: the YAML file's shape (snake_case, with every default)
// as one TypeBox schema, and the AgentConfig the daemon reads (camelCase, durations
// in milliseconds, paths resolved). docs/agent.md documents the same table.
import { Type, type Static } from '@sinclair/typebox';
import { DurationSchema } from '../../common/duration.js';
import { CAPTURE_MAX_BYTES_LIMIT, DEFAULT_CAPTURE_GLOBS, DEFAULT_CAPTURE_MAX_BYTES } from '../capture/capture-rules.js';
import { DEFAULT_PATHS } from '../pipeline/scan-options.js';

/** Paths fingerprinted and watched by default on a real host (missing ones are skipped). */
export const DEFAULT_AGENT_PATHS: readonly string[] = DEFAULT_PATHS;

/** Config trees where editors save atomically; chokidar's event semantics pay there. */
export const DEFAULT_CHOKIDAR_PATHS: readonly string[] = ['/etc', '/root/.ssh', '/var/spool/cron'];

/** cloud-init writes this when the instance's first boot has finished. */
export const CLOUD_INIT_BOOT_FINISHED = '/var/lib/cloud/instance/boot-finished';

const Path = Type.String({ minLength: 1, maxLength: 4096 });
const PathList = (defaults: readonly string[]) => Type.Array(Path, { maxItems: 1024, default: [...defaults] });
// The collector refuses enrollment tokens shorter than 16 characters, so a
// shorter one here could never work: say so at config time, not at enrollment.
const Token = Type.String({ minLength: 16, maxLength: 256 });
const SealWhenSchema = Type.Union(
  [Type.Literal('auto'), Type.Literal('immediate'), Type.Literal('file'), Type.Literal('manual')], { default: 'auto' });
// pino's levels; "silent" turns logging off.
const LogLevelSchema = Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'),
  Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent')], { default: 'info' });
export type SealWhen = Static<typeof SealWhenSchema>;
export type LogLevel = Static<typeof LogLevelSchema>;

export const AgentConfigSchema = Type.Object({
  collector: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  enroll_token: Type.Optional(Token),
  enroll_token_file: Type.Optional(Path),
  ca_file: Type.Optional(Path),
  root: Type.String({ minLength: 1, default: '/' }),
  state_dir: Type.String({ minLength: 1, default: '/var/lib/drift-agent' }),
  paths: Type.Array(Path, { minItems: 1, maxItems: 1024, default: [...DEFAULT_AGENT_PATHS] }),
  ignore: PathList([]),
  chokidar_paths: PathList(DEFAULT_CHOKIDAR_PATHS),
  seal: Type.Object({
    when: SealWhenSchema,
    file: Type.String({ minLength: 1, default: CLOUD_INIT_BOOT_FINISHED }),
  }, { additionalProperties: false, default: {} }),
  heartbeat_interval: DurationSchema('30s'),
  rescan_interval: DurationSchema('15m'),
  full_rehash_interval: DurationSchema('24h'),
  watch_debounce: DurationSchema('20ms'),
  hash_rate_mb_per_s: Type.Number({ minimum: 0, maximum: 100_000, default: 64 }),
  nice: Type.Integer({ minimum: 0, maximum: 19, default: 10 }),
  batch_max_events: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  outbox_max_events: Type.Integer({ minimum: 1000, maximum: 100_000_000, default: 100_000 }),
  labels: Type.Record(Type.String(), Type.String({ maxLength: 1024 }), { maxProperties: 64, default: {} }),
  image_id: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  log_level: LogLevelSchema,
  // The argv run (no shell) when the collector's `agent` terminator says shut down.
  shutdown_command: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 4096 }), { minItems: 1, maxItems: 64 })),
  // Captured content (docs/agent.md): globs of files whose content events carry, their size bound, and
  // globs never captured on top of the built-in denylist.
  capture: PathList(DEFAULT_CAPTURE_GLOBS),
  capture_max_bytes: Type.Integer({ minimum: 1, maximum: CAPTURE_MAX_BYTES_LIMIT, default: DEFAULT_CAPTURE_MAX_BYTES }),
  secret: PathList([]),
}, { additionalProperties: false });

/** The settings as written in a config file (snake_case, durations as written). */
export type AgentConfigFile = Static<typeof AgentConfigSchema>;

/** The settings as the agent uses them. Paths are absolute; durations are milliseconds. */
export interface AgentConfig {
  /** Collector base URL without a trailing slash; `run` refuses to start without one. */
  collector: string | undefined;
  /** Fleet enrollment token, from enroll_token or read from enroll_token_file. */
  enrollToken: string | undefined;
  /** PEM file of CAs to trust for an https collector (absolute). */
  caFile: string | undefined;
  /** The filesystem to watch (absolute); paths below are as seen inside it. */
  root: string;
  stateDir: string;
  paths: readonly string[];
  ignore: readonly string[];
  /** Subtrees of `paths` watched with chokidar; the rest with the lighter watcher. */
  chokidarPaths: readonly string[];
  seal: { readonly when: SealWhen; readonly file: string };
  heartbeatIntervalMs: number;
  /** Stat-cache rescan period; 0 disables. */
  rescanIntervalMs: number;
  /** Full re-hash period; 0 disables. */
  fullRehashIntervalMs: number;
  watchDebounceMs: number;
  /** Hashing rate cap for rescans in MiB/s; 0 means unlimited. */
  hashRateMbPerS: number;
  nice: number;
  batchMaxEvents: number;
  outboxMaxEvents: number;
  labels: Readonly<Record<string, string>>;
  /** Overrides the image id detected from host facts. */
  imageId: string | undefined;
  logLevel: LogLevel;
  /** Run once on a SHUTDOWN directive (program path first, no shell); unset: such directives are refused. */
  shutdownCommand: readonly string[] | undefined;
  /** Globs of files whose content is captured ([] captures nothing). */
  capture: readonly string[];
  captureMaxBytes: number;
  /** Globs never captured, on top of the built-in denylist. */
  secret: readonly string[];
}
