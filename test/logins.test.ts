// The logins source: utmp files written by util-linux's utmpdump, read by our
// parser, cross-checked against utmpdump's own reading, and diffed into new logins.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { DriftwatchError } from '../common/errors.js';
import { MAX_UTMP_BYTES, newSessions, readSessions, type Session } from '../agent/sources/logins.js';
import { formatUtmpAddress, parseUtmpRecords, parseUtmpSessions, UTMP_RECORD_SIZE } from '../agent/sources/utmp-parse.js';
import { put, tempRoots } from './helpers/temp-tree.js';
import { dumpLine, dumpUtmp, encodeRecord, utmpdumpMissing, utmpFromText } from './helpers/utmp.js';

const tempRoot = tempRoots('driftwatch-logins-');

const T = (iso: string): string => `${iso},000000+00:00`;
const BOOTED = [
  dumpLine({ type: 2, pid: 0, id: '~~', user: 'reboot', line: '~', host: '6.1.0-18-amd64', addr: '0.0.0.0', time: T('2024-03-01T10:00:00') }),
  dumpLine({ type: 6, pid: 612, id: 'tty1', user: 'LOGIN', line: 'tty1', host: '', addr: '0.0.0.0', time: T('2024-03-01T10:00:05') }),
];
const ALICE = dumpLine({ type: 7, pid: 1234, id: 'ts/0', user: 'alice', line: 'pts/0', host: '203.0.113.7', addr: '203.0.113.7', time: '2024-03-01T10:05:00,123456+00:00' });
const BOB = dumpLine({ type: 7, pid: 1240, id: 'ts/1', user: 'bob', line: 'pts/1', host: '2001:db8::1', addr: '2001:db8::1', time: T('2024-03-01T10:06:00') });
const ROOT_TTY2 = dumpLine({ type: 7, pid: 700, id: 'tty2', user: 'root', line: 'tty2', host: '', addr: '0.0.0.0', time: T('2024-03-01T10:07:00') });
const DEAD_PTS2 = dumpLine({ type: 8, pid: 1111, id: 'ts/2', user: '', line: 'pts/2', host: '', addr: '0.0.0.0', time: T('2024-03-01T10:08:00') });

const aliceSession: Session = { user: 'alice', tty: 'pts/0', origin: '203.0.113.7', pid: 1234, loginAt: new Date('2024-03-01T10:05:00.123Z'), address: '203.0.113.7' };
const bobSession: Session = { user: 'bob', tty: 'pts/1', origin: '2001:db8::1', pid: 1240, loginAt: new Date('2024-03-01T10:06:00Z'), address: '2001:db8::1' };
const rootSession: Session = { user: 'root', tty: 'tty2', origin: '', pid: 700, loginAt: new Date('2024-03-01T10:07:00Z'), address: '' };

/** A binary utmp made by utmpdump, or undefined (test skipped) where that cannot be done. */
function realUtmp(t: TestContext, lines: (string | Buffer)[]): Buffer | undefined {
  const missing = utmpdumpMissing();
  if (missing !== undefined) {
    t.skip(missing);
    return undefined;
  }
  const text = Buffer.concat(lines.map((l) => Buffer.concat([Buffer.from(l), Buffer.from('\n')])));
  const bin = utmpFromText(text);
  if (bin.length !== lines.length * UTMP_RECORD_SIZE) {
    t.skip(`utmpdump wrote ${bin.length} bytes for ${lines.length} records: not the 384-byte x86_64/aarch64 layout`);
    return undefined;
  }
  return bin;
}

test('utmpdump-made utmp: user sessions with tty, host and IPv4/IPv6 addresses; boot, login and dead records ignored', async (t) => {
  const bin = realUtmp(t, [...BOOTED, ALICE, BOB, ROOT_TTY2, DEAD_PTS2]);
  if (bin === undefined) return;
  assert.equal(parseUtmpRecords(bin).length, 6);
  assert.deepEqual(parseUtmpSessions(bin), [aliceSession, bobSession, rootSession]);
  const root = tempRoot();
  put(root, 'run/utmp', bin);
  assert.deepEqual(await readSessions(root), [aliceSession, bobSession, rootSession]);
});

test('every record agrees with utmpdump\'s own reading of the same file', (t) => {
  const bin = realUtmp(t, [...BOOTED, ALICE, BOB, ROOT_TTY2, DEAD_PTS2]);
  if (bin === undefined) return;
  const file = join(tempRoot(), 'utmp');
  writeFileSync(file, bin);
  assertMatchesUtmpdump(file);
});

test('this machine\'s /run/utmp, when it has one, parses as utmpdump reads it', (t) => {
  const missing = utmpdumpMissing();
  if (missing !== undefined) return t.skip(missing);
  if (!existsSync('/run/utmp')) return t.skip('/run/utmp is absent here (a container or a logind-only host)');
  // Both readers read one copy, so a login in between cannot skew the comparison.
  const file = join(tempRoot(), 'utmp');
  copyFileSync('/run/utmp', file);
  t.diagnostic(`${parseUtmpRecords(readFileSync(file)).length} records in /run/utmp`);
  assertMatchesUtmpdump(file);
});

function assertMatchesUtmpdump(file: string): void {
  const ours = parseUtmpRecords(readFileSync(file));
  const theirs = dumpUtmp(file);
  assert.equal(ours.length, theirs.length);
  ours.forEach((r, i) => {
    const time = `${new Date(r.tvSec * 1000).toISOString().slice(0, 19)},${String(r.tvUsec).padStart(6, '0')}+00:00`;
    // utmpdump prints a zero address as 0.0.0.0, cleanses non-printable bytes to '?',
    // and pads fields with spaces (so trailing spaces, as in ut_id "~~  ", do not show).
    const clean = (s: string): string => s.replace(/[^\x20-\x7e]/g, '?').trimEnd();
    assert.deepEqual(
      { type: r.type, pid: r.pid, id: clean(r.id), user: clean(r.user), line: clean(r.line), host: clean(r.host), addr: r.address || '0.0.0.0', time },
      theirs[i],
      `record ${i}`,
    );
  });
}

test('a trailing partial record (utmp mid-write) is ignored', (t) => {
  const bin = realUtmp(t, [ALICE, BOB]);
  if (bin === undefined) return;
  const cut = Buffer.concat([bin, bin.subarray(0, 200)]);
  assert.deepEqual(parseUtmpSessions(cut), [aliceSession, bobSession]);
  assert.deepEqual(parseUtmpSessions(bin.subarray(0, UTMP_RECORD_SIZE * 2 - 1)), [aliceSession]);
  assert.deepEqual(parseUtmpSessions(Buffer.alloc(0)), []);
});

test('non-UTF-8 and control bytes in the host do not crash and reach no log as controls', (t) => {
  const line = Buffer.concat([
    Buffer.from('[7] [04242] [ts/3] [eve     ] [pts/3       ] [bad'),
    Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('host\x1b[31m ] [0.0.0.0        ] [2024-03-01T10:09:00,000000+00:00]'),
  ]);
  const bin = realUtmp(t, [line]);
  if (bin === undefined) return;
  const [eve, ...rest] = parseUtmpSessions(bin);
  assert.equal(rest.length, 0);
  assert.equal(eve?.origin, 'bad\uFFFD\uFFFD\uFFFDhost\uFFFD[31m');
  assert.equal(eve?.user, 'eve');
  // A field with no NUL at all stops at its own size, not in the next field.
  const full = encodeRecord({ type: 7, pid: 9, line: 'x'.repeat(32), user: 'u'.repeat(32), host: 'h'.repeat(256), sec: 1 });
  const [s] = parseUtmpSessions(full);
  assert.deepEqual([s?.tty, s?.user, s?.origin], ['x'.repeat(32), 'u'.repeat(32), 'h'.repeat(256)]);
});

test('addresses, times past 2038 and USER_PROCESS records without a user', () => {
  const v4 = Buffer.alloc(16);
  v4.set([192, 0, 2, 1]);
  assert.equal(formatUtmpAddress(v4), '192.0.2.1');
  assert.equal(formatUtmpAddress(Buffer.alloc(16)), '');
  assert.equal(formatUtmpAddress(Buffer.from('00000000000000000000ffff0a010203', 'hex')), '::ffff:10.1.2.3');
  assert.equal(formatUtmpAddress(Buffer.from('fe800000000000010000000000000001', 'hex')), 'fe80:0:0:1::1');
  const later = encodeRecord({ type: 7, pid: 5, line: 'pts/9', user: 'late', host: '', sec: 2_214_209_340, usec: 500_000 });
  assert.equal(parseUtmpSessions(later)[0]?.loginAt.toISOString(), '2040-03-01T10:09:00.500Z');
  const unnamed = encodeRecord({ type: 7, pid: 6, line: 'pts/8', user: '', host: '', sec: 1 });
  assert.deepEqual(parseUtmpSessions(unnamed), []);
});

test('readSessions: missing utmp is no sessions; run/utmp first, var/run/utmp as fallback', async (t) => {
  const root = tempRoot();
  assert.deepEqual(await readSessions(root), []);
  assert.deepEqual(await readSessions(join(root, 'no-such-root')), []);
  const bin = realUtmp(t, [ALICE]);
  if (bin === undefined) return;
  put(root, 'var/run/utmp', bin);
  assert.deepEqual(await readSessions(root), [aliceSession]);
  put(root, 'run/utmp', Buffer.alloc(0));
  assert.deepEqual(await readSessions(root), [], 'an empty run/utmp wins over var/run/utmp');
});

test('readSessions does not follow var/run -> /run out of the scan root', async (t) => {
  const bin = realUtmp(t, [ALICE]);
  if (bin === undefined) return;
  const outside = tempRoot();
  put(outside, 'utmp', bin);
  const root = tempRoot();
  mkdirSync(join(root, 'var'));
  symlinkSync(outside, join(root, 'var/run'));
  assert.deepEqual(await readSessions(root), []);
});

test('readSessions: a utmp that exists but cannot be read is AGENT_LOGINS_UNREADABLE', async (t) => {
  const isCode = (e: unknown): boolean => e instanceof DriftwatchError && e.code === 'AGENT_LOGINS_UNREADABLE';
  const dir = tempRoot();
  mkdirSync(join(dir, 'run/utmp'), { recursive: true });
  await assert.rejects(readSessions(dir), isCode);
  const big = tempRoot();
  put(big, 'run/utmp', '');
  truncateSync(join(big, 'run/utmp'), MAX_UTMP_BYTES + UTMP_RECORD_SIZE);
  await assert.rejects(readSessions(big), (e) => isCode(e) && /exceeds/.test((e as Error).message));
  const fifo = tempRoot();
  mkdirSync(join(fifo, 'run'));
  if (spawnSync('mkfifo', [join(fifo, 'run/utmp')]).status === 0) await assert.rejects(readSessions(fifo), isCode);
  if (process.getuid?.() === 0) return t.diagnostic('running as root: a mode-000 file is still readable, not tested');
  const locked = tempRoot();
  put(locked, 'run/utmp', Buffer.alloc(UTMP_RECORD_SIZE));
  spawnSync('chmod', ['000', join(locked, 'run/utmp')]);
  await assert.rejects(readSessions(locked), (e) => isCode(e) && /EACCES/.test((e as Error).message));
});

test('newSessions finds exactly the new logins, a re-login on the same tty included', async (t) => {
  const CAROL = dumpLine({ type: 7, pid: 2001, id: 'ts/0', user: 'carol', line: 'pts/0', host: '198.51.100.4', addr: '198.51.100.4', time: T('2024-03-01T11:00:00') });
  const ALICE_AGAIN = dumpLine({ type: 7, pid: 2002, id: 'ts/0', user: 'alice', line: 'pts/0', host: '203.0.113.7', addr: '203.0.113.7', time: T('2024-03-01T11:30:00') });
  const before = realUtmp(t, [...BOOTED, ALICE, ROOT_TTY2]);
  // pts/0's slot is reused by carol; bob logs in on pts/1; root's session is unchanged.
  const during = realUtmp(t, [...BOOTED, CAROL, ROOT_TTY2, BOB]);
  const after = realUtmp(t, [...BOOTED, ALICE_AGAIN, ROOT_TTY2, BOB]);
  if (before === undefined || during === undefined || after === undefined) return;
  const [s0, s1, s2] = [before, during, after].map(parseUtmpSessions) as [Session[], Session[], Session[]];
  assert.deepEqual(newSessions(s0, s1).map((s) => `${s.user}@${s.tty}:${s.pid}`), ['carol@pts/0:2001', 'bob@pts/1:1240']);
  assert.deepEqual(newSessions(s1, s2).map((s) => `${s.user}@${s.tty}:${s.pid}`), ['alice@pts/0:2002']);
  assert.deepEqual(newSessions(s2, s2), []);
  assert.deepEqual(newSessions([], s0), s0);
  assert.deepEqual(newSessions(s2, s0).map((s) => s.user), ['alice'], 'the old alice session is not the new one');
  // Same tty and pid, one second later: a different session (pid reuse after a logout).
  const reused = { ...aliceSession, loginAt: new Date(aliceSession.loginAt.getTime() + 1000) };
  assert.deepEqual(newSessions([aliceSession], [aliceSession, reused, reused]), [reused]);
  // Same tty and time, another pid: a different session too.
  const otherPid = { ...aliceSession, pid: 4321 };
  assert.deepEqual(newSessions([aliceSession], [otherPid]), [otherPid]);
});
