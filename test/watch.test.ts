import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePathBytes } from '../common/path-bytes.js';
import { put, tempRoots } from './helpers/temp-tree.js';
import { waitFor, WatchRecorder } from './helpers/watch-events.js';

const tempRoot = tempRoots('driftwatch-watch-');

test('files created, written, chmod-ed, renamed and removed are reported by their own path', async (t) => {
  const root = tempRoot();
  put(root, 'lib/a/old.so', 'x');
  const w = await WatchRecorder.start({ paths: [root] });
  t.after(() => w.close());
  const file = join(root, 'lib/a/new.so');

  writeFileSync(file, '1');
  await w.change(file, 'a created file');
  w.clear();
  appendFileSync(file, '2');
  await w.change(file, 'a written file');
  w.clear();
  chmodSync(file, 0o4755);
  await w.change(file, 'a chmod');
  w.clear();
  renameSync(file, join(root, 'lib/a/moved.so'));
  await w.change(file, 'the old name of a renamed file');
  await w.change(join(root, 'lib/a/moved.so'), 'the new name of a renamed file');
  w.clear();
  rmSync(join(root, 'lib/a/old.so'));
  await w.change(join(root, 'lib/a/old.so'), 'a removed file');
  assert.deepEqual(w.gaps, []);
});

test('a new directory is watched at once: what is made in it before and after its watch is reported', async (t) => {
  const root = tempRoot();
  mkdirSync(join(root, 'usr'));
  const w = await WatchRecorder.start({ paths: [join(root, 'usr')] });
  t.after(() => w.close());
  const before = w.watcher.stats().directories;

  // Made in one go, faster than any watch can be set up on the new directories.
  put(root, 'usr/new/deeper/first', '1');
  await w.change(join(root, 'usr/new'));
  await w.change(join(root, 'usr/new/deeper/first'), 'a file made right after its directory');
  await waitFor(() => w.watcher.stats().directories === before + 2, 'the two new directories to be watched');
  w.clear();
  writeFileSync(join(root, 'usr/new/deeper/later'), '2');
  await w.change(join(root, 'usr/new/deeper/later'), 'a later file in the new directory');
  appendFileSync(join(root, 'usr/new/deeper/first'), '3');
  await w.change(join(root, 'usr/new/deeper/first'), 'a later write in the new directory');
});

test('a directory removed and recreated is watched again, and a renamed one under its new name', async (t) => {
  const root = tempRoot();
  put(root, 'lib/mod/x.ko', 'x');
  put(root, 'lib/mod/sub/y.ko', 'y');
  const w = await WatchRecorder.start({ paths: [join(root, 'lib')] });
  t.after(() => w.close());
  const mod = join(root, 'lib/mod');

  rmSync(mod, { recursive: true });
  await w.change(mod, 'the removed directory');
  await waitFor(() => w.watcher.stats().directories === 1, 'the watches under the removed directory to close');
  put(root, 'lib/mod/sub/z.ko', 'z');
  await w.change(join(mod, 'sub/z.ko'), 'a file in the recreated directory');
  await waitFor(() => w.watcher.stats().directories === 3, 'the recreated directories to be watched');
  w.clear();
  writeFileSync(join(mod, 'sub/later.ko'), '1');
  await w.change(join(mod, 'sub/later.ko'), 'a later file in the recreated directory');

  renameSync(mod, join(root, 'lib/renamed'));
  await w.change(join(root, 'lib/renamed'));
  await waitFor(() => w.watcher.stats().directories === 3, 'the renamed tree to be watched again');
  w.clear();
  writeFileSync(join(root, 'lib/renamed/sub/after.ko'), '1');
  await w.change(join(root, 'lib/renamed/sub/after.ko'), 'a file in the renamed directory, under its new name');
  assert.ok(!w.changes.some((p) => p.startsWith(`${mod}/`)), `nothing under the old name: ${JSON.stringify(w.changes)}`);
});

test('a directory removed and recreated in one go (often with the same inode) is watched again', async (t) => {
  const root = tempRoot();
  put(root, 'lib/mod/x.ko', 'x');
  const w = await WatchRecorder.start({ paths: [join(root, 'lib')] });
  t.after(() => w.close());
  const mod = join(root, 'lib/mod');

  // Both before the watcher sees either event: the directory there when it looks is the new one.
  rmSync(mod, { recursive: true });
  mkdirSync(mod);
  await w.change(mod);
  w.clear();
  // The new directory's watch may still be being set up: keep writing until a write is seen.
  const file = join(mod, 'later.ko');
  await waitFor(() => {
    appendFileSync(file, '1');
    return w.saw(file);
  }, 'a write in the recreated directory');
});

test('ignored paths are neither reported nor watched', async (t) => {
  const root = tempRoot();
  put(root, 'var/cache/c1/blob', 'x');
  put(root, 'var/lib/keep', 'x');
  const cache = join(root, 'var/cache');
  const ignored = (p: string): boolean => p === cache || p.startsWith(`${cache}/`) || p.endsWith('.tmp');
  const w = await WatchRecorder.start({ paths: [join(root, 'var')], ignored });
  t.after(() => w.close());
  assert.equal(w.watcher.stats().directories, 2, 'var and var/lib, not the cache');

  writeFileSync(join(cache, 'c1/blob'), 'y');
  writeFileSync(join(cache, 'new'), 'y');
  writeFileSync(join(root, 'var/lib/x.tmp'), 'y');
  // Reported after the ignored writes, by the same directory watches: once it is seen, they would have been.
  writeFileSync(join(root, 'var/lib/sentinel'), 'y');
  await w.change(join(root, 'var/lib/sentinel'));
  assert.deepEqual(w.changes.filter((p) => ignored(p)), []);
});

test('a watched path that is missing at start, or removed and recreated, is picked up when it appears', async (t) => {
  const root = tempRoot();
  const opt = join(root, 'opt');
  const w = await WatchRecorder.start({ paths: [opt] });
  t.after(() => w.close());
  assert.equal(w.watcher.stats().directories, 0);

  put(root, 'opt/app/bin/tool', 'x');
  await w.change(join(opt, 'app/bin/tool'), 'a file in the path that appeared');
  await waitFor(() => w.watcher.stats().directories === 3, 'the new path to be watched');
  rmSync(opt, { recursive: true });
  await waitFor(() => w.watcher.stats().directories === 0, 'the removed path to be unwatched');
  mkdirSync(opt);
  await waitFor(() => w.watcher.stats().directories === 1, 'the recreated path to be watched');
  w.clear();
  writeFileSync(join(opt, 'later'), '1');
  await w.change(join(opt, 'later'));
});

test('a file can be a watched path; replacing it by rename is reported', async (t) => {
  const root = tempRoot();
  put(root, 'etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
  put(root, 'etc/group', 'root:x:0:\n');
  const passwd = join(root, 'etc/passwd');
  const w = await WatchRecorder.start({ paths: [passwd] });
  t.after(() => w.close());

  writeFileSync(join(root, 'etc/passwd+'), 'evil:x:0:0::/:/bin/sh\n');
  renameSync(join(root, 'etc/passwd+'), passwd);
  await w.change(passwd);
  w.clear();
  appendFileSync(passwd, 'x\n');
  await w.change(passwd, 'a write to the file that replaced the watched one');
  appendFileSync(join(root, 'etc/group'), 'x\n');
  chmodSync(passwd, 0o600);
  await w.change(passwd);
  assert.ok(!w.saw(join(root, 'etc/group')), 'a sibling of a watched file is not reported');
});

test('a name that is not UTF-8 is reported in the escaped form the scanner uses', async (t) => {
  const root = tempRoot();
  mkdirSync(join(root, 'bin'));
  const w = await WatchRecorder.start({ paths: [join(root, 'bin')] });
  t.after(() => w.close());
  const raw = Buffer.concat([Buffer.from(`${root}/bin/caf`), Buffer.from([0xe9])]);
  writeFileSync(raw, 'x');
  await w.change(decodePathBytes(raw));
});

test('after close() nothing is reported', async (t) => {
  const root = tempRoot();
  put(root, 'lib/a/f', 'x');
  put(root, 'etc/f', 'x');
  const opts = { paths: [join(root, 'lib'), join(root, 'etc')], chokidarPaths: [join(root, 'etc')] };
  const closed = await WatchRecorder.start(opts);
  const control = await WatchRecorder.start(opts);
  t.after(() => control.close());
  await closed.close();
  const seenAtClose = closed.changes.length;

  writeFileSync(join(root, 'lib/a/g'), 'y');
  writeFileSync(join(root, 'etc/f'), 'y');
  mkdirSync(join(root, 'lib/b'));
  await control.change(join(root, 'lib/a/g'));
  await control.change(join(root, 'etc/f'));
  await control.change(join(root, 'lib/b'));
  assert.equal(closed.changes.length, seenAtClose);
  assert.deepEqual(closed.watcher.stats().directories, 0);
});

test('close() during the initial walk settles ready and leaves no watch behind', async () => {
  const root = tempRoot();
  for (let i = 0; i < 50; i++) put(root, `lib/d${i}/e/f`, 'x');
  put(root, 'etc/a', 'x');
  const w = new WatchRecorder({ paths: [join(root, 'lib'), join(root, 'etc')], chokidarPaths: [join(root, 'etc')] });
  await w.close();
  await w.watcher.ready;
  assert.deepEqual(
    { directories: w.watcher.stats().directories, chokidarTrees: w.watcher.stats().chokidarTrees },
    { directories: 0, chokidarTrees: 0 },
  );
});
