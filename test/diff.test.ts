import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diff, fileChanges } from '../agent/diff/diff.js';
import type { Package } from '../agent/model.js';
import { entry, manifest } from './helpers/entries.js';

test('added, removed and changed files, in manifest order', () => {
  const before = manifest([entry('/etc', { type: 'dir' }), entry('/etc/a'), entry('/etc/b')]);
  const after = manifest([entry('/etc', { type: 'dir' }), entry('/etc/b', { sha256: 'c'.repeat(64) }), entry('/etc/c')]);
  assert.deepEqual(diff(before, after).map((e) => [e.kind, e.path, e.changes]), [
    ['file_removed', '/etc/a', undefined], ['file_changed', '/etc/b', ['content']], ['file_added', '/etc/c', undefined],
  ]);
});

test('each attribute is reported exactly', () => {
  const f = entry('/x');
  assert.deepEqual(fileChanges(f, entry('/x', { mode: 0o4644 })), ['mode']);
  assert.deepEqual(fileChanges(f, entry('/x', { uid: 5 })), ['uid']);
  assert.deepEqual(fileChanges(f, entry('/x', { gid: 5 })), ['gid']);
  assert.deepEqual(fileChanges(f, entry('/x', { capabilities: '01' })), ['capabilities']);
  assert.deepEqual(fileChanges(entry('/x', { type: 'symlink', target: 'a' }), entry('/x', { type: 'symlink', target: 'b' })), ['target']);
  assert.deepEqual(fileChanges(f, entry('/x', { type: 'symlink', mode: 0o644, sha256: '' })), ['type']);
  assert.deepEqual(fileChanges(f, entry('/x', { sha256: 'b'.repeat(64), mode: 0o600 })), ['content', 'mode']);
});

test('a content-identical rewrite is not a change', () => {
  assert.deepEqual(fileChanges(entry('/x'), entry('/x', { mtimeNs: 5n, ctimeNs: 6n, inode: 7 })), []);
});

test('an unreadable current entry is a coverage gap, not a guessed content change', () => {
  const before = manifest([entry('/x')]);
  const after = manifest([entry('/x', { sha256: '', error: 'EACCES: permission denied' })]);
  const events = diff(before, after);
  assert.deepEqual(events.map((e) => e.kind), ['coverage_gap']);
  assert.match(events[0]!.detail!, /EACCES/);
});

test('packages added, removed and changed carry manager, name, version, arch and the previous version', () => {
  const p = (name: string, version: string): Package => ({ manager: 'dpkg', name, version, arch: 'amd64' });
  const events = diff(manifest([], { packages: [p('a', '1'), p('b', '1')] }), manifest([], { packages: [p('b', '2'), p('c', '1')] }));
  assert.deepEqual(events, [
    { kind: 'package_removed', package: p('a', '1') },
    { kind: 'package_changed', package: p('b', '2'), previous: p('b', '1') },
    { kind: 'package_added', package: p('c', '1') },
  ]);
});

test('several installed versions of one package (rpm kernels) are matched version by version', () => {
  const k = (version: string): Package => ({ manager: 'rpm', name: 'kernel', version, arch: 'x86_64' });
  const events = diff(manifest([], { packages: [k('5.14.0-1'), k('5.14.0-2')] }), manifest([], { packages: [k('5.14.0-2'), k('5.14.0-3')] }));
  assert.deepEqual(events, [{ kind: 'package_removed', package: k('5.14.0-1') }, { kind: 'package_added', package: k('5.14.0-3') }]);
});

test('package file mismatches already in the baseline are not reported again', () => {
  const pkg: Package = { manager: 'dpkg', name: 'coreutils', version: '9', arch: 'amd64' };
  const m = { path: '/usr/bin/ls', package: pkg, algorithm: 'md5' as const, expected: 'aa', actual: 'bb' };
  assert.deepEqual(diff(manifest([], { packageMismatches: [m] }), manifest([], { packageMismatches: [m] })), []);
  const events = diff(manifest([]), manifest([], { packageMismatches: [m] }));
  assert.deepEqual(events.map((e) => [e.kind, e.path, e.package?.name]), [['package_file_modified', '/usr/bin/ls', 'coreutils']]);
});

test('ignore globs given at check time leave paths out', () => {
  const events = diff(manifest([entry('/var/log/a')]), manifest([]), { isIgnored: (p) => p.startsWith('/var/log/') });
  assert.deepEqual(events, []);
});
