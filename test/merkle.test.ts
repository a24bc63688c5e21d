import { test } from 'node:test';
import assert from 'node:assert/strict';
import { merkleRoot } from '../common/merkle.js';
import { entry } from './helpers/entries.js';

const tree = () => [entry('/etc', { type: 'dir' }), entry('/etc/a'), entry('/etc/d', { type: 'dir' }), entry('/etc/d/x'), entry('/etc/z')];

test('the root is a function of the entries', () => {
  assert.equal(merkleRoot(tree()), merkleRoot(tree()));
  assert.match(merkleRoot(tree()), /^[0-9a-f]{64}$/);
  assert.notEqual(merkleRoot([]), merkleRoot(tree()));
});

test('every identity attribute moves the root; times and inode do not', () => {
  const base = merkleRoot(tree());
  const vary = (over: Parameters<typeof entry>[1]) => {
    const t = tree();
    t[3] = entry('/etc/d/x', over);
    return merkleRoot(t);
  };
  for (const over of [{ sha256: 'b'.repeat(64) }, { mode: 0o4755 }, { uid: 1 }, { gid: 1 }, { capabilities: '0100' }, { error: 'EACCES' }, { size: 4 }]) {
    assert.notEqual(vary(over), base, JSON.stringify(over));
  }
  assert.equal(vary({ mtimeNs: 99n, ctimeNs: 99n, inode: 42 }), base);
});

test('a rename moves the root even with identical content', () => {
  const t = tree();
  t[4] = entry('/etc/zz');
  assert.notEqual(merkleRoot(t), merkleRoot(tree()));
});

test('entries out of order or under a file are refused', () => {
  const t = tree();
  [t[1], t[2]] = [t[2]!, t[1]!];
  assert.throws(() => merkleRoot(t), /out of order/);
  assert.throws(() => merkleRoot([entry('/etc/a'), entry('/etc/a/b')]), /under a non-directory/);
  assert.throws(() => merkleRoot([entry('etc')]), /not absolute/);
});

test('subtrees hash independently of unrelated siblings', () => {
  // Two scans of /etc/d alone give the same root whatever else /etc holds.
  const only = [entry('/etc/d', { type: 'dir' }), entry('/etc/d/x')];
  assert.equal(merkleRoot(only), merkleRoot([entry('/etc/d', { type: 'dir' }), entry('/etc/d/x')]));
  assert.notEqual(merkleRoot(only), merkleRoot([entry('/etc/d', { type: 'dir' }), entry('/etc/d/y')]));
});
