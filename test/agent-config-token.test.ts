// The enrollment token in the agent's settings: inline or in a private file,
// never both, and never repeated in an error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAgentConfig } from '../agent/config/load-agent-config.js';
import { DriftwatchError } from '../common/errors.js';
import { load, refused } from './helpers/agent-config.js';
import { tempRoots } from './helpers/temp-tree.js';

const tempDir = tempRoots('driftwatch-agent-token-');
const SECRET = 's3cret-Enroll-Token-Do-Not-Print';

/** A token file with exactly this mode (writeFileSync's mode is filtered by the umask). */
function tokenFile(dir: string, name: string, content: string, mode: number): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

test('enroll_token inline, or read from a private enroll_token_file, trailing newline trimmed', () => {
  assert.equal(load(`enroll_token: ${SECRET}\n`).enrollToken, SECRET);
  const dir = tempDir();
  tokenFile(dir, 'token', `${SECRET}\n`, 0o600);
  tokenFile(dir, 'token-crlf', `${SECRET}\r\n`, 0o640); // group-readable is fine: root:drift-agent 0640
  const config = join(dir, 'agent.yaml');
  assert.equal(load('enroll_token_file: token\n', {}, config).enrollToken, SECRET); // relative to the config file
  assert.equal(load(`enroll_token_file: ${join(dir, 'token-crlf')}\n`).enrollToken, SECRET);
  assert.equal(load('root: /\n').enrollToken, undefined); // only the first enrollment needs it; the daemon checks
});

test('enroll_token and enroll_token_file are exclusive; --enroll-token replaces either', () => {
  assert.equal(refused(`enroll_token: ${SECRET}\nenroll_token_file: /etc/driftwatch/token\n`),
    'agent.yaml:2: enroll_token_file: set enroll_token or enroll_token_file, not both');
  // The flag wins, and the file's token file (which does not even exist here) is not read.
  const c = load('enroll_token_file: /nonexistent/token\n', { enrollToken: 'flag-token-0123456789' });
  assert.equal(c.enrollToken, 'flag-token-0123456789');
  assert.equal(load(`enroll_token: ${SECRET}\n`, { enrollToken: 'flag-token-0123456789' }).enrollToken, 'flag-token-0123456789');
});

test('a token file readable by every user is refused, with the fix in the message', () => {
  const dir = tempDir();
  for (const mode of [0o644, 0o604, 0o444]) {
    const path = tokenFile(dir, `token-${mode.toString(8)}`, `${SECRET}\n`, mode);
    assert.equal(refused(`root: /\nenroll_token_file: ${path}\n`),
      `agent.yaml:2: enroll_token_file: ${path} is readable by every user (mode 0${mode.toString(8)}); make it private first: chmod o-r ${path}`);
  }
  const path = join(dir, 'token-644');
  chmodSync(path, 0o600);
  assert.equal(load(`enroll_token_file: ${path}\n`).enrollToken, SECRET);
});

test('a token file that is missing, empty, a directory, several lines or too short is refused', () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'adir'), { mode: 0o700 });
  tokenFile(dir, 'empty', '\n', 0o600);
  tokenFile(dir, 'two', `${SECRET}\nsecond-line\n`, 0o600);
  tokenFile(dir, 'short', 'tiny\n', 0o600);
  const config = join(dir, 'agent.yaml');
  const why = (name: string) => refused(`enroll_token_file: ${name}\n`, {}, config).replace(`${config}:1: enroll_token_file: `, '');
  assert.equal(why('missing'), `cannot read ${join(dir, 'missing')}: ENOENT: no such file or directory`);
  assert.equal(why('empty'), `${join(dir, 'empty')} is empty`);
  assert.equal(why('adir'), `${join(dir, 'adir')} is not a regular file`);
  assert.equal(why('two'), `${join(dir, 'two')} holds more than one line; it should hold only the token`);
  assert.equal(why('short'), `the token in ${join(dir, 'short')} must be 16 to 256 characters long`);
});

test('the token never appears in an error message, whatever is wrong', () => {
  const dir = tempDir();
  const open = tokenFile(dir, 'open', `${SECRET}\n`, 0o644);
  const twoLines = tokenFile(dir, 'two', `${SECRET}\n${SECRET}\n`, 0o600);
  const cases: Array<[string, Parameters<typeof refused>[1]?]> = [
    [`enroll_token: ${SECRET}\nenroll_token_file: ${twoLines}\n`],
    [`enroll_token: ${SECRET}\nfrobnicate: 1\n`],
    [`enroll_token: "${SECRET}\nroot: /\n`], // unterminated quote: the YAML parser's excerpt would quote it
    [`enroll_token: ${SECRET}: x\n`],
    [`enroll_token:\n  - ${SECRET}\n`],
    [`enroll_token: ${SECRET.repeat(9)}\n`],
    [`collector: ${SECRET}\n`],
    [`labels:\n  token: ${SECRET}\n  x: [1]\n`],
    [`enroll_token_file: ${open}\n`],
    [`enroll_token_file: ${twoLines}\n`],
    ['root: /\n', { enrollToken: SECRET.slice(0, 10) }],
    ['root: /\n', { enrollToken: SECRET, collector: 'ftp://x' }],
  ];
  for (const [text, flags] of cases) {
    const message = refused(text, flags);
    assert.ok(!message.includes(SECRET.slice(0, 10)), `${JSON.stringify(text)} was refused with ${message}`);
  }
  // The errors carry no cause that would print the token either.
  try {
    loadAgentConfig({ file: { path: 'a.yaml', text: `enroll_token: "${SECRET}\n` } });
  } catch (err) {
    assert.ok(err instanceof DriftwatchError && err.cause === undefined && !String(err.stack).includes(SECRET));
  }
});
