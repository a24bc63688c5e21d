// Interactive logins end to end: a real agent polls <root>/run/utmp (written
// by util-linux's utmpdump, the real tool) and a real collector stores the
// `login` events. A session older than the seal is part of the sealed state;
// a new one is reported once, and never again after a restart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { startAgent, stopAgent, waitFor, stopAllAgents, type AgentProcess } from './helpers/agent-process.js';
import { hostEvents, waitEnrolled, waitEvent, waitLog, type HostEvent } from './helpers/agent-host.js';
import { makeTempDir, removeTempDir, writeTree } from './helpers/temp-tree.js';
import { dumpLine, utmpdumpMissing, utmpFromText } from './helpers/utmp.js';

let dir: string;
let collector: CollectorProcess | undefined;
const root = (): string => join(dir, 'root');
const state = (): string => join(dir, 'state');

before(async () => {
  dir = makeTempDir('driftwatch-agent-logins-');
  writeTree(root(), { 'etc/hosts': '127.0.0.1 localhost\n' });
  if (utmpdumpMissing() === undefined) collector = await startCollector(join(dir, 'collector.db'));
});

after(async () => {
  await stopAllAgents();
  collector?.child.kill('SIGTERM');
  removeTempDir(dir);
});

/** utmpdump's time text for a Date: "2024-03-01T10:05:00,123000+00:00". */
const utmpTime = (d: Date): string => `${d.toISOString().slice(0, 19)},${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}+00:00`;

const BOOT = dumpLine({ type: 2, pid: 0, id: '~~', user: 'reboot', line: '~', host: '6.1.0-18-amd64', addr: '0.0.0.0', time: utmpTime(new Date('2024-03-01T10:00:00Z')) });
const ALICE = dumpLine({ type: 7, pid: 1234, id: 'ts/0', user: 'alice', line: 'pts/0', host: '203.0.113.7', addr: '203.0.113.7', time: utmpTime(new Date('2024-03-01T10:05:00Z')) });

function session(user: string, pid: number, tty: string, origin: string, at: Date): string {
  return dumpLine({ type: 7, pid, id: tty.slice(-4), user, line: tty, host: origin, addr: origin === '' ? '0.0.0.0' : origin, time: utmpTime(at) });
}

/** Writes <root>/run/utmp from utmpdump text lines (utmpdump -r makes the binary). */
function writeUtmp(lines: string[]): void {
  const bin = utmpFromText(`${lines.join('\n')}\n`);
  assert.equal(bin.length, lines.length * 384, 'utmpdump wrote a layout other than the 384-byte x86_64/aarch64 one');
  writeFileSync(join(root(), 'run/utmp'), bin);
}

const logins = (events: HostEvent[], user: string): HostEvent[] => events.filter((e) => e.kind === 'login' && e.login?.user === user);

test('a new utmp session is a login event with user, tty and origin; older ones and restarts report nothing', { timeout: 60_000 }, async (t) => {
  const missing = utmpdumpMissing();
  if (missing !== undefined || collector === undefined) return t.skip(missing);
  const base = collector.base;
  writeTree(root(), { 'run/utmp': '' });
  writeUtmp([BOOT, ALICE]); // alice logged in before the seal: part of the sealed state

  let agent: AgentProcess = startAgent(base, root(), state(), ['--paths', '/etc']);
  const id = await waitEnrolled(state(), agent);
  await waitLog(agent, 'connected to the collector'); // after the first utmp poll
  const bobAt = new Date();
  const bob = session('bob', 4242, 'pts/1', '198.51.100.23', bobAt);
  writeUtmp([BOOT, ALICE, bob]);
  const login = await waitEvent(base, id, 'bob\'s login', (e) => e.kind === 'login' && e.login?.user === 'bob', agent);
  assert.deepEqual(login.login, { user: 'bob', tty: 'pts/1', origin: '198.51.100.23' });
  assert.equal(login.detail, 'bob on pts/1 from 198.51.100.23');
  assert.equal(login.path, '');
  assert.equal(await stopAgent(agent), 0);

  // While the agent is down, carol logs in on the console: reported at the restart, bob not again.
  const carol = session('carol', 5151, 'tty2', '', new Date(bobAt.getTime() + 1000));
  writeUtmp([BOOT, ALICE, bob, carol]);
  agent = startAgent(base, root(), state(), ['--paths', '/etc']);
  const consoleLogin = await waitEvent(base, id, 'carol\'s login', (e) => e.kind === 'login' && e.login?.user === 'carol', agent);
  assert.deepEqual(consoleLogin.login, { user: 'carol', tty: 'tty2', origin: '' });
  assert.equal(consoleLogin.detail, 'carol on tty2');
  await waitLog(agent, 'connected to the collector');
  assert.equal(await stopAgent(agent), 0);

  // agent_stopped is the last event of a clean stop: once the second one is stored, everything is.
  const events = await waitFor('the second agent_stopped', async () => {
    const all = await hostEvents(base, id);
    return all.filter((e) => e.kind === 'agent_stopped').length === 2 ? all : undefined;
  }, 20_000, agent.logs);
  assert.equal(logins(events, 'bob').length, 1, JSON.stringify(events));
  assert.equal(logins(events, 'carol').length, 1);
  assert.equal(logins(events, 'alice').length, 0, 'a session older than the seal was reported');
  assert.equal(events.filter((e) => e.kind === 'login').length, 2);
});
