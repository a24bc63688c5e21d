// Runs `drift-agent run` as a real process against a collector, and reads
// what reached the collector through its operator API.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN } from './fake-agent.js';

export interface AgentProcess {
  child: ChildProcess;
  logs: string[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

const started = new Set<AgentProcess>();

/** `as`: run as this user and group (a test running as root, meeting what another user cannot read). */
export function startAgent(base: string, root: string, stateDir: string, extra: string[] = [], as?: { uid: number; gid: number }): AgentProcess {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/drift-agent.js'), 'run', '--collector', base, '--enroll-token', ENROLL_TOKEN,
    '--root', root, '--state-dir', stateDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'], ...as });
  const logs: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => logs.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => logs.push(line));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const agent = { child, logs, exited };
  started.add(agent);
  void exited.then(() => started.delete(agent));
  return agent;
}

/** For after(): stops every agent still running (a failed test must not leave one watching, or hang the run). */
export async function stopAllAgents(): Promise<void> {
  await Promise.all([...started].map(async (a) => {
    a.child.kill('SIGTERM');
    const killer = setTimeout(() => a.child.kill('SIGKILL'), 10_000);
    await a.exited;
    clearTimeout(killer);
  }));
}

export async function stopAgent(agent: AgentProcess): Promise<number | null> {
  if (agent.child.exitCode === null) agent.child.kill('SIGTERM');
  return agent.exited;
}

export async function api<T>(base: string, path: string): Promise<T> {
  const r = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Polls `probe` until it returns a value, or fails after `ms` with `what` and the logs. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000, logs: string[] = []): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${logs.slice(-30).join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ApiEvent { seq: number; kind: string; path?: string; changes?: string[]; detail?: string; recorded_by?: string }
export interface ApiHost { id: string; hostname: string; state: string; baseline_root: string; acked_seq: number }
