// The daemon's watcher runs in its own thread: changes cross as messages,
// and a thread that dies is a coverage gap on every watched path, never silence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startThreadedWatcher } from '../agent/watch/threaded-watcher.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';

async function until(what: string, ok: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('changes arrive from the thread as paths inside the root; ignored paths do not', async () => {
  const root = makeTempDir();
  const changes: string[] = [];
  try {
    writeTree(root, { 'etc/hosts': 'a\n', 'usr/bin/ls': 'ls' });
    const w = startThreadedWatcher({ root, ignore: ['/etc/skip'], paths: ['/etc', '/usr'], chokidarPaths: ['/etc'] },
      (p) => changes.push(p), () => undefined);
    await w.ready;
    assert.ok(w.stats().directories >= 2, JSON.stringify(w.stats()));
    writeFileSync(join(root, 'etc/skip'), 'x');
    writeFileSync(join(root, 'usr/bin/nc'), 'nc');
    writeFileSync(join(root, 'etc/hosts'), 'b\n');
    await until('both changes', () => changes.includes('/usr/bin/nc') && changes.includes('/etc/hosts'));
    assert.ok(!changes.includes('/etc/skip'), changes.join('\n'));
    await w.close();
  } finally {
    removeTempDir(root);
  }
});

test('a watch thread that fails is a gap on every watched path', async () => {
  const gaps: Array<[string, string]> = [];
  // An ignore glob that is not a string makes the thread throw while it starts.
  const w = startThreadedWatcher({ root: '/', ignore: [42 as unknown as string], paths: ['/nonexistent-a', '/nonexistent-b'], chokidarPaths: [] },
    () => undefined, (p, why) => gaps.push([p, why]));
  await w.ready;
  await until('gaps', () => gaps.length === 2);
  assert.deepEqual(gaps.map(([p]) => p), ['/nonexistent-a', '/nonexistent-b']);
  assert.match(gaps[0]![1], /watch thread/);
  await w.close();
});
