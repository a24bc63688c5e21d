// Package integrity expectations: where each package-owned file should be and what
// its digest should be, from dpkg md5sums (with diversions and merged /usr) and apk.

import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadPackageExpectations, loadPackageExpectationsWithStats, parseDpkgDiversions, parseMd5sums } from '../agent/integrity/package-expectations.js';
import { createRootResolver } from '../agent/integrity/root-resolve.js';
import { readApkPackages } from '../agent/sources/packages/apk-installed.js';
import { readDpkgPackages } from '../agent/sources/packages/dpkg-status.js';
import type { Package } from '../agent/model.js';
import { put, TESTDATA, tempRoots } from './helpers/temp-tree.js';

const APK_SAMPLE = join(TESTDATA, 'apk', 'alpine-3.14-armv7-installed');
const MD5_A = '0123456789abcdef0123456789abcdef';
const MD5_B = 'fedcba9876543210fedcba9876543210';

const tempRoot = tempRoots('driftwatch-exp-');

function dpkg(name: string, arch = 'all'): Package {
  return { manager: 'dpkg', name, version: '1.0', arch };
}

/** A root with merged /usr: bin, lib and sbin are links into usr/, as on Debian 12. */
function mergedUsrRoot(): string {
  const root = tempRoot();
  for (const d of ['bin', 'lib', 'sbin']) {
    mkdirSync(join(root, 'usr', d), { recursive: true });
    symlinkSync(`usr/${d}`, join(root, d));
  }
  return root;
}

test('root-resolve: relative and absolute links stay inside the root', () => {
  const root = tempRoot();
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  mkdirSync(join(root, 'etc'));
  symlinkSync('usr/bin', join(root, 'bin'));
  symlinkSync('/usr', join(root, 'x')); // absolute: means ROOT/usr, not the host's /usr
  symlinkSync('../../../../etc', join(root, 'usr/up')); // tries to climb out of the root
  symlinkSync('/nowhere', join(root, 'dangling'));
  symlinkSync('loop2', join(root, 'loop1'));
  symlinkSync('loop1', join(root, 'loop2'));
  writeFileSync(join(root, 'usr/file'), '');
  const dirBytes = Buffer.concat([Buffer.from(join(root, 'usr/caf')), Buffer.of(0xe9)]); // latin-1 "café"
  mkdirSync(dirBytes);
  symlinkSync(Buffer.of(0x63, 0x61, 0x66, 0xe9), Buffer.from(join(root, 'usr/alias')));

  const r = createRootResolver(root);
  assert.equal(r.resolveDir('/bin'), '/usr/bin');
  assert.equal(r.resolveDir('/x/bin'), '/usr/bin');
  assert.equal(r.resolveDir('x/bin/'), '/usr/bin');
  assert.equal(r.resolveDir('/usr/up'), '/etc');
  assert.equal(r.resolveDir('/../../../usr//./bin'), '/usr/bin');
  assert.equal(r.resolveDir('/bin/..'), '/usr'); // ".." of the real directory, as the kernel does
  assert.equal(r.resolveDir('/'), '/');
  assert.equal(r.resolveDir(''), '/');
  assert.equal(r.resolveDir('/usr/alias'), '/usr/caf\udce9');
  assert.equal(r.resolveDir('/missing/bin'), undefined);
  assert.equal(r.resolveDir('/dangling'), undefined);
  assert.equal(r.resolveDir('/loop1'), undefined);
  assert.equal(r.resolveDir('/usr/file'), undefined);
  assert.equal(r.resolveDir('/bin'), '/usr/bin'); // cached answer is the same
});

test('dpkg md5sums of this machine, copied into a temp root with merged /usr', (t) => {
  if (!existsSync('/var/lib/dpkg/status')) {
    t.skip('/var/lib/dpkg/status is absent: not a dpkg-based machine');
    return;
  }
  const root = mergedUsrRoot();
  mkdirSync(join(root, 'var/lib/dpkg/info'), { recursive: true });
  copyFileSync('/var/lib/dpkg/status', join(root, 'var/lib/dpkg/status'));
  if (existsSync('/var/lib/dpkg/diversions')) copyFileSync('/var/lib/dpkg/diversions', join(root, 'var/lib/dpkg/diversions'));
  const pkgs = readDpkgPackages(root);
  let lines = 0;
  const binFiles: string[] = [];
  for (const name of readdirSync('/var/lib/dpkg/info').filter((n) => n.endsWith('.md5sums'))) {
    const text = readFileSync(join('/var/lib/dpkg/info', name));
    writeFileSync(join(root, 'var/lib/dpkg/info', name), text);
    const owner = name.slice(0, -'.md5sums'.length).split(':')[0];
    if (!pkgs.some((p) => p.name === owner)) continue;
    for (const line of text.toString('latin1').split('\n')) {
      if (line === '') continue;
      lines++;
      if (/^[0-9a-f]{32} {2}bin\/[^/]+$/.test(line)) binFiles.push(line);
    }
  }

  const started = performance.now();
  const r = loadPackageExpectationsWithStats(root, pkgs);
  t.diagnostic(`${r.expectations.size} expectations from ${lines} md5sums lines in ${(performance.now() - started).toFixed(1)} ms`);
  // Every line of an installed package's list is an expectation, a duplicate or malformed.
  assert.equal(r.expectations.size + r.duplicatePaths + r.malformedLines, lines);
  assert.ok(r.expectations.size > 0);
  for (const [path, exp] of r.expectations) {
    assert.match(exp.expected, /^[0-9a-f]{32}$/);
    assert.equal(exp.algorithm, 'md5');
    assert.ok(path.startsWith('/') && !path.startsWith('/bin/'), path);
  }
  // Files dpkg lists under /bin are expected where merged /usr puts them (diverted ones aside).
  const diverted = parseDpkgDiversions(existsSync('/var/lib/dpkg/diversions') ? readFileSync('/var/lib/dpkg/diversions', 'utf8') : '');
  for (const line of binFiles) {
    const listed = `/${line.slice(34)}`;
    if (diverted.has(listed)) continue;
    assert.ok(r.expectations.has(`/usr${listed}`), listed);
  }
});

test('diversions move other packages\' files; merged /usr moves /bin files', () => {
  const root = mergedUsrRoot();
  put(root, 'var/lib/dpkg/info/orig.md5sums', `${MD5_A}  usr/bin/tool\n${MD5_A}  bin/ls\n`);
  put(root, 'var/lib/dpkg/info/diverter.md5sums', `${MD5_B}  usr/bin/tool\n`);
  put(root, 'var/lib/dpkg/info/local.md5sums', `${MD5_B}  usr/bin/admin-edited\n`);
  put(root, 'var/lib/dpkg/diversions', [
    '/usr/bin/tool', '/usr/bin/tool.distrib', 'diverter',
    '/usr/bin/admin-edited', '/usr/bin/admin-edited.orig', ':', '',
  ].join('\n'));
  const map = loadPackageExpectations(root, [dpkg('diverter'), dpkg('local'), dpkg('orig')]);
  assert.equal(map.get('/usr/bin/tool.distrib')?.package.name, 'orig');
  assert.equal(map.get('/usr/bin/tool.distrib')?.expected, MD5_A);
  assert.equal(map.get('/usr/bin/tool')?.package.name, 'diverter');
  assert.equal(map.get('/usr/bin/admin-edited.orig')?.package.name, 'local');
  assert.equal(map.has('/usr/bin/admin-edited'), false);
  assert.equal(map.get('/usr/bin/ls')?.package.name, 'orig');
  assert.equal(map.has('/bin/ls'), false);
});

test('Multi-Arch: same packages read <name>:<arch>.md5sums; the first claim on a path wins', () => {
  const root = tempRoot();
  put(root, 'var/lib/dpkg/info/libfoo1:amd64.md5sums', `${MD5_A}  usr/lib/x86_64-linux-gnu/libfoo.so.1\n${MD5_A}  usr/share/doc/libfoo1/changelog.gz\n`);
  put(root, 'var/lib/dpkg/info/libfoo1:i386.md5sums', `${MD5_B}  usr/lib/i386-linux-gnu/libfoo.so.1\n${MD5_B}  usr/share/doc/libfoo1/changelog.gz\n`);
  put(root, 'var/lib/dpkg/info/foo-tools.md5sums', `${MD5_B}  usr/bin/foo\n`);
  const r = loadPackageExpectationsWithStats(root, [dpkg('foo-tools', 'amd64'), dpkg('libfoo1', 'amd64'), dpkg('libfoo1', 'i386')]);
  assert.equal(r.expectations.get('/usr/lib/x86_64-linux-gnu/libfoo.so.1')?.package.arch, 'amd64');
  assert.equal(r.expectations.get('/usr/lib/i386-linux-gnu/libfoo.so.1')?.package.arch, 'i386');
  assert.equal(r.expectations.get('/usr/share/doc/libfoo1/changelog.gz')?.package.arch, 'amd64');
  assert.equal(r.expectations.get('/usr/bin/foo')?.package.name, 'foo-tools');
  assert.equal(r.duplicatePaths, 1);
  assert.equal(r.expectations.size, 4);
  assert.equal(r.missingDirs, 5); // nothing exists in this root: listed paths are kept as they are
});

test('malformed md5sums lines are counted and skipped; odd names survive', () => {
  const root = tempRoot();
  const text = Buffer.concat([
    Buffer.from(`${MD5_A}  usr/share/a  file with  spaces\n`),
    Buffer.from('not-a-digest  usr/bin/x\n'),
    Buffer.from(`${MD5_A} usr/bin/one-space\n`),
    Buffer.from(`${MD5_A}  \n`),
    Buffer.from(`${MD5_A}  usr/bin/..\n`),
    Buffer.from(`${MD5_A.toUpperCase()}  usr/bin/upper\r\n`),
    Buffer.from(`${MD5_B}  usr/share/caf`), Buffer.of(0xe9), Buffer.from('\n\n'),
  ]);
  put(root, 'var/lib/dpkg/info/odd.md5sums', text);
  const r = loadPackageExpectationsWithStats(root, [dpkg('odd')]);
  assert.equal(r.malformedLines, 4);
  assert.deepEqual([...r.expectations.keys()].sort(), ['/usr/bin/upper', '/usr/share/a  file with  spaces', '/usr/share/caf\udce9']);
  assert.equal(r.expectations.get('/usr/bin/upper')?.expected, MD5_A);
  assert.deepEqual(parseMd5sums(`${MD5_A}  ./etc/x\n${MD5_B}  /usr/y\n`).entries, [['/etc/x', MD5_A], ['/usr/y', MD5_B]]);
  // A package without an md5sums file simply has no expectations.
  assert.equal(loadPackageExpectations(root, [dpkg('absent')]).size, 0);
});

test('apk expectations: SHA-1 from Z: lines, symlinks left out, merged paths resolved', (t) => {
  if (!existsSync(APK_SAMPLE)) {
    t.skip(`${APK_SAMPLE} is absent (shared test data is not part of the repository)`);
    return;
  }
  const root = tempRoot();
  mkdirSync(join(root, 'usr/lib'), { recursive: true });
  symlinkSync('usr/lib', join(root, 'lib')); // merged /lib, as on newer distributions
  put(root, 'lib/apk/db/installed', readFileSync(APK_SAMPLE));
  const pkgs = readApkPackages(root);
  const map = loadPackageExpectations(root, pkgs);
  assert.equal(map.has('/lib/ld-musl-armhf.so.1'), false);
  assert.deepEqual(map.get('/usr/lib/ld-musl-armhf.so.1'), {
    package: pkgs.find((p) => p.name === 'musl'), algorithm: 'sha1', expected: '391db57297f620dace657b5778c9d676a86495de',
  });
  assert.equal(map.has('/usr/lib/libc.musl-armv7.so.1'), false); // a symlink: apk hashed its target text
  assert.ok([...map.values()].every((e) => e.algorithm === 'sha1' && /^[0-9a-f]{40}$/.test(e.expected)));
  assert.equal(map.size, 254); // 292 Z: lines, 38 of them symlinks
});
