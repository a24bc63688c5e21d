// Collector settings: a YAML file and flags, one schema, refused with the line that is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../collector/config.js';
import { DriftwatchError } from '../common/errors.js';
import { makeTempDir, removeTempDir, REPO_ROOT } from './helpers/temp-tree.js';

const GOOD = 'db: /tmp/c.db\nlisten: 127.0.0.1:8080\nadmin_token: admin-token-0123456789\nenroll_token: enroll-token-0123456789\n';

function refused(text: string, flags = {}): string {
  try {
    loadConfig({ file: { path: 'c.yaml', text }, flags });
  } catch (err) {
    assert.ok(err instanceof DriftwatchError);
    assert.equal(err.code, 'COLLECTOR_CONFIG_INVALID');
    return err.message;
  }
  assert.fail('config was accepted');
}

test('a good file gets the schema defaults and is frozen; flags win over the file', () => {
  const c = loadConfig({ file: { path: 'c.yaml', text: GOOD }, flags: { listen: '[::1]:9000' } });
  assert.deepEqual([c.host, c.port, c.clockSkewMs, c.maxEventsPerBatch, c.heartbeatIntervalMs], ['::1', 9000, 300_000, 1000, 30_000]);
  assert.ok(Object.isFrozen(c));
});

test('a bad setting is refused with its line; unknown keys, bad YAML and half a TLS pair too', () => {
  assert.match(refused(`${GOOD}max_events_per_batch: 0\n`), /^c\.yaml:5: max_events_per_batch: .*greater or equal to 1/);
  assert.match(refused(`${GOOD}frobnicate: true\n`), /^c\.yaml:5: frobnicate: unknown setting/);
  assert.match(refused(GOOD.replace('admin-token-0123456789', 'short')), /^c\.yaml:3: admin_token/);
  assert.match(refused(`${GOOD}db: /again\n`), /^c\.yaml:5: Map keys must be unique/);
  assert.match(refused('listen: "127.0.0.1:80\n'), /^c\.yaml:2: Missing closing "quote/); // where the parser gives up
  assert.match(refused(`${GOOD}tls_cert: /x.pem\n`), /^c\.yaml:5: tls_cert: tls_cert and tls_key go together/);
  assert.equal(refused(GOOD.replace(':8080', ':99999')), 'c.yaml:2: listen: port 99999 is out of range');
  assert.match(refused(GOOD, { listen: 'nonsense' }), /^--listen: /);
});

test('serve --check-config: exit 0 and "config ok", or exit 2 with the line', () => {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir, 'ok.yaml'), GOOD);
    writeFileSync(join(dir, 'bad.yaml'), `${GOOD}clock_skew_seconds: -1\n`);
    const run = (f: string) => spawnSync(process.execPath, [join(REPO_ROOT, 'bin/drift-collector.js'), 'serve', '--config', join(dir, f), '--check-config'], { encoding: 'utf8' });
    const ok = run('ok.yaml');
    assert.deepEqual([ok.status, ok.stdout], [0, 'config ok\n']);
    const bad = run('bad.yaml');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^drift-collector: error \[COLLECTOR_CONFIG_INVALID\]: .*bad\.yaml:5: clock_skew_seconds/);
  } finally {
    removeTempDir(dir);
  }
});
