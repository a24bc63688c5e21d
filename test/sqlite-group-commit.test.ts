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

test('the same nonce twice in one group commit: the second is a replay and writes nothing', async () => {
  const dir = makeTempDir();
  const store = openSqliteStore(join(dir, 'c.db'));
  try {
    await store.migrate();
    const host = await store.createHost({ hostname: 'h', machineId: '', instanceId: '', imageId: '', os: '', kernel: '', labels: {} }, Buffer.alloc(32), new Date());
    const now = new Date();
    const nonce = (n: string) => ({ nonce: n, expiresAt: new Date(now.getTime() + 60_000), now });
    const beat = (root: string, n: string) => store.recordHeartbeat(host.id, now, root, 1, nonce(n));
    const results = await Promise.allSettled([beat('a'.repeat(64), 'ab'.repeat(8)), beat('b'.repeat(64), 'ab'.repeat(8))]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected']);
    assert.match(String((results[1] as PromiseRejectedResult).reason), /already received/);
    await assert.rejects(beat('c'.repeat(64), 'ab'.repeat(8)), { code: 'COLLECTOR_REPLAY' });
    await beat('d'.repeat(64), 'cd'.repeat(8));
  } finally {
    await store.close();
    removeTempDir(dir);
  }
});
