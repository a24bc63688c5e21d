import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeBatch } from '../agent/watch/change-batch.js';
import { rawEventPath } from '../agent/watch/chokidar-trees.js';
import { planWatch } from '../agent/watch/watch-plan.js';
import { waitFor } from './helpers/watch-events.js';

test('config prefixes are carved out of the large trees and go to chokidar only', () => {
  const plan = planWatch(['/usr/bin', '/usr/lib/', '/etc', '/', '/srv/app'], ['/etc', '/usr/lib/systemd']);
  // "/" contains every other path, so it is the only fs.watch root.
  assert.deepEqual(plan.fsRoots, ['/']);
  assert.deepEqual(plan.chokidarTrees, ['/etc', '/usr/lib/systemd']);
  assert.equal(plan.inFsDomain('/usr/lib/x86_64-linux-gnu'), true);
  assert.equal(plan.inFsDomain('/usr/lib/systemd/system/ssh.service'), false);
  assert.equal(plan.inFsDomain('/etc'), false);
  assert.equal(plan.inFsDomain('/etcetera'), true, 'a prefix is a path, not a string prefix');
});

test('a watched path inside a config prefix is a chokidar tree of its own; a prefix outside every path is not watched', () => {
  const plan = planWatch(['/usr/bin', '/etc/ssh', '/etc/ssh/sshd_config.d'], ['/etc', '/opt/conf']);
  assert.deepEqual(plan.fsRoots, ['/usr/bin']);
  assert.deepEqual(plan.chokidarTrees, ['/etc/ssh']);
  assert.equal(plan.inFsDomain('/opt/conf/a'), false);
  assert.equal(plan.inFsDomain('/usr/bin/ls'), true);
  assert.equal(plan.inFsDomain('/usr/binx'), false);
});

test("chokidar's raw events name the file itself for a file's watcher and a child for a directory's", () => {
  assert.equal(rawEventPath('/etc/hosts', 'hosts'), '/etc/hosts');
  assert.equal(rawEventPath('/etc', 'hosts'), '/etc/hosts');
  assert.equal(rawEventPath('/', 'etc'), '/etc');
  assert.equal(rawEventPath('/etc/ssh', ''), '/etc/ssh');
});

test('reports are folded to one per path per turn, in order, with the ignore rule applied', async () => {
  const got: string[] = [];
  const batch = new ChangeBatch((p) => p.endsWith('.log'), (p) => got.push(p));
  for (const p of ['/a', '/b', '/a', '/x.log', '/c', '/b']) batch.add(p);
  assert.deepEqual(got, [], 'nothing is delivered inside the caller\'s turn');
  await waitFor(() => got.length > 0, 'the batch to be delivered');
  assert.deepEqual(got, ['/a', '/b', '/c']);
  batch.add('/d');
  batch.close();
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(got, ['/a', '/b', '/c'], 'nothing after close');
});
