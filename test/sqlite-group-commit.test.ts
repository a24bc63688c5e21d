import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GroupCommit } from '../collector/store/sqlite-group-commit.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

test('writes of one event-loop turn share one transaction; a failure refuses them all', async () => {
  const dir = makeTempDir();
  const db = new Database(join(dir, 'g.db'));
  try {
    db.exec('CREATE TABLE t (v INTEGER NOT NULL)');
    const group = new GroupCommit(db);
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const ok = await Promise.all([1, 2, 3].map((v) => group.run(() => insert.run(v).changes)));
    assert.deepEqual(ok, [1, 1, 1]);
    const results = await Promise.allSettled([group.run(() => insert.run(4)), group.run(() => insert.run(null))]);
    assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
    assert.deepEqual(db.prepare('SELECT v FROM t ORDER BY v').pluck().all(), [1, 2, 3]);
  } finally {
    db.close();
    removeTempDir(dir);
  }
});

test('the same nonce twice in one group commit: the second is a replay', async () => {
  const dir = makeTempDir();
  const store = openSqliteStore(join(dir, 'c.db'));
  try {
    await store.migrate();
    const host = await store.createHost({ hostname: 'h', machineId: '', instanceId: '', imageId: '', os: '', kernel: '', labels: {} }, Buffer.alloc(32), new Date());
    const later = new Date(Date.now() + 60_000);
    const now = new Date();
    assert.deepEqual(await Promise.all([store.useNonce(host.id, 'ab'.repeat(8), later, now), store.useNonce(host.id, 'ab'.repeat(8), later, now)]), [true, false]);
    assert.equal(await store.useNonce(host.id, 'ab'.repeat(8), later, now), false);
    assert.equal(await store.useNonce(host.id, 'cd'.repeat(8), later, now), true);
  } finally {
    await store.close();
    removeTempDir(dir);
  }
});
