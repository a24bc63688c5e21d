// Package readers: the real dpkg database of the machine running the tests, a real
// Alpine database, rpm query output, and the merged, sorted list.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DriftwatchError } from '../common/errors.js';
import { apkChecksumToHex, parseApkInstalled, readApkPackages, readApkRecords } from '../agent/sources/packages/apk-installed.js';
import { parseDpkgStatus, readDpkgPackages, readDpkgStatusEntries } from '../agent/sources/packages/dpkg-status.js';
import { readPackages } from '../agent/sources/packages/read-packages.js';
import { parseRpmQueryOutput, readRpmPackages } from '../agent/sources/packages/rpm-query.js';
import { put, TESTDATA, tempRoots } from './helpers/temp-tree.js';

const APK_SAMPLE = join(TESTDATA, 'apk', 'alpine-3.14-armv7-installed');

const tempRoot = tempRoots('driftwatch-pkg-');

test('dpkg: a copy of this machine\'s status file yields what dpkg-query reports', (t) => {
  if (spawnSync('dpkg-query', ['--version']).error !== undefined || !existsSync('/var/lib/dpkg/status')) {
    t.skip('dpkg-query or /var/lib/dpkg/status is absent: not a dpkg-based machine');
    return;
  }
  const root = tempRoot();
  mkdirSync(join(root, 'var/lib/dpkg'), { recursive: true });
  copyFileSync('/var/lib/dpkg/status', join(root, 'var/lib/dpkg/status'));
  const admindir = join(root, 'var/lib/dpkg');
  // Ask dpkg-query about the very copy we read, so a concurrent apt run cannot skew the counts.
  const listed = spawnSync('dpkg-query', [`--admindir=${admindir}`, '-W'], { encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const lineCount = listed.stdout.split('\n').filter((l) => l !== '').length;
  const fmt = '${Package}\t${Version}\t${Architecture}\t${db:Status-Status}\n';
  const full = spawnSync('dpkg-query', [`--admindir=${admindir}`, '-W', '-f', fmt], { encoding: 'utf8' });
  assert.equal(full.status, 0, full.stderr);
  const installed = full.stdout.split('\n').filter((l) => l.endsWith('\tinstalled')).map((l) => l.split('\t').slice(0, 3).join('\t'));

  const started = performance.now();
  const pkgs = readDpkgPackages(root);
  const ms = performance.now() - started;
  t.diagnostic(`${pkgs.length} installed dpkg packages read in ${ms.toFixed(1)} ms; dpkg-query -W lists ${lineCount}`);
  // dpkg-query -W also lists packages that are only half there (config-files, half-installed);
  // we report installed ones, so compare with its installed count and with its full listing.
  assert.equal(pkgs.length, installed.length);
  assert.ok(pkgs.length <= lineCount);
  if (installed.length === lineCount) assert.equal(pkgs.length, lineCount);
  assert.deepEqual(pkgs.map((p) => `${p.name}\t${p.version}\t${p.arch}`).sort(), installed.sort());
  assert.ok(pkgs.every((p) => p.manager === 'dpkg'));
});

test('dpkg: only installed stanzas count; continuation lines and Multi-Arch are handled', () => {
  const status = [
    'Package: libfoo', 'Status: install ok installed', 'Multi-Arch: same', 'Architecture: amd64', 'Version: 1:2.0-1',
    'Description: a library', ' with a long description', ' .', ' Package: not-a-field', '',
    'Package: gone', 'Status: deinstall ok config-files', 'Architecture: all', 'Version: 1.0', '',
    'Package: half', 'Status: install reinstreq half-installed', 'Architecture: all', 'Version: 1.0', '',
    'Package: tool', 'Status: install ok installed', 'Architecture: all', 'Version: 3', 'Conffiles:',
    ' /etc/tool.conf 0123456789abcdef0123456789abcdef', '', '',
  ].join('\n');
  const entries = parseDpkgStatus(status);
  assert.deepEqual(entries, [
    { package: { manager: 'dpkg', name: 'libfoo', version: '1:2.0-1', arch: 'amd64' }, multiArch: 'same' },
    { package: { manager: 'dpkg', name: 'tool', version: '3', arch: 'all' }, multiArch: '' },
  ]);
  assert.throws(() => parseDpkgStatus('Package: x\nthis is no field\n'), (e) => e instanceof DriftwatchError && e.code === 'AGENT_PACKAGE_DB_INVALID');
  assert.throws(() => parseDpkgStatus('Status: install ok installed\nVersion: 1\n'), DriftwatchError);
  const root = tempRoot();
  assert.deepEqual(readDpkgPackages(root), []); // no database: no packages, no error
  put(root, 'var/lib/dpkg/status', status);
  assert.equal(readDpkgStatusEntries(root).length, 2);
});

test('apk: the Alpine 3.14 sample database', (t) => {
  if (!existsSync(APK_SAMPLE)) {
    t.skip(`${APK_SAMPLE} is absent (shared test data is not part of the repository)`);
    return;
  }
  const root = tempRoot();
  put(root, 'lib/apk/db/installed', readFileSync(APK_SAMPLE));
  const pkgs = readApkPackages(root);
  assert.equal(pkgs.length, 26);
  assert.deepEqual(pkgs.find((p) => p.name === 'musl'), { manager: 'apk', name: 'musl', version: '1.2.2-r3', arch: 'armv7' });
  assert.equal(pkgs.find((p) => p.name === 'busybox')?.version, '1.33.1-r3');

  const musl = readApkRecords(root).find((r) => r.package.name === 'musl');
  // From "F:lib", "R:ld-musl-armhf.so.1", "Z:Q1OR21cpf2INrOZXtXeMnWdqhkld4=" (decoded by hand with base64 -d | xxd).
  assert.deepEqual(musl?.files[0], { path: '/lib/ld-musl-armhf.so.1', sha1: '391db57297f620dace657b5778c9d676a86495de', symlink: false });
  // libc.musl-armv7.so.1 is a symlink (a:0:0:777); apk's checksum is SHA-1 of its target text.
  assert.deepEqual(musl?.files[1], { path: '/lib/libc.musl-armv7.so.1', sha1: '9c80b928373ef80b2e6459ca42dc3a1ac3a9ede4', symlink: true });

  // Every Z: line of the raw file is accounted for, decoded the same way.
  const raw = readFileSync(APK_SAMPLE, 'utf8');
  const zLines = raw.split('\n').filter((l) => l.startsWith('Z:'));
  const files = readApkRecords(root).flatMap((r) => r.files);
  assert.equal(files.length, zLines.length);
  assert.deepEqual(files.map((f) => f.sha1), zLines.map((l) => Buffer.from(l.slice(4), 'base64').toString('hex')));
});

test('apk: checksum forms and malformed databases', () => {
  assert.equal(apkChecksumToHex('Q1OR21cpf2INrOZXtXeMnWdqhkld4='), '391db57297f620dace657b5778c9d676a86495de');
  assert.equal(apkChecksumToHex('d41d8cd98f00b204e9800998ecf8427e'), undefined); // legacy md5: not verified
  assert.equal(apkChecksumToHex('Q1AAAA'), undefined);
  const records = parseApkInstalled('P:a\nV:1\nA:x86_64\nF:usr/bin\nR:tool\nZ:Q1OR21cpf2INrOZXtXeMnWdqhkld4=\nF:\nR:top\nZ:Q1OR21cpf2INrOZXtXeMnWdqhkld4=\n');
  assert.deepEqual(records[0]?.files.map((f) => f.path), ['/usr/bin/tool', '/top']);
  assert.throws(() => parseApkInstalled('P:a\nV:1\nnonsense\n'), (e) => e instanceof DriftwatchError && e.code === 'AGENT_PACKAGE_DB_INVALID');
  assert.throws(() => parseApkInstalled('V:1\nA:x\n\n'), DriftwatchError);
});

test('rpm: query output parsing', () => {
  const out = [
    'bash\t(none):5.1.8-6.el9\tx86_64',
    'perl-Exporter\t1:5.74-461.el9\tnoarch',
    'gpg-pubkey\t(none):fd431d51-4ae0493b\t(none)',
    '',
  ].join('\n');
  assert.deepEqual(parseRpmQueryOutput(out), [
    { manager: 'rpm', name: 'bash', version: '5.1.8-6.el9', arch: 'x86_64' },
    { manager: 'rpm', name: 'perl-Exporter', version: '1:5.74-461.el9', arch: 'noarch' },
    { manager: 'rpm', name: 'gpg-pubkey', version: 'fd431d51-4ae0493b', arch: '' },
  ]);
  assert.deepEqual(parseRpmQueryOutput(''), []);
  assert.throws(() => parseRpmQueryOutput('bash 5.1 x86_64\n'), (e) => e instanceof DriftwatchError && e.code === 'AGENT_PACKAGE_DB_INVALID');
  assert.deepEqual(readRpmPackages(tempRoot()), []); // no rpm database in the root
});

test('readPackages merges managers, sorted by manager, name, arch, without duplicates', () => {
  const root = tempRoot();
  const stanza = (name: string, arch: string): string =>
    `Package: ${name}\nStatus: install ok installed\nArchitecture: ${arch}\nVersion: 1.0\n\n`;
  put(root, 'var/lib/dpkg/status', stanza('zlib1g', 'i386') + stanza('zlib1g', 'amd64') + stanza('bash', 'amd64') + stanza('bash', 'amd64'));
  put(root, 'lib/apk/db/installed', 'P:zsh\nV:5.8-r2\nA:x86_64\n\nP:busybox\nV:1.33.1-r3\nA:x86_64\n');
  assert.deepEqual(readPackages(root).map((p) => `${p.manager}/${p.name}/${p.arch}`), [
    'apk/busybox/x86_64', 'apk/zsh/x86_64', 'dpkg/bash/amd64', 'dpkg/zlib1g/amd64', 'dpkg/zlib1g/i386',
  ]);
  assert.deepEqual(readPackages(tempRoot()), []);
});
