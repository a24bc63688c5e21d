import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../collector/store/sqlite-migrations.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

test('migration 3 keeps the events of a version-2 database, in order, and keeps agent sequences unique', async () => {
  const dir = makeTempDir();
  const file = join(dir, 'old.db');
  try {
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 2)) old.exec(m.sql);
    old.pragma('user_version = 2');
    old.prepare(`INSERT INTO hosts (id, facts, public_key, state, enrolled_at, image_id) VALUES ('h', '{}', x'00', 'drifted', 1, '')`).run();
    const insert = old.prepare(`INSERT INTO events (host_id, seq, kind, path, changes, received_at, payload, hash)
      VALUES ('h', ?, ?, ?, '[]', 5, '{}', ?)`);
    insert.run(2, 'coverage_gap', '', '');
    insert.run(1, 'file_added', '/a', 'aa');
    insert.run(3, 'file_changed', '/b', 'bb');
    old.close();

    const store = openSqliteStore(file);
    try {
      await store.migrate();
      assert.deepEqual((await store.listEvents('h', { limit: 10 })).map((e) => [e.seq, e.kind, e.path]),
        [[1, 'file_added', '/a'], [2, 'coverage_gap', ''], [3, 'file_changed', '/b']]);
    } finally {
      await store.close();
    }
    const raw = new Database(file);
    try {
      const again = raw.prepare(`INSERT INTO events (host_id, seq, kind, path, changes, received_at, payload, hash)
        VALUES ('h', 3, 'file_added', '/c', '[]', 6, '{}', ?)`);
      assert.throws(() => again.run('cc'), /UNIQUE constraint/); // a second agent event at seq 3
      assert.equal(again.run('').changes, 1); // a collector-recorded gap may share it
    } finally {
      raw.close();
    }
  } finally {
    removeTempDir(dir);
  }
});
