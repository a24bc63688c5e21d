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
  AGENT_INTERNAL: 'an unexpected failure inside the agent (a bug: please report it)',
  COLLECTOR_NOT_AVAILABLE: 'the requested collector command does not exist in this build',
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
