// The config trees, watched with chokidar: what chokidar's own events would miss is still reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { put, tempRoots } from './helpers/temp-tree.js';
import { waitFor, WatchRecorder } from './helpers/watch-events.js';

const tempRoot = tempRoots('driftwatch-watch-chokidar-');

test('in a chokidar tree, an atomic save is reported as its target, and a chmod of a file that was read too', async (t) => {
  const root = tempRoot();
  put(root, 'etc/ssh/sshd_config', 'PermitRootLogin no\n');
  const target = join(root, 'etc/ssh/sshd_config');
  // Read long after it was written: chokidar's own events drop a chmod of such a file.
  utimesSync(target, new Date(), new Date(Date.now() - 86_400_000));
  const w = await WatchRecorder.start({ paths: [join(root, 'etc')], chokidarPaths: [join(root, 'etc')] });
  t.after(() => w.close());
  assert.equal(w.watcher.stats().chokidarTrees, 1);

  writeFileSync(join(root, 'etc/ssh/.sshd_config.swp'), 'PermitRootLogin yes\n');
  renameSync(join(root, 'etc/ssh/.sshd_config.swp'), target);
  await w.change(target, 'the target of an atomic save');
  w.clear();
  chmodSync(target, 0o666);
  await w.change(target, 'a chmod in a chokidar tree');
});

test('in a chokidar tree, backup-style names (x~) are reported, files and directories alike', async (t) => {
  const root = tempRoot();
  mkdirSync(join(root, 'etc'));
  const w = await WatchRecorder.start({ paths: [join(root, 'etc')], chokidarPaths: [join(root, 'etc')] });
  t.after(() => w.close());

  writeFileSync(join(root, 'etc/shadow~'), 'root::0:0:99999:7:::\n');
  await w.change(join(root, 'etc/shadow~'));
  mkdirSync(join(root, 'etc/cron.d~'));
  await w.change(join(root, 'etc/cron.d~'));
  // chokidar picks up a new directory asynchronously; keep writing until the file inside is seen.
  const inside = join(root, 'etc/cron.d~/job');
  await waitFor(() => {
    writeFileSync(inside, '* * * * * root sh\n');
    return w.saw(inside);
  }, 'a file inside a directory named like a backup');
});

test('in a chokidar tree, existing symlinks are not reported at start, and a dangling one is reported when made', async (t) => {
  const root = tempRoot();
  put(root, 'etc/alternatives/real', 'x');
  symlinkSync('real', join(root, 'etc/alternatives/editor'));
  symlinkSync('/nonexistent', join(root, 'etc/alternatives/broken'));
  const w = await WatchRecorder.start({ paths: [join(root, 'etc')], chokidarPaths: [join(root, 'etc')] });
  t.after(() => w.close());

  symlinkSync('/nowhere', join(root, 'etc/alternatives/pager'));
  await w.change(join(root, 'etc/alternatives/pager'), 'a new dangling symlink');
  assert.deepEqual(w.changes, [join(root, 'etc/alternatives/pager')], 'nothing else, in particular not the existing links');
});

test('a chokidar prefix inside a large tree is watched by chokidar only', async (t) => {
  const root = tempRoot();
  put(root, 'usr/bin/ls', 'x');
  put(root, 'etc/default/grub', 'x');
  put(root, 'etc/sudoers.d/README', 'x');
  const w = await WatchRecorder.start({ paths: [root], chokidarPaths: [join(root, 'etc')] });
  t.after(() => w.close());
  assert.deepEqual(
    { directories: w.watcher.stats().directories, chokidarTrees: w.watcher.stats().chokidarTrees },
    { directories: 3, chokidarTrees: 1 }, // root, usr, usr/bin with fs.watch; etc with chokidar
  );

  mkdirSync(join(root, 'etc/new.d'));
  writeFileSync(join(root, 'etc/default/grub'), 'y');
  await w.change(join(root, 'etc/default/grub'));
  await w.change(join(root, 'etc/new.d'));
  writeFileSync(join(root, 'usr/bin/sentinel'), 'y');
  await w.change(join(root, 'usr/bin/sentinel'));
  assert.equal(w.watcher.stats().directories, 3, 'no fs.watch added under the chokidar prefix');
});

test('a chokidar tree whose top is removed and recreated is watched again, with what is in it reported', async (t) => {
  const root = tempRoot();
  put(root, 'etc/hosts', '127.0.0.1 localhost\n');
  const etc = join(root, 'etc');
  const w = await WatchRecorder.start({ paths: [etc], chokidarPaths: [etc] });
  t.after(() => w.close());

  rmSync(etc, { recursive: true });
  await w.change(etc, 'the removed top');
  put(root, 'etc/hosts', '10.0.0.66 localhost\n');
  await w.change(join(etc, 'hosts'), 'a file in the recreated tree');
  await waitFor(() => w.watcher.stats().chokidarTrees === 1, 'the tree to be watched again');
  w.clear();
  // chokidar's restart is asynchronous; keep writing until a write is seen.
  const added = join(etc, 'added');
  await waitFor(() => {
    writeFileSync(added, 'x');
    return w.saw(added);
  }, 'a later file in the recreated tree');
});
