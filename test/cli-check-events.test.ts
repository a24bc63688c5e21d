// drift-agent scan + check on real temp trees: every file event kind and every
// `changes` attribute, through the real CLI and its JSON contract.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync, utimesSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';
import { checkJson, runAgent } from './helpers/run-cli.js';

const isRoot = process.getuid?.() === 0;
const hasSetcap = spawnSync('setcap', ['-v', 'cap_net_raw+ep', '/nonexistent']).error === undefined;
let dir: string;
let root: string;
let baseline: string;

function rescan(): void {
  const r = runAgent(['scan', '--root', root, '--paths', '/etc,/usr', '--format', 'json', '--out', baseline]);
  assert.equal(r.status, 0, r.stderr);
}

function eventsNow(): Array<[string, string | undefined, string[] | undefined]> {
  const { report } = checkJson(root, baseline);
  return report.events.map((e) => [e.kind, e.path, e.changes]);
}

before(() => {
  dir = makeTempDir();
  root = join(dir, 'root');
  baseline = join(dir, 'baseline.json');
  writeTree(root, { 'etc/hosts': '127.0.0.1 localhost\n', 'etc/app.conf': 'a=1\n', 'usr/bin/tool': '#!/bin/sh\necho hi\n' });
  symlinkSync('hosts', join(root, 'etc/link'));
  rescan();
});

after(() => removeTempDir(dir));

test('an untouched tree has no drift: exit 0 and {"events":[]}', () => {
  const { status, report } = checkJson(root, baseline);
  assert.equal(status, 0);
  assert.deepEqual(report, { events: [] });
});

test('content, added and removed, with exit 1', () => {
  writeFileSync(join(root, 'etc/hosts'), '10.0.0.1 evil\n');
  writeFileSync(join(root, 'etc/new.conf'), 'x\n');
  unlinkSync(join(root, 'etc/app.conf'));
  const { status } = checkJson(root, baseline);
  assert.equal(status, 1);
  assert.deepEqual(eventsNow(), [
    ['file_removed', '/etc/app.conf', undefined],
    ['file_changed', '/etc/hosts', ['content']],
    ['file_added', '/etc/new.conf', undefined],
  ]);
  rescan();
});

test('a content-identical rewrite (new inode, new times) is not drift', () => {
  const p = join(root, 'etc/hosts');
  writeFileSync(`${p}.tmp`, '10.0.0.1 evil\n');
  renameSync(`${p}.tmp`, p);
  assert.deepEqual(eventsNow(), []);
});

test('mode: permission bits and setuid', () => {
  chmodSync(join(root, 'usr/bin/tool'), 0o4755);
  assert.deepEqual(eventsNow(), [['file_changed', '/usr/bin/tool', ['mode']]]);
  rescan();
});

test('uid and gid', { skip: isRoot ? false : 'chown to another owner needs root' }, () => {
  chownSync(join(root, 'etc/hosts'), 1234, 0);
  chownSync(join(root, 'etc/new.conf'), 0, 4321);
  assert.deepEqual(eventsNow(), [['file_changed', '/etc/hosts', ['uid']], ['file_changed', '/etc/new.conf', ['gid']]]);
  rescan();
});

test('symlink target', () => {
  unlinkSync(join(root, 'etc/link'));
  symlinkSync('/etc/shadow', join(root, 'etc/link'));
  assert.deepEqual(eventsNow(), [['file_changed', '/etc/link', ['target']]]);
  rescan();
});

test('type: a file replaced by a directory', () => {
  rmSync(join(root, 'etc/new.conf'));
  mkdirSync(join(root, 'etc/new.conf'), { mode: 0o755 });
  chmodSync(join(root, 'etc/new.conf'), 0o644);
  if (isRoot) chownSync(join(root, 'etc/new.conf'), 0, 4321); // as the file was after the uid/gid test
  const events = eventsNow();
  assert.deepEqual(events, [['file_changed', '/etc/new.conf', ['type']]]);
  rescan();
});

test('capabilities (security.capability xattr)', { skip: isRoot && hasSetcap ? false : 'needs root and setcap (Debian libcap2-bin)' }, () => {
  const r = spawnSync('setcap', ['cap_net_raw+ep', join(root, 'usr/bin/tool')]);
  assert.equal(r.status, 0, r.stderr.toString());
  const events = checkJson(root, baseline).report.events;
  assert.deepEqual(events.map((e) => [e.kind, e.path, e.changes]), [['file_changed', '/usr/bin/tool', ['capabilities']]]);
  rescan();
});

test('--quick still sees a content change whose mtime was forged back', () => {
  const p = join(root, 'etc/hosts');
  const st = statSync(p);
  writeFileSync(p, '10.0.0.2 evil\n'); // same length as before
  utimesSync(p, st.atime, st.mtime);
  const { report } = checkJson(root, baseline, ['--quick']);
  assert.deepEqual(report.events.map((e) => [e.kind, e.path, e.changes]), [['file_changed', '/etc/hosts', ['content']]]);
  rescan();
});

test('--quick reuses hashes when nothing changed', () => {
  const { status, report } = checkJson(root, baseline, ['--quick']);
  assert.equal(status, 0);
  assert.deepEqual(report.events, []);
});

test('text output names each event and exits 1', () => {
  writeFileSync(join(root, 'etc/hosts'), 'changed again\n');
  const r = runAgent(['check', '--root', root, '--baseline', baseline]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^file_changed \/etc\/hosts \[content\]$/m);
  assert.match(r.stdout, /^1 event: 1 file_changed$/m);
  rescan();
  const clean = runAgent(['check', '--root', root, '--baseline', baseline]);
  assert.equal(clean.status, 0);
  assert.equal(clean.stdout, 'no drift\n');
});
