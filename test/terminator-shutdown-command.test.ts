// The agent's side of the `agent` terminator: the shutdown_command setting,
// and what a SHUTDOWN directive does with it (runs it once, however often the
// collector repeats the directive; without one, says so once per reason).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { shutdownHandler } from '../agent/daemon/shutdown-directive.js';
import { load, refused } from './helpers/agent-config.js';
import { waitFor } from './helpers/agent-process.js';
import { tempRoots } from './helpers/temp-tree.js';

const dirs = tempRoots('driftwatch-shutdown-');

interface LogLine { level: number; msg: string; [k: string]: unknown }

function capture(): { log: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => { lines.push(JSON.parse(s) as LogLine); } });
  return { log, lines };
}

function recorder(dir: string, exitCode = 0): { program: string; runs: string } {
  const runs = join(dir, 'runs.jsonl');
  const program = join(dir, 'poweroff');
  writeFileSync(program, `#!${process.execPath}\nconst fs = require('fs');
fs.appendFileSync(${JSON.stringify(runs)}, JSON.stringify({ env: process.env, args: process.argv.slice(2) }) + '\\n');
console.log('powering off'); process.exit(${exitCode});\n`);
  chmodSync(program, 0o755);
  return { program, runs };
}

const runsOf = (file: string): Array<{ env: Record<string, string>; args: string[] }> =>
  (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as { env: Record<string, string>; args: string[] }) : []);

test('shutdown_command: unset by default; an argv whose program is an absolute executable path', () => {
  assert.equal(load('root: /\n').shutdownCommand, undefined);
  const dir = dirs();
  const { program } = recorder(dir);
  assert.deepEqual(load(`shutdown_command: [${program}, --now]\n`).shutdownCommand, [program, '--now']);
  assert.deepEqual(load('shutdown_command: [/bin/sh, -c, "systemctl poweroff"]\n').shutdownCommand, ['/bin/sh', '-c', 'systemctl poweroff']);
  assert.match(refused('log_level: info\nshutdown_command: [systemctl, poweroff]\n'), /^agent\.yaml:2: shutdown_command\[0\]: systemctl is not an absolute path/);
  assert.match(refused('shutdown_command: [/nonexistent/poweroff]\n'), /^agent\.yaml:1: shutdown_command\[0\]: \/nonexistent\/poweroff does not exist or is not executable/);
  assert.match(refused('shutdown_command: []\n'), /^agent\.yaml:1: shutdown_command: Expected array length to be greater or equal to 1/);
  assert.match(refused('shutdown_command: [/bin/sh, "a\\0b"]\n'), /^agent\.yaml:1: shutdown_command\[1\]: must not contain a NUL/);
});

test('a SHUTDOWN directive runs the command once, with the reason in its environment, however often it repeats', async () => {
  const dir = dirs();
  const { program, runs } = recorder(dir);
  const { log, lines } = capture();
  const handle = shutdownHandler({ command: [program, '--now'], log });
  handle('termination 7 by rule binaries: file_added /usr/bin/nc\n$(reboot)');
  handle('termination 7 by rule binaries: file_added /usr/bin/nc\n$(reboot)');
  await waitFor('the command to finish', async () => lines.find((l) => l.msg === 'shutdown_command finished'));
  handle('termination 8 by rule logins: login root');
  const [run, ...more] = runsOf(runs);
  assert.deepEqual(more, []);
  assert.deepEqual(run!.args, ['--now']);
  assert.deepEqual(run!.env, { PATH: process.env.PATH, DRIFTWATCH_REASON: 'termination 7 by rule binaries: file_added /usr/bin/nc\n$(reboot)' });
  const finished = lines.find((l) => l.msg === 'shutdown_command finished')!;
  assert.equal(finished.exitCode, 0);
  assert.equal(finished.stdout, 'powering off\n');
  assert.equal(lines.filter((l) => l.msg === 'shutdown directive repeated; shutdown_command already ran').length, 2);
});

test('a failing command is logged with its exit code and not run again', async () => {
  const dir = dirs();
  const { program, runs } = recorder(dir, 5);
  const { log, lines } = capture();
  const handle = shutdownHandler({ command: [program], log });
  handle('termination 1 by rule r: x');
  const failed = await waitFor('the failure', async () => lines.find((l) => l.msg === 'shutdown_command failed'));
  assert.equal(failed.level, 50);
  assert.equal(failed.exitCode, 5);
  handle('termination 1 by rule r: x');
  assert.equal(runsOf(runs).length, 1);
});

test('without shutdown_command the directive is refused at error level, once per reason', () => {
  const { log, lines } = capture();
  const handle = shutdownHandler({ command: undefined, log });
  for (let i = 0; i < 3; i++) handle('termination 3 by rule binaries: file_added /usr/bin/nc');
  handle('termination 4 by rule logins: login root');
  const refusals = lines.filter((l) => l.msg === 'shutdown directive received but no shutdown_command is configured; ignored');
  assert.deepEqual(refusals.map((l) => [l.level, l.reason]), [
    [50, 'termination 3 by rule binaries: file_added /usr/bin/nc'],
    [50, 'termination 4 by rule logins: login root'],
  ]);
  assert.equal(lines.filter((l) => l.msg === 'shutdown directive repeated; still no shutdown_command').length, 2);
});
