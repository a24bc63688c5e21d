// Statements prepared once per connection, for the store's modules that are
// functions of the Database (tokens, contents, terminations): keyed by
// connection, so a closed store's statements go with it, and prepared only
// once the schema is current (the tables exist only after migrate()).
import type Database from 'better-sqlite3';
import { LATEST_VERSION, userVersion } from './sqlite-migrations.js';

export function perConnection<S>(prepare: (db: Database.Database) => S): (db: Database.Database) => S {
  const cache = new WeakMap<Database.Database, S>();
  return (db) => {
    let s = cache.get(db);
    if (s === undefined) {
      const version = userVersion(db);
      if (version !== LATEST_VERSION) {
        throw new Error(`database schema is at version ${version}, this collector needs ${LATEST_VERSION}: run migrate() first`);
      }
      s = prepare(db);
      cache.set(db, s);
    }
    return s;
  };
}
