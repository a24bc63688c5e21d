// The exec terminator really runs a command: argv as configured, host facts in
// the environment and nothing of the collector's, exit code and bounded output
// recorded, a hanging command killed with its whole process group.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createExecTerminator, EXEC_OUTPUT_TAIL_BYTES } from '../collector/actions/exec-terminator.js';
import { hostRecord, processRunning, terminateFailure, terminationRecord } from './helpers/termination-fixtures.js';
import { waitFor } from './helpers/agent-process.js';
import { tempRoots } from './helpers/temp-tree.js';

const dirs = tempRoots('driftwatch-exec-');
const never = new AbortController().signal;
const leftovers: number[] = [];
after(() => { for (const pid of leftovers) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } });

function script(dir: string, name: string, body: string, interpreter = '/bin/sh'): string {
  const path = join(dir, name);
  writeFileSync(path, `#!${interpreter}\n${body}`);
  chmodSync(path, 0o755);
  return path;
}

test('runs the argv as configured with the host facts in the environment, and nothing of the collector\'s', async () => {
  const dir = dirs();
  const out = join(dir, 'seen.json');
  // A node script: it records exactly the environment and argv it was given.
  const recorder = script(dir, 'record', `require('fs').writeFileSync(process.argv[2], JSON.stringify({ env: process.env, args: process.argv.slice(2) }));
console.log('terminated ' + process.env.DRIFTWATCH_INSTANCE_ID); console.error('a warning');\n`, process.execPath);
  process.env.DRIFTWATCH_ADMIN_TOKEN = 'admin-token-must-not-leak-0123';
  process.env.AWS_SECRET_ACCESS_KEY = 'aws-secret-must-not-leak';
  try {
    // Hostile host values: a shell would run them; here they are inert data, and a NUL cannot break execve.
    const host = hostRecord({ facts: { hostname: 'web-1\n$(touch /tmp/pwned); `id` \'"\t\x1b[31m', instanceId: 'i-0abc\0def', labels: { role: 'web\0x', 'a=b': 'c\nd' } } });
    const termination = terminationRecord({ id: 9, rule: 'binaries', reason: 'file_added /usr/bin/nc' });
    const terminator = createExecTerminator({ type: 'exec', command: [recorder, out, '$DRIFTWATCH_HOSTNAME', '; rm -rf /'], timeoutMs: 30_000 });
    const outcome = await terminator.terminate(host, termination, never);
    const seen = JSON.parse(readFileSync(out, 'utf8')) as { env: Record<string, string>; args: string[] };
    assert.deepEqual(seen.args, [out, '$DRIFTWATCH_HOSTNAME', '; rm -rf /']);
    assert.deepEqual(seen.env, {
      PATH: process.env.PATH,
      DRIFTWATCH_HOST_ID: host.id,
      DRIFTWATCH_HOSTNAME: host.facts.hostname,
      DRIFTWATCH_INSTANCE_ID: 'i-0abc\uFFFDdef',
      DRIFTWATCH_IMAGE_ID: 'ami-0123456789abcdef0',
      DRIFTWATCH_MACHINE_ID: 'f'.repeat(32),
      DRIFTWATCH_LABELS: JSON.stringify({ role: 'web\0x', 'a=b': 'c\nd' }),
      DRIFTWATCH_TERMINATION_ID: '9',
      DRIFTWATCH_RULE: 'binaries',
      DRIFTWATCH_REASON: 'file_added /usr/bin/nc',
    });
    assert.deepEqual(JSON.parse(seen.env.DRIFTWATCH_LABELS!), { role: 'web\0x', 'a=b': 'c\nd' });
    assert.equal(existsSync('/tmp/pwned'), false);
    assert.equal(outcome.confirmed, true);
    assert.equal(outcome.detail.exitCode, 0);
    assert.equal(outcome.detail.stdout, 'terminated i-0abc\uFFFDdef\n');
    assert.equal(outcome.detail.stderr, 'a warning\n');
    assert.equal(outcome.detail.program, recorder);
    assert.equal('argv' in outcome.detail, false, 'arguments may hold credentials: not recorded');
  } finally {
    delete process.env.DRIFTWATCH_ADMIN_TOKEN;
    delete process.env.AWS_SECRET_ACCESS_KEY;
  }
});

test('a failing command is a TerminateError with its exit code and the tail of its output', async () => {
  const dir = dirs();
  // 100 KiB of noise, then the line that says what went wrong: the tail keeps it.
  const failing = script(dir, 'fail', 'i=0; while [ $i -lt 2000 ]; do echo "noise line $i ....................................."; i=$((i+1)); done\necho "out of quota" >&2\necho "the end"\nexit 3\n');
  const err = await terminateFailure(createExecTerminator({ type: 'exec', command: [failing], timeoutMs: 30_000 }).terminate(hostRecord(), terminationRecord(), never));
  assert.equal(err.message, `${failing} exited with code 3`);
  assert.equal(err.detail.exitCode, 3);
  assert.equal(err.detail.timedOut, false);
  assert.equal(err.detail.stderr, 'out of quota\n');
  const stdout = err.detail.stdout as string;
  assert.ok(stdout.length <= EXEC_OUTPUT_TAIL_BYTES && stdout.length > EXEC_OUTPUT_TAIL_BYTES - 100, String(stdout.length));
  assert.ok(stdout.endsWith('noise line 1999 .....................................\nthe end\n'));
  assert.ok((err.detail.stdoutBytes as number) > 100_000);
});

test('a hanging command is killed at the timeout with its whole process group', async () => {
  const dir = dirs();
  const pidFile = join(dir, 'child.pid');
  // The script starts a grandchild and waits on it: both must die.
  const hanging = script(dir, 'hang', `sleep 300 &\necho $! > "${pidFile}"\nwait\n`);
  const err = await terminateFailure(createExecTerminator({ type: 'exec', command: [hanging], timeoutMs: 2000 }).terminate(hostRecord(), terminationRecord(), never));
  assert.equal(err.message, `${hanging} did not finish within 2 s: killed with its process group`);
  assert.equal(err.detail.timedOut, true);
  assert.equal(err.detail.signal, 'SIGKILL');
  const grandchild = Number(readFileSync(pidFile, 'utf8'));
  leftovers.push(grandchild);
  await waitFor('the grandchild to die', async () => (processRunning(grandchild) ? undefined : true), 10_000);
});

test('a background process left holding stdout does not hold up the result', async () => {
  const dir = dirs();
  const pidFile = join(dir, 'bg.pid');
  const detaching = script(dir, 'detach', `sleep 300 &\necho $! > "${pidFile}"\necho done\nexit 0\n`);
  const outcome = await createExecTerminator({ type: 'exec', command: [detaching], timeoutMs: 60_000 }).terminate(hostRecord(), terminationRecord(), never);
  leftovers.push(Number(readFileSync(pidFile, 'utf8')));
  assert.equal(outcome.confirmed, true);
  assert.equal(outcome.detail.timedOut, false);
  assert.equal(outcome.detail.stdout, 'done\n');
});

test('a program that is gone, a command killed by a signal, and the collector stopping are TerminateErrors', async () => {
  const dir = dirs();
  const gone = script(dir, 'gone', 'exit 0\n');
  rmSync(gone);
  const notStarted = await terminateFailure(createExecTerminator({ type: 'exec', command: [gone], timeoutMs: 5000 }).terminate(hostRecord(), terminationRecord(), never));
  assert.match(notStarted.message, /could not be started: spawn .* ENOENT/);

  const suicidal = script(dir, 'suicide', 'kill -TERM $$\n');
  const killed = await terminateFailure(createExecTerminator({ type: 'exec', command: [suicidal], timeoutMs: 5000 }).terminate(hostRecord(), terminationRecord(), never));
  assert.equal(killed.message, `${suicidal} was killed by SIGTERM`);

  const slow = script(dir, 'slow', 'echo started\nexec sleep 300\n');
  const stopping = new AbortController();
  const run = createExecTerminator({ type: 'exec', command: [slow], timeoutMs: 60_000 }).terminate(hostRecord(), terminationRecord(), stopping.signal);
  stopping.abort();
  const aborted = await terminateFailure(run);
  assert.equal(aborted.message, `${slow} was killed: the collector is stopping`);
  assert.equal(aborted.detail.signal, 'SIGKILL');
});
