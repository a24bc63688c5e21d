// drift-agent scan on trees that try to trip a scanner: odd names, symlink
// loops, links out of the root, fifos, unreadable files, a 100 MB file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, closeSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';
import { checkJson, runAgent } from './helpers/run-cli.js';

interface JsonFile { path: string; type: string; sha256?: string; target?: string; error?: string; size: number }
let dir: string;
let root: string;

function scanJson(extra: string[] = []): { files: JsonFile[]; stderr: string } {
  const r = runAgent(['scan', '--root', root, '--paths', '/t', '--format', 'json', ...extra]);
  assert.equal(r.status, 0, r.stderr);
  return { files: (JSON.parse(r.stdout) as { files: JsonFile[] }).files, stderr: r.stderr };
}

before(() => {
  dir = makeTempDir();
  root = join(dir, 'root');
  mkdirSync(join(root, 't'), { recursive: true });
});
after(() => removeTempDir(dir));

test('names with newlines, spaces, shell metacharacters and bytes that are not UTF-8 are kept exactly', () => {
  const names = ['new\nline', 'two  spaces', '$(touch pwned);`x`|&*?', 'quote"\'back\\slash', 'caf\u00e9'];
  for (const n of names) writeFileSync(join(root, 't', n), n);
  const raw = Buffer.concat([Buffer.from(join(root, 't/')), Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe])]);
  writeFileSync(raw, 'raw bytes');
  const { files } = scanJson();
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const n of names) {
    const f = byPath.get(`/t/${n}`);
    assert.ok(f, `missing ${JSON.stringify(n)}`);
    assert.equal(f.sha256, createHash('sha256').update(n).digest('hex'));
  }
  // The non-UTF-8 name: each bad byte is a lone surrogate U+DC00+byte in JSON.
  const bad = byPath.get('/t/bad\udcff\udcfe');
  assert.ok(bad, 'non-UTF-8 name missing or altered');
  assert.equal(bad.sha256, createHash('sha256').update('raw bytes').digest('hex'));
  const text = runAgent(['scan', '--root', root, '--paths', '/t']).stdout;
  assert.match(text, /"\/t\/bad\\xff\\xfe"/);
  assert.match(text, /"\/t\/new\\nline"/);
  assert.match(text, /"\/t\/\\\$\(touch pwned\);\\`x\\`\|&\*\?"/);
  // A change to that file is reported under the same name.
  const base = join(dir, 'names.json');
  runAgent(['scan', '--root', root, '--paths', '/t', '--format', 'json', '--out', base]);
  writeFileSync(raw, 'changed');
  const { report } = checkJson(root, base);
  assert.deepEqual(report.events.map((e) => [e.kind, e.path]), [['file_changed', '/t/bad\udcff\udcfe']]);
});

test('symlink loops, links out of the root and dangling links are recorded, never followed', () => {
  mkdirSync(join(root, 't/links'));
  symlinkSync('b', join(root, 't/links/a'));
  symlinkSync('a', join(root, 't/links/b'));
  symlinkSync('.', join(root, 't/links/self'));
  symlinkSync('/etc/passwd', join(root, 't/links/outside'));
  symlinkSync('../../../../..', join(root, 't/links/up'));
  symlinkSync('nowhere', join(root, 't/links/dangling'));
  const { files } = scanJson();
  const links = files.filter((f) => f.path.startsWith('/t/links/'));
  assert.deepEqual(links.map((f) => [f.path, f.type, f.target]), [
    ['/t/links/a', 'symlink', 'b'], ['/t/links/b', 'symlink', 'a'], ['/t/links/dangling', 'symlink', 'nowhere'],
    ['/t/links/outside', 'symlink', '/etc/passwd'], ['/t/links/self', 'symlink', '.'], ['/t/links/up', 'symlink', '../../../../..'],
  ]);
  assert.ok(!files.some((f) => f.path.startsWith('/t/links/self/')), 'followed a symlink into a loop');
});

test('a fifo is recorded and never opened (the scan does not hang)', { skip: spawnSync('mkfifo', ['--version']).error ? 'mkfifo missing' : false }, () => {
  assert.equal(spawnSync('mkfifo', [join(root, 't/pipe')]).status, 0);
  const { files } = scanJson();
  const fifo = files.find((f) => f.path === '/t/pipe');
  assert.equal(fifo?.type, 'fifo');
  assert.equal(fifo?.sha256, undefined);
});

test('an unreadable file is an entry with an error and the scan goes on', () => {
  writeTree(join(root, 't'), { 'secret/key': 'top secret', 'secret/zz-after': 'still scanned' });
  chmodSync(join(root, 't/secret/key'), 0o000);
  // root reads anything, so read as nobody when we are root.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if ('uid' in asNobody) {
    chmodSync(dir, 0o755);
    spawnSync('chmod', ['-R', 'a+rX', root]);
    chmodSync(join(root, 't/secret/key'), 0o000);
    chownSync(join(root, 't/secret/key'), 0, 0);
  }
  const r = runAgent(['scan', '--root', root, '--paths', '/t', '--format', 'json'], asNobody);
  assert.equal(r.status, 0, r.stderr);
  const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
  const key = files.find((f) => f.path === '/t/secret/key');
  assert.match(key?.error ?? '', /EACCES/);
  assert.equal(key?.sha256, undefined);
  assert.ok(files.find((f) => f.path === '/t/secret/zz-after')?.sha256, 'scan stopped at the unreadable file');
});

test('a 100 MB file changed in one byte in the middle is a content change', () => {
  const big = join(root, 't/big.bin');
  const chunk = Buffer.alloc(1 << 20, 0x5a);
  const fd = openSync(big, 'w');
  for (let i = 0; i < 100; i++) writeSync(fd, chunk);
  closeSync(fd);
  const base = join(dir, 'big.pb');
  assert.equal(runAgent(['scan', '--root', root, '--paths', '/t', '--format', 'proto', '--out', base]).status, 0);
  const f = openSync(big, 'r+');
  writeSync(f, Buffer.from([0x5b]), 0, 1, 50 * (1 << 20) + 7);
  closeSync(f);
  const { status, report } = checkJson(root, base);
  assert.equal(status, 1);
  assert.deepEqual(report.events.map((e) => [e.kind, e.path, e.changes]), [['file_changed', '/t/big.bin', ['content']]]);
});
