// The AWS SDK loads only when an AWS terminator is configured: a fresh
// collector process that loads the serve command and creates an exec or
// agent terminator never resolves an @aws-sdk module (an import trace from
// the first import on, and the require cache), so a static import of the SDK
// creeping in anywhere fails here. The AWS types show the trace does see it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, tempRoots } from './helpers/temp-tree.js';

const dirs = tempRoots('driftwatch-lazy-');

function loadedBy(type: string): { created: string; imported: string[]; required: number; traced: number } {
  const dir = dirs();
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/test/helpers/lazy-load-child.js'), type, join(dir, 'c.db')], {
    env: { ...process.env, DRIFTWATCH_RESOLVE_TRACE: join(dir, 'trace') }, encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { created: string; imported: string[]; required: number; traced: number };
}

test('exec and agent terminators: the collector never loads the AWS SDK', () => {
  for (const type of ['exec', 'agent']) {
    const seen = loadedBy(type);
    assert.equal(seen.created, type);
    assert.ok(seen.traced > 20, `the trace saw the collector's imports (${seen.traced})`);
    assert.deepEqual(seen.imported, [], type);
    assert.equal(seen.required, 0, type);
  }
});

test('aws-asg and aws-ec2 load their own client, and only it', () => {
  const asg = loadedBy('aws-asg');
  assert.ok(asg.imported.includes('@aws-sdk/client-auto-scaling'), asg.imported.join(', '));
  assert.ok(!asg.imported.includes('@aws-sdk/client-ec2'));
  assert.ok(asg.required > 0);
  const ec2 = loadedBy('aws-ec2');
  assert.ok(ec2.imported.includes('@aws-sdk/client-ec2'), ec2.imported.join(', '));
  assert.ok(!ec2.imported.includes('@aws-sdk/client-auto-scaling'));
});
