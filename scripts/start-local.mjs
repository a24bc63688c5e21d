// `npm start`: the whole system on this machine. A collector on its embedded
// SQLite, and an agent on this host reporting to it; both logs go to files
// under .driftwatch/, and this prints where to look. Ctrl-C stops the agent
// first (so it can report agent_stopped), then the collector.
//
// Without root the agent watches what this user can read; whatever it cannot
// read is reported as unreadable (a coverage gap), not skipped in silence.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const home = process.env.DRIFTWATCH_HOME ?? join(repo, '.driftwatch');
const listen = process.env.DRIFTWATCH_LISTEN ?? '127.0.0.1:8470';
mkdirSync(home, { recursive: true, mode: 0o700 });

// Tokens are made once and kept (0600), so the agent's enrollment and the operator's token survive restarts.
const tokensFile = join(home, 'tokens.json');
if (!existsSync(tokensFile)) {
  const t = { admin: randomBytes(24).toString('base64url'), enroll: randomBytes(24).toString('base64url') };
  writeFileSync(tokensFile, JSON.stringify(t), { mode: 0o600 });
}
const tokens = JSON.parse(readFileSync(tokensFile, 'utf8'));
const url = `http://${listen}`;
const agentConfig = join(home, 'agent.yaml');
// Seal at once: on a workstation there is no cloud-init run to wait for.
writeFileSync(agentConfig, `collector: ${url}\nroot: /\nstate_dir: ${join(home, 'agent')}\nseal:\n  when: immediate\nrescan_interval: 15m\n`, { mode: 0o600 });

const children = [];
// Whatever happens to this script, its children do not outlive it.
process.on('exit', () => { for (const c of children) if (c.exitCode === null) c.kill('SIGTERM'); });

function start(name, args, env = {}) {
  const log = createWriteStream(join(home, `${name}.log`), { flags: 'a', mode: 0o600 });
  // A process group of its own: Ctrl-C reaches this script only, which stops the agent first (so
  // its agent_stopped reaches the collector), then the collector.
  const child = spawn(process.execPath, [join(repo, 'bin', `drift-${name}.js`), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, detached: true,
  });
  children.push(child);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

const collector = start('collector', ['serve', '--db', join(home, 'collector.db'), '--listen', listen,
  '--admin-token', tokens.admin, '--enroll-token', tokens.enroll]);
await new Promise((resolve, reject) => {
  collector.once('exit', (code) => reject(new Error(`the collector exited (${code}): see ${join(home, 'collector.log')}`)));
  collector.stdout.on('data', (d) => { if (String(d).includes('listening at')) resolve(); });
});
const agent = start('agent', ['run', '--config', agentConfig, '--enroll-token', tokens.enroll]);
const root = process.getuid?.() === 0;

console.log(`driftwatch is running on this machine.

  collector API   ${url}/api/v1/hosts
  operator token  ${tokens.admin}   (admin; also in ${tokensFile})
  try             curl -s -H 'authorization: Bearer ${tokens.admin}' ${url}/api/v1/hosts
  logs            ${join(home, 'collector.log')}, ${join(home, 'agent.log')}
  agent status    npx drift-agent status --state-dir ${join(home, 'agent')}
${root ? '' : `
  Not running as root: the agent fingerprints and watches what this user can
  read; files it cannot read are reported as unreadable (coverage gaps).
`}
The first baseline of / takes a while (it hashes every file under the default
paths). Ctrl-C stops both.`);

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  agent.once('exit', () => collector.kill('SIGTERM'));
  if (agent.exitCode === null) agent.kill('SIGTERM');
  else collector.kill('SIGTERM');
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
agent.on('exit', (code) => {
  if (!stopping) {
    console.error(`the agent exited (${code}): see ${join(home, 'agent.log')}`);
    stop();
  }
});
collector.on('exit', (code) => {
  if (!stopping) console.error(`the collector exited (${code}): see ${join(home, 'collector.log')}`);
  process.exitCode = stopping ? 0 : 1;
  if (agent.exitCode === null) agent.kill('SIGTERM');
});
