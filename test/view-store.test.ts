// The agent's view of the host in SQLite (agent/state/view-store.ts): real
// database files in a temp directory, checked against the plain-array
// definitions (manifest order, common/merkle.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ViewStore } from '../agent/state/view-store.js';
import type { FileEntry } from '../agent/model.js';
import { DriftwatchError } from '../common/errors.js';
import { merkleRoot } from '../common/merkle.js';
import { comparePaths, encodePath } from '../common/path-bytes.js';
import { entry, manifest } from './helpers/entries.js';
import { tempRoots } from './helpers/temp-tree.js';

const tempDir = tempRoots('driftwatch-view-');
const NON_UTF8 = '/usr/bin/caf\udce9'; // the name's last byte is 0xE9 alone: Latin-1 "café"

const dirs = ['/', '/etc', '/etc/ssh', '/etc-old', '/etc2', '/usr', '/usr/bin'];
const files = ['/etc/hosts', '/etc/ssh/sshd_config', '/etc\u0001x', '/etc-old/passwd', '/etc2/shadow', '/etca', '/usr/bin/ls', NON_UTF8];
const ALL: FileEntry[] = [
  ...dirs.map((p) => entry(p, { type: 'dir' })),
  ...files.map((p, i) => entry(p, { sha256: i.toString(16).padStart(64, '0'), size: i, inode: 100 + i })),
].sort((a, b) => comparePaths(a.path, b.path));

const paths = (es: Iterable<FileEntry>): string[] => [...es].map((e) => e.path);

function created(es: FileEntry[] = ALL): { file: string; store: ViewStore } {
  const file = join(tempDir(), 'view.db');
  ViewStore.create(file, manifest(es, { scannedPaths: ['/etc', '/usr'] }));
  return { file, store: ViewStore.open(file) };
}

test('entries come back whole and in manifest order, a non-UTF-8 name byte for byte', (t) => {
  const { store } = created();
  t.after(() => store.close());
  assert.deepEqual([...store.entries()], ALL);
  const odd = [...store.entries()].find((e) => e.path === NON_UTF8);
  assert.ok(odd !== undefined);
  assert.deepEqual(encodePath(odd.path), Buffer.from('/usr/bin/caf\xe9', 'latin1'));
  assert.deepEqual(store.head.scannedPaths, ['/etc', '/usr']);
  assert.deepEqual(store.manifest().files, ALL);
});

test('a subtree is the top and what lies under it: not its siblings that share a prefix', (t) => {
  const { store } = created();
  t.after(() => store.close());
  assert.deepEqual(paths(store.subtree(['/etc'])), ['/etc', '/etc/hosts', '/etc/ssh', '/etc/ssh/sshd_config']);
  assert.deepEqual(paths(store.subtree(['/etc/ssh'])), ['/etc/ssh', '/etc/ssh/sshd_config']);
  assert.deepEqual(paths(store.subtree(['/etc/hosts'])), ['/etc/hosts']);
  assert.deepEqual(paths(store.subtree(['/etc-old', '/usr/bin'])), ['/etc-old', '/etc-old/passwd', '/usr/bin', NON_UTF8, '/usr/bin/ls']);
  assert.deepEqual(paths(store.subtree([NON_UTF8])), [NON_UTF8]);
  assert.deepEqual(paths(store.subtree(['/nonexistent'])), []);
  assert.deepEqual(store.subtree(['/']), ALL);
});

test('replaceSubtrees swaps exactly the entries under the tops, and the Merkle root follows', (t) => {
  const { file, store } = created();
  t.after(() => store.close());
  assert.equal(store.merkleRoot(), merkleRoot(ALL));

  // /etc/ssh is gone, /etc/hosts changed, /etc/new appeared; /etc-old, /etc2, /etca are untouched.
  const fresh = [entry('/etc', { type: 'dir' }), entry('/etc/hosts', { sha256: 'f'.repeat(64), size: 9 }), entry('/etc/new')];
  store.replaceSubtrees(['/etc'], fresh);
  const expected = [...ALL.filter((e) => e.path !== '/etc' && !e.path.startsWith('/etc/')), ...fresh].sort((a, b) => comparePaths(a.path, b.path));
  assert.deepEqual([...store.entries()], expected);
  assert.equal(store.merkleRoot(), merkleRoot(expected));
  assert.notEqual(store.merkleRoot(), merkleRoot(ALL));

  // Several tops at once, one of them now absent on the host.
  store.replaceSubtrees(['/etc2', NON_UTF8], [entry('/etc2', { type: 'dir' })]);
  const expected2 = expected.filter((e) => e.path !== '/etc2/shadow' && e.path !== NON_UTF8);
  assert.deepEqual([...store.entries()], expected2);
  assert.equal(store.merkleRoot(), merkleRoot(expected2));

  // What was written is what a later open (another process) sees.
  store.setPackages([{ manager: 'dpkg', name: 'bash', version: '5.2.15-2+b2', arch: 'amd64' }]);
  const again = ViewStore.open(file);
  t.after(() => again.close());
  assert.deepEqual([...again.entries()], expected2);
  assert.equal(again.merkleRoot(), merkleRoot(expected2));
  assert.deepEqual(again.head.packages.map((p) => p.version), ['5.2.15-2+b2']);

  store.replaceSubtrees(['/'], [entry('/', { type: 'dir' }), entry('/only')]);
  assert.deepEqual(paths(store.entries()), ['/', '/only']);
  assert.equal(store.merkleRoot(), merkleRoot([entry('/', { type: 'dir' }), entry('/only')]));
});

test('an empty view has the Merkle root of no entries', (t) => {
  const { store } = created([]);
  t.after(() => store.close());
  assert.deepEqual(store.subtree(['/']), []);
  assert.equal(store.merkleRoot(), merkleRoot([]));
});

function assertInvalid(file: string, pattern: RegExp): void {
  assert.throws(() => ViewStore.open(file), (e: unknown) => {
    assert.ok(e instanceof DriftwatchError, String(e));
    assert.equal(e.code, 'AGENT_STATE_INVALID');
    assert.match(e.message, pattern);
    return true;
  });
}

test('a damaged view file is AGENT_STATE_INVALID naming it, never a raw SQLite error', () => {
  const garbage = join(tempDir(), 'view.db');
  writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
  assertInvalid(garbage, /view\.db/);

  const foreign = join(tempDir(), 'view.db'); // a SQLite file, but not a view
  new Database(foreign).exec('CREATE TABLE t (x)').close();
  assertInvalid(foreign, /schema version/);

  const { file, store } = created();
  store.close();
  const db = new Database(file);
  db.exec('DELETE FROM head');
  db.close();
  assertInvalid(file, /no head row/);

  const half = join(tempDir(), 'view.db');
  writeFileSync(half, readFileSync(file).subarray(0, 100)); // the header and nothing else
  assertInvalid(half, /view\.db/);
});
