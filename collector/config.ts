// The collector's settings: defaults here, validated once, then frozen.
import { DriftwatchError } from '../common/errors.js';

export interface CollectorConfig {
  db: string;
  host: string;
  port: number;
  adminToken: string;
  enrollToken: string;
  /** Allowed distance between a signed timestamp and the collector's clock. */
  clockSkewMs: number;
  /** Bounds on what agents may send. */
  maxBodyBytes: number;
  maxBaselineBytes: number;
  maxEventsPerBatch: number;
}

export const DEFAULTS = {
  clockSkewMs: 5 * 60_000,
  maxBodyBytes: 4 << 20,
  maxBaselineBytes: 256 << 20,
  maxEventsPerBatch: 1000,
} as const;

const MIN_TOKEN_LENGTH = 16;

/** "HOST:PORT" (IPv6 as [::1]:PORT) -> parts; throws COLLECTOR_USAGE when malformed. */
export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(listen);
  const port = Number(m?.[3]);
  if (m === null || port > 65535) throw new DriftwatchError('COLLECTOR_USAGE', `--listen ${listen} is not HOST:PORT`);
  return { host: m[1] ?? m[2]!, port };
}

export function makeConfig(input: Omit<CollectorConfig, keyof typeof DEFAULTS> & Partial<Pick<CollectorConfig, keyof typeof DEFAULTS>>): Readonly<CollectorConfig> {
  for (const [flag, value] of [['--admin-token', input.adminToken], ['--enroll-token', input.enrollToken]] as const) {
    if (value.length < MIN_TOKEN_LENGTH) {
      throw new DriftwatchError('COLLECTOR_CONFIG_INVALID', `${flag} must be at least ${MIN_TOKEN_LENGTH} characters (a guessable token guards nothing)`);
    }
  }
  return Object.freeze({ ...DEFAULTS, ...input });
}
