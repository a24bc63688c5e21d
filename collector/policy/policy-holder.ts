// The policy in force: the configured file, or the built-in default when none
// is configured. Ingest reads `current` for every batch (no file access);
// reload() re-reads the file on SIGHUP or the admin API, and a bad new policy
// leaves the old one in force and says why.
import { DriftwatchError } from '../../common/errors.js';
import { DEFAULT_POLICY_SOURCE } from './default-policy.js';
import { defaultPolicy, loadPolicyFile } from './policy-load.js';
import type { Policy } from './policy-types.js';

/** The part of a pino logger the holder uses. */
export interface PolicyLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export type ReloadOutcome =
  | { ok: true; policy: Readonly<Policy> }
  /** Refused: `error` says why (COLLECTOR_POLICY_INVALID); `policy` is the one still in force. */
  | { ok: false; error: DriftwatchError; policy: Readonly<Policy> };

export class PolicyHolder {
  private policy: Readonly<Policy>;
  private at: Date;

  private constructor(private readonly path: string | undefined, private readonly log: PolicyLogger, now: Date) {
    this.policy = this.read();
    this.at = now;
    this.logLoaded();
  }

  /** The policy file at `path`, or the built-in default; throws COLLECTOR_POLICY_INVALID for a bad file. */
  static open(path: string | undefined, log: PolicyLogger, now = new Date()): PolicyHolder {
    return new PolicyHolder(path, log, now);
  }

  get current(): Readonly<Policy> {
    return this.policy;
  }

  /** When the policy in force was loaded. */
  get loadedAt(): Date {
    return this.at;
  }

  /** The file reload() reads, or "built-in default". */
  get source(): string {
    return this.path ?? DEFAULT_POLICY_SOURCE;
  }

  /** Reads the policy again; a policy that does not load is refused and the old one stays. */
  reload(now = new Date()): ReloadOutcome {
    let next: Readonly<Policy>;
    try {
      next = this.read();
    } catch (err) {
      if (!(err instanceof DriftwatchError)) throw err;
      this.log.warn({ source: this.source, error: err.message }, 'policy reload refused: the policy loaded before stays in force');
      return { ok: false, error: err, policy: this.policy };
    }
    this.policy = next;
    this.at = now;
    this.logLoaded();
    return { ok: true, policy: next };
  }

  private read(): Readonly<Policy> {
    return this.path === undefined ? defaultPolicy() : loadPolicyFile(this.path);
  }

  private logLoaded(): void {
    this.log.info({ source: this.source, rules: this.policy.rules.length }, 'policy loaded');
  }
}
