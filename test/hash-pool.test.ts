import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HashPool } from '../agent/sources/files/hash-pool.js';
import type { HashResult } from '../agent/sources/files/hash-protocol.js';
import { tempRoots } from './helpers/temp-tree.js';

const tempDir = tempRoots('driftwatch-hash-pool-');

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

/** Files of random content under a temp directory, with their SHA-256 (computed here, not by the pool). */
function randomFiles(count: number, size: number): Array<{ path: string; sha256: string }> {
  const dir = tempDir();
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `f${i}`);
    const content = randomBytes(size);
    writeFileSync(path, content);
    return { path, sha256: createHash('sha256').update(content).digest('hex') };
  });
}

/** Hashes the files with a pool capped at `bytesPerS`; the elapsed ms and every result. */
async function hashCapped(files: Array<{ path: string; sha256: string }>, size: number, bytesPerS: number): Promise<{ ms: number; results: HashResult[] }> {
  // performance.now() counts from the process start: past one second, the bucket starts full (one second of burst).
  if (performance.now() < 1100) await sleep(1100 - performance.now());
  const pool = new HashPool(2, bytesPerS);
  const results: HashResult[] = [];
  pool.setResultHandler((r) => results.push(r));
  const started = performance.now();
  files.forEach((f, id) => pool.submit({ id, hostPath: f.path, sha256: true, size }));
  await pool.drain();
  const ms = performance.now() - started;
  await pool.close();
  return { ms, results };
}

// 6 MiB at 2 MiB/s, one second (2 MiB) of it allowed as a burst: at least 2 s.
// Asserted with a margin, and only as a lower bound: this machine is shared and
// slow, so nothing here says how fast it may be. (Few large files are one batch
// for the pool; a cap charged after dispatch let all 6 MiB through at once.)
const MiB = 1024 * 1024;
for (const [count, size] of [[24, 256 * 1024], [768, 8 * 1024]] as const) {
  test(`the hashing rate cap holds ${count} files of ${size / 1024} KiB (6 MiB) at 2 MiB/s to at least 1.8 s, with correct hashes`, async (t) => {
    const files = randomFiles(count, size);
    const { ms, results } = await hashCapped(files, size, 2 * MiB);
    t.diagnostic(`${count} x ${size / 1024} KiB hashed in ${ms.toFixed(0)} ms at a 2 MiB/s cap`);
    assert.ok(ms >= 1800, `6 MiB hashed in ${ms.toFixed(0)} ms: faster than a 2 MiB/s cap allows`);
    assert.equal(results.length, count);
    for (const r of results) {
      assert.equal(r.error, '');
      assert.equal(r.sha256, files[r.id]!.sha256, `file ${r.id}`);
    }
  });
}
