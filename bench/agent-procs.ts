// Process plumbing for the agent benchmark: a real `drift-collector serve` on a
// temp SQLite file, a real `drift-agent run`, their log lines, and the
// operator API. Tokens go through the environment (collector) or the flag the
// agent takes (agent), never into a log. The agent's pino lines are parsed as
// they come so the driver can wait for "watching" and "connected to the
// collector" and read the time the agent logged each drift event.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort, stopProcess, waitHealthy } from './ingest-proc.js';

/** dist/bench/x.js -> the project root, where bin/ and bench/results/ live. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// Benchmark-only secrets for throwaway databases.
const ENROLL_TOKEN = 'bench-enroll-token-0123456789';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

export interface Collector {
  readonly child: ChildProcess;
  readonly url: string;
}

/**
 * Starts the collector on a free port and resolves once /healthz answers. Its
 * log (level warn, so it costs nothing per request) goes to `logFile`; at that
 * level it does not print where it listens, hence the port chosen here.
 */
export async function startCollector(db: string, logFile: string): Promise<Collector> {
  const env = { ...process.env, DRIFTWATCH_ENROLL_TOKEN: ENROLL_TOKEN, DRIFTWATCH_ADMIN_TOKEN: ADMIN_TOKEN, DRIFTWATCH_LOG_LEVEL: 'warn' };
  const url = `http://127.0.0.1:${await freePort()}`;
  const logFd = openSync(logFile, 'w');
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'drift-collector.js'), 'serve', '--db', db, '--listen', url.slice('http://'.length)],
    { cwd: PROJECT_ROOT, env, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  try {
    await waitHealthy(url, child);
  } catch (err) {
    await stopProcess(child);
    throw new Error(`${err instanceof Error ? err.message : String(err)} (log: ${logFile})`);
  }
  return { child, url };
}

export interface AgentLine {
  readonly time: number;
  readonly msg: string;
  readonly kind?: string;
  readonly path?: string;
  readonly level: number;
  /** "baseline sealed": how long the seal took, and how many files it holds. */
  readonly ms?: number;
  readonly files?: number;
}

export interface Agent {
  readonly child: ChildProcess;
  /** Every log line, parsed; lines that are not JSON are kept in `raw`. */
  readonly lines: AgentLine[];
  readonly raw: string[];
}

export function startAgent(collectorUrl: string, root: string, stateDir: string, extra: readonly string[] = []): Agent {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'drift-agent.js'), 'run', '--collector', collectorUrl,
    '--enroll-token', ENROLL_TOKEN, '--root', root, '--state-dir', stateDir, ...extra], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: AgentLine[] = [];
  const raw: string[] = [];
  const take = (line: string): void => {
    try {
      lines.push(JSON.parse(line) as AgentLine);
    } catch {
      raw.push(line);
    }
  };
  createInterface({ input: child.stdout! }).on('line', take);
  createInterface({ input: child.stderr! }).on('line', (l) => raw.push(l));
  return { child, lines, raw };
}

/** Resolves with the time (epoch ms, the agent's clock) of the first line with this msg; throws if the agent exits or `timeoutMs` passes. */
export async function waitForLog(agent: Agent, msg: string, timeoutMs: number): Promise<number> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const line = agent.lines.find((l) => l.msg === msg);
    if (line !== undefined) return line.time;
    if (agent.child.exitCode !== null) throw new Error(`agent exited with ${agent.child.exitCode} before "${msg}"\n${tail(agent)}`);
    if (Date.now() > until) throw new Error(`agent did not log "${msg}" within ${timeoutMs / 1000} s\n${tail(agent)}`);
    await sleep(50);
  }
}

/** The last log lines, for error messages. */
export function tail(agent: Agent, n = 15): string {
  return [...agent.lines.slice(-n).map((l) => JSON.stringify(l)), ...agent.raw.slice(-n)].join('\n');
}

/** Warnings and errors the agent logged (pino level >= 40), for the report. */
export function problems(agent: Agent): string[] {
  return agent.lines.filter((l) => l.level >= 40).map((l) => `${l.msg}${l.path === undefined ? '' : ` ${l.path}`}`);
}

export async function api<T>(url: string, path: string): Promise<T> {
  const r = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

export interface ApiEvent {
  readonly seq: number;
  readonly kind: string;
  readonly path?: string;
  readonly changes?: string[];
  readonly received_at: string;
}

/** The only host's id (each run has a fresh collector with one agent). */
export async function onlyHostId(url: string): Promise<string> {
  const { hosts } = await api<{ hosts: Array<{ id: string }> }>(url, '/api/v1/hosts');
  if (hosts.length !== 1) throw new Error(`expected one host at the collector, found ${hosts.length}`);
  return hosts[0]!.id;
}

/** Every event of the host after `afterSeq`, paging 1,000 at a time. */
export async function eventsAfter(url: string, hostId: string, afterSeq: number): Promise<ApiEvent[]> {
  const all: ApiEvent[] = [];
  let after = afterSeq;
  for (;;) {
    const { events } = await api<{ events: ApiEvent[] }>(url, `/api/v1/hosts/${hostId}/events?limit=1000&after_seq=${after}`);
    all.push(...events);
    if (events.length < 1000) return all;
    after = events[events.length - 1]!.seq;
  }
}
