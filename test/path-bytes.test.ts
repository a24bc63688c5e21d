import { test } from 'node:test';
import assert from 'node:assert/strict';
import { comparePaths, decodePathBytes, encodePath, quotePathForText } from '../common/path-bytes.js';

test('names that are not UTF-8 survive decode and encode byte for byte', () => {
  const samples = [
    Buffer.from([0x66, 0xff, 0x6f]),                 // lone invalid byte
    Buffer.from([0xc3, 0x28]),                       // broken 2-byte sequence
    Buffer.from([0xe2, 0x82]),                       // truncated 3-byte sequence
    Buffer.from([0xed, 0xa0, 0x80]),                 // UTF-8-encoded surrogate (invalid)
    Buffer.from([0xc0, 0xaf]),                       // overlong "/"
    Buffer.from('caf\u00e9 \u{1f600} \ufffd', 'utf8'), // valid, incl. astral and a real U+FFFD
  ];
  for (const bytes of samples) {
    const s = decodePathBytes(bytes);
    assert.deepEqual(encodePath(s), bytes, `round trip of ${bytes.toString('hex')}`);
  }
  assert.equal(decodePathBytes(Buffer.from([0x61, 0xff])), 'a\udcff');
  assert.equal(JSON.stringify(decodePathBytes(Buffer.from([0x61, 0xff]))), '"a\\udcff"');
});

test('a lone surrogate that stands for no byte is refused when encoding', () => {
  assert.throws(() => encodePath('a\ud800b'), RangeError);
});

test('manifest order puts a directory right before its contents', () => {
  const paths = ['/a-c', '/a/b', '/a', '/a b', '/ab', '/a/b/c', '/'];
  assert.deepEqual([...paths].sort(comparePaths), ['/', '/a', '/a/b', '/a/b/c', '/a b', '/a-c', '/ab']);
});

test('manifest order is byte order, also for names with raw bytes and astral characters', () => {
  const raw = decodePathBytes(Buffer.from([0x2f, 0xff]));       // "/\xff"
  const astral = '/\u{1f600}';                                   // F0 9F 98 80
  const bmp = '/\uffee';                                         // EF BF AE
  assert.deepEqual([astral, raw, bmp].sort(comparePaths), [bmp, astral, raw]);
});

test('text output quotes and escapes unambiguously', () => {
  assert.equal(quotePathForText('/etc/hosts'), '/etc/hosts');
  assert.equal(quotePathForText('/tmp/a b'), '"/tmp/a b"');
  assert.equal(quotePathForText('/tmp/new\nline'), '"/tmp/new\\nline"');
  assert.equal(quotePathForText('/tmp/$(rm -rf)`x`'), '"/tmp/\\$(rm -rf)\\`x\\`"');
  assert.equal(quotePathForText('/tmp/back\\slash"q'), '"/tmp/back\\\\slash\\"q"');
  assert.equal(quotePathForText(decodePathBytes(Buffer.from('/tmp/\xff', 'latin1'))), '"/tmp/\\xff"');
  // A name that literally spells an escape differs from the escaped byte.
  assert.notEqual(quotePathForText('/tmp/\\xff'), quotePathForText(decodePathBytes(Buffer.from('/tmp/\xff', 'latin1'))));
});
