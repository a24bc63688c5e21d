// When the baseline is sealed: seal.when resolved against what exists under the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveSealCondition } from '../agent/config/seal-condition.js';
import type { SealWhen } from '../agent/config/agent-config-schema.js';
import { load } from './helpers/agent-config.js';

const BOOT_FINISHED = '/var/lib/cloud/instance/boot-finished';

/** A fake filesystem holding exactly these (root-joined) paths, recording what was asked. */
function fakeExists(present: string[]): { exists: (p: string) => boolean; asked: string[] } {
  const asked: string[] = [];
  return { exists: (p) => { asked.push(p); return present.includes(p); }, asked };
}

const seal = (when: SealWhen, root = '/mnt/host', file = BOOT_FINISHED) => ({ root, seal: { when, file } });

test('auto waits for boot-finished where cloud-init is present under the root', () => {
  const byStateDir = fakeExists(['/mnt/host/var/lib/cloud']);
  assert.deepEqual(resolveSealCondition(seal('auto'), byStateDir.exists),
    { kind: 'file', path: BOOT_FINISHED, hostPath: `/mnt/host${BOOT_FINISHED}` });
  const byBinary = fakeExists(['/mnt/host/usr/bin/cloud-init']);
  assert.equal(resolveSealCondition(seal('auto'), byBinary.exists).kind, 'file');
  // On the host itself the paths are the plain ones.
  assert.deepEqual(resolveSealCondition(seal('auto', '/'), fakeExists(['/usr/bin/cloud-init']).exists),
    { kind: 'file', path: BOOT_FINISHED, hostPath: BOOT_FINISHED });
});

test('auto seals immediately without cloud-init, having looked under the root only', () => {
  const none = fakeExists(['/var/lib/cloud', '/usr/bin/cloud-init']); // present on the machine, not under the root
  assert.deepEqual(resolveSealCondition(seal('auto'), none.exists), { kind: 'immediate' });
  assert.deepEqual(none.asked.sort(), ['/mnt/host/usr/bin/cloud-init', '/mnt/host/var/lib/cloud']);
});

test('immediate, file and manual do not depend on what exists', () => {
  const everything = fakeExists(['/mnt/host/var/lib/cloud', '/mnt/host/usr/bin/cloud-init']);
  assert.deepEqual(resolveSealCondition(seal('immediate'), everything.exists), { kind: 'immediate' });
  assert.deepEqual(resolveSealCondition(seal('manual'), everything.exists), { kind: 'manual' });
  assert.deepEqual(resolveSealCondition(seal('file', '/mnt/host', '/run/ready'), fakeExists([]).exists),
    { kind: 'file', path: '/run/ready', hostPath: '/mnt/host/run/ready' });
  assert.deepEqual(everything.asked, []);
});

test('a loaded config resolves directly: seal.file from the file, the default otherwise', () => {
  const c = load('root: /srv/image\nseal:\n  when: file\n  file: /opt/app/ready\n');
  assert.deepEqual(resolveSealCondition(c, () => false), { kind: 'file', path: '/opt/app/ready', hostPath: '/srv/image/opt/app/ready' });
  assert.deepEqual(resolveSealCondition(load('root: /srv/image\n'), (p) => p === '/srv/image/var/lib/cloud'),
    { kind: 'file', path: BOOT_FINISHED, hostPath: `/srv/image${BOOT_FINISHED}` });
});
