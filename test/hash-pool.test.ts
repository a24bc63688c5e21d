import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { HashPool } from '../agent/sources/files/hash-pool.js';

// Terminating a worker while it loads the fs-xattr addon aborts the whole
// process (a native assertion); close() must let each worker finish starting.
test('a pool closed right after its first job never kills the process', async () => {
  for (let i = 0; i < 100; i++) {
    const pool = new HashPool(2);
    let results = 0;
    pool.setResultHandler(() => { results++; });
    pool.submit({ id: 0, hostPath: '/etc/hostname', sha256: true, size: 1 });
    if (i % 2 === 0) {
      await pool.drain();
      assert.equal(results, 1);
    } else {
      await sleep(Math.random() * 30); // close at any point of the workers' start-up
    }
    await pool.close();
  }
});
