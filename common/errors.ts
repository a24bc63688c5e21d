// One error class for all of driftwatch, with stable codes. The code table is
// the single source of truth: docs/errors.md lists the same codes and a test
// keeps the two in step. Exit codes follow the CLI contract: 2 means "error".

export const ERROR_CODES = {
  AGENT_USAGE: 'a command-line flag or argument is missing, unknown or malformed',
  AGENT_ROOT_INVALID: 'the --root directory does not exist or is not a directory',
  AGENT_BASELINE_UNREADABLE: 'the baseline file cannot be read',
  AGENT_BASELINE_CORRUPT: 'the baseline file is not a driftwatch manifest, or fails its own Merkle root',
  AGENT_OUTPUT_FAILED: 'the manifest or report could not be written',
  AGENT_PACKAGE_DB_INVALID: 'a package database exists but cannot be parsed',
  AGENT_LOGINS_UNREADABLE: 'the utmp file exists but cannot be read, or exceeds its size bound',
  AGENT_CONFIG_INVALID: 'the agent configuration file or a flag is invalid (the message names the file, line and key)',
  AGENT_STATE_INVALID: 'the state directory cannot be created, read or written, or a file in it is damaged',
  AGENT_OUTBOX_FAILED: 'the outbox database cannot be opened, or is damaged',
  AGENT_ENROLL_REFUSED: 'the collector refused enrollment (a wrong enrollment token, or a malformed request)',
  AGENT_INTERNAL: 'an unexpected failure inside the agent (a bug: please report it)',
  COLLECTOR_USAGE: 'a collector command-line flag or argument is missing, unknown or malformed',
  COLLECTOR_CONFIG_INVALID: 'the collector configuration is invalid',
  COLLECTOR_INGEST_CONTENT_TYPE: 'an agent request is not application/x-protobuf',
  COLLECTOR_INGEST_DECODE: 'an agent request body is not the expected protobuf message',
  COLLECTOR_INGEST_INVALID: 'an agent request decodes but breaks a rule (a bound, an order, a missing field)',
  COLLECTOR_CONTENT_INVALID: 'captured file content is malformed: not deflate-raw, inflating to more or less than its declared size (a decompression bomb), not its SHA-256, or not UTF-8 text',
  COLLECTOR_BODY_TOO_LARGE: 'a request body exceeds the size limit',
  COLLECTOR_ENROLL_TOKEN_INVALID: 'the enrollment token is missing or wrong',
  COLLECTOR_UNKNOWN_HOST: 'the request names a host that is not enrolled',
  COLLECTOR_SIGNATURE_INVALID: 'the request signature is missing or does not verify',
  COLLECTOR_SIGNATURE_EXPIRED: 'the signed timestamp is outside the allowed clock skew',
  COLLECTOR_REPLAY: 'the request nonce was already used',
  COLLECTOR_BASELINE_SEALED: 'the host already has a sealed baseline, which is never replaced',
  COLLECTOR_RATE_LIMITED: 'the host sent more requests than its rate limit allows',
  COLLECTOR_AUTH_REQUIRED: 'the operator API needs a valid bearer token',
  COLLECTOR_FORBIDDEN: 'the bearer token is valid but its role does not allow this request',
  COLLECTOR_NOT_FOUND: 'no such route or resource',
  COLLECTOR_BAD_REQUEST: 'a query parameter, path parameter or JSON request body is malformed',
  COLLECTOR_POLICY_INVALID: 'the policy file is invalid (the message names the file, line and key); a reload keeps the policy in force',
  COLLECTOR_CONFLICT: 'the resource is not in a state that allows this action (approving a termination that is not pending approval)',
  COLLECTOR_UNREACHABLE: 'an operator command could not reach the collector, or the collector answered with an error',
  COLLECTOR_INTERNAL: 'an unexpected failure inside the collector (logged with the request id, never returned)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DriftwatchError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DriftwatchError';
    this.code = code;
  }
}

/** The errno-style code of a Node system error ("ENOENT"), or undefined. */
export function errnoCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    return err.code;
  }
  return undefined;
}

/** A short, stable description of a filesystem error for manifests: "EACCES: permission denied". */
export function describeFsError(err: unknown): string {
  const code = errnoCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code === undefined) return message;
  // Node's messages embed the path ("EACCES: permission denied, open '/x'"); the
  // entry already carries the path, and repeating it would leak the --root prefix.
  const comma = message.indexOf(',');
  return comma > 0 ? message.slice(0, comma) : message;
}
