// Numbered SQLite migrations, for the collector's store and the agent's
// outbox alike. The version applied last lives in PRAGMA user_version, a
// field of the database header, so it commits or rolls back with the
// migration that sets it: a crash never leaves a half-applied version. A
// released migration is never edited; a change is a new one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  sql: string;
}

export function userVersion(db: Database.Database): number {
  const v = db.pragma('user_version', { simple: true });
  if (typeof v !== 'number') throw new Error(`PRAGMA user_version returned ${String(v)}`);
  return v;
}

/**
 * Applies the migrations the database lacks, each in its own IMMEDIATE
 * transaction: the write lock is taken before user_version is read, so two
 * processes opening the same file cannot both apply one migration. `what`
 * names the schema in errors.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], what: string): void {
  migrations.forEach((m, i) => {
    // Versions are 1, 2, 3, ...: a gap or a reordering is a programming error.
    if (m.version !== i + 1) throw new Error(`${what} migration ${i} has version ${m.version}, expected ${i + 1}`);
  });
  for (const m of migrations) {
    db.transaction(() => {
      if (userVersion(db) >= m.version) return;
      db.exec(m.sql);
      // PRAGMA takes no bound parameters; m.version is an integer from the array above.
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
