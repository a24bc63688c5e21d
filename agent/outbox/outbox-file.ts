// Opening the outbox's SQLite file, for the daemon (read-write, created if
// missing) and for `drift-agent status` (read-only, never created), with every
// failure turned into AGENT_OUTBOX_FAILED naming the file.
import { closeSync, openSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { DriftwatchError, describeFsError, errnoCode } from '../../common/errors.js';

/**
 * How long a statement waits for another connection's lock before
 * SQLITE_BUSY. Only the daemon writes; status only reads, and in WAL mode
 * readers never block the writer. Kept short: better-sqlite3 is synchronous,
 * so a wait stalls the agent's event loop.
 */
const BUSY_TIMEOUT_MS = 1000;

/**
 * After a checkpoint, SQLite truncates a WAL larger than this. Without it the
 * WAL keeps the size of the largest burst it ever held (a 100,000-event
 * backlog) on a state disk that may be small.
 */
const WAL_SIZE_LIMIT_BYTES = 8 * 1024 * 1024;

export function outboxFailed(file: string, why: string, cause?: unknown): DriftwatchError {
  return new DriftwatchError('AGENT_OUTBOX_FAILED', `outbox ${file}: ${why}`, { cause });
}

function messageOf(err: unknown): string {
  if (err instanceof Database.SqliteError) return `${err.message} (${err.code})`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Creates the file with mode 0600 if it does not exist, so it is never
 * readable by others, not even for the moment a chmod afterwards would leave
 * open. SQLite creates the -wal and -shm files with the database file's mode.
 * An empty file is a valid empty SQLite database.
 */
function createPrivate(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return;
    throw outboxFailed(file, `cannot create it: ${describeFsError(err)}`, err);
  }
  closeSync(fd);
}

/** Runs @setup on the new connection; closes it and reports the file on failure. */
function configured(file: string, db: Database.Database, setup: () => void): Database.Database {
  try {
    setup();
    return db;
  } catch (err) {
    db.close();
    if (err instanceof DriftwatchError) throw err;
    throw outboxFailed(file, `cannot use it as a database: ${messageOf(err)}`, err);
  }
}

export function openForWriting(file: string): Database.Database {
  createPrivate(file);
  let db: Database.Database;
  try {
    // fileMustExist: had the file vanished since createPrivate, SQLite would
    // create it with its default mode (0644); fail instead.
    db = new Database(file, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw outboxFailed(file, `cannot open it: ${messageOf(err)}`, err);
  }
  return configured(file, db, () => {
    // WAL: `drift-agent status` reads while the daemon writes, neither waits.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw outboxFailed(file, `cannot switch it to WAL mode (journal_mode is ${String(mode)})`);
    // FULL syncs the WAL on every commit: an event append() has returned
    // survives a power loss, not only a crash of the process (NORMAL would).
    db.pragma('synchronous = FULL');
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  });
}

export function openForReading(file: string): Database.Database {
  try {
    // A nicer message than SQLite's "unable to open database file".
    statSync(file);
  } catch (err) {
    const why = errnoCode(err) === 'ENOENT' ? 'it does not exist (has the agent run yet?)' : `cannot read it: ${describeFsError(err)}`;
    throw outboxFailed(file, why, err);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (err) {
    throw outboxFailed(file, `cannot open it: ${messageOf(err)}`, err);
  }
  // Reading the schema version is the first access to the file's content: a
  // file that is not a database fails here, with the file named.
  return configured(file, db, () => db.pragma('user_version', { simple: true }));
}

/** Wraps a failure reading or checking an open outbox into AGENT_OUTBOX_FAILED. */
export function describeFailure(file: string, err: unknown): DriftwatchError {
  if (err instanceof DriftwatchError) return err;
  return outboxFailed(file, messageOf(err), err);
}

/**
 * A failure of SQLite itself (a full disk, an I/O error, a read-only or
 * locked file, a damaged page): the outbox keeps working from memory. Anything
 * else (a TypeError, a closed connection) is a bug and is thrown.
 */
export function isSqliteFailure(err: unknown): err is InstanceType<typeof Database.SqliteError> {
  return err instanceof Database.SqliteError;
}
