// Packages and package integrity end to end, on a temp root holding this
// machine's real dpkg database and one real package's files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';
import { checkJson, runAgent } from './helpers/run-cli.js';

const PKG = 'hostname'; // small, Priority: required, its binary listed under /bin (merged /usr)
const info = `/var/lib/dpkg/info/${PKG}.md5sums`;
const skip = existsSync(info) ? false : `this machine has no dpkg package ${PKG}`;
let dir: string;
let root: string;
let files: string[];

before(() => {
  dir = makeTempDir();
  root = join(dir, 'root');
  if (skip) return;
  mkdirSync(join(root, 'var/lib/dpkg/info'), { recursive: true });
  mkdirSync(join(root, 'usr/bin'), { recursive: true });
  symlinkSync('usr/bin', join(root, 'bin'));
  copyFileSync('/var/lib/dpkg/status', join(root, 'var/lib/dpkg/status'));
  copyFileSync(info, join(root, `var/lib/dpkg/info/${PKG}.md5sums`));
  files = readFileSync(info, 'utf8').trim().split('\n').map((l) => l.slice(34));
  for (const f of files) {
    const real = `/${f}`.replace(/^\/bin\//, '/usr/bin/');
    mkdirSync(dirname(join(root, real)), { recursive: true });
    copyFileSync(real, join(root, real));
  }
});
after(() => removeTempDir(dir));

function scanTo(out: string): { stderr: string; manifest: { packages: unknown[]; package_mismatches: Array<{ path: string; expected: string; actual: string }> } } {
  const r = runAgent(['scan', '--root', root, '--paths', '/usr,/bin', '--format', 'json', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  return { stderr: r.stderr, manifest: JSON.parse(readFileSync(out, 'utf8')) };
}

test('untouched package files verify clean; a tampered one is listed by scan and warned about', { skip }, () => {
  const clean = scanTo(join(dir, 'clean.json'));
  assert.deepEqual(clean.manifest.package_mismatches, []);
  assert.equal(clean.stderr, '');
  writeFileSync(join(root, 'usr/bin/hostname'), '#!/bin/sh\necho trojan\n');
  const dirty = scanTo(join(dir, 'dirty.json'));
  assert.equal(dirty.manifest.package_mismatches.length, 1);
  assert.equal(dirty.manifest.package_mismatches[0]!.path, '/usr/bin/hostname');
  assert.match(dirty.stderr, /warning: 1 package-owned file differs/);
  // Restore for the next test.
  copyFileSync('/usr/bin/hostname', join(root, 'usr/bin/hostname'));
});

test('check reports package_file_modified with the package, next to the content change', { skip }, () => {
  const base = join(dir, 'base.json');
  scanTo(base);
  writeFileSync(join(root, 'usr/bin/hostname'), '#!/bin/sh\necho trojan\n');
  const { status, report } = checkJson(root, base);
  assert.equal(status, 1);
  assert.deepEqual(report.events.map((e) => [e.kind, e.path]), [['file_changed', '/usr/bin/hostname'], ['package_file_modified', '/usr/bin/hostname']]);
  const pfm = report.events[1]!;
  assert.equal(pfm.package?.name, PKG);
  assert.equal(pfm.package?.manager, 'dpkg');
  assert.match(pfm.expected ?? '', /^[0-9a-f]{32}$/);
  copyFileSync('/usr/bin/hostname', join(root, 'usr/bin/hostname'));
});

test('package_added, package_removed and package_changed from the dpkg status file', { skip }, () => {
  const base = join(dir, 'pk.json');
  scanTo(base);
  const status = readFileSync(join(root, 'var/lib/dpkg/status'), 'utf8');
  const stanzas = status.split('\n\n');
  const idx = stanzas.findIndex((s) => s.startsWith(`Package: ${PKG}\n`));
  const removedIdx = stanzas.findIndex((s) => /^Status: install ok installed$/m.test(s) && !s.startsWith(`Package: ${PKG}\n`));
  const removedName = /^Package: (.*)$/m.exec(stanzas[removedIdx]!)![1]!;
  stanzas[idx] = stanzas[idx]!.replace(/^Version: (.*)$/m, 'Version: 99:$1');
  stanzas.splice(removedIdx, 1);
  stanzas.push('Package: driftwatch-test-added\nStatus: install ok installed\nArchitecture: all\nVersion: 1.0\nDescription: added by a test');
  writeFileSync(join(root, 'var/lib/dpkg/status'), `${stanzas.join('\n\n').trimEnd()}\n`);
  const { report } = checkJson(root, base);
  const kinds = report.events.map((e) => [e.kind, e.package?.name]);
  assert.deepEqual(kinds.sort(), [['package_added', 'driftwatch-test-added'], ['package_changed', PKG], ['package_removed', removedName]].sort());
  const changed = report.events.find((e) => e.kind === 'package_changed')!;
  assert.match(changed.package?.version ?? '', /^99:/);
  assert.doesNotMatch(changed.previous?.version ?? '', /^99:/);
  writeFileSync(join(root, 'var/lib/dpkg/status'), status);
});
