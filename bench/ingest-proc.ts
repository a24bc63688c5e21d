// Process plumbing for the ingest benchmark: a free port, waiting for the
// collector to answer, sampling its RSS and CPU time from /proc, and stopping
// it. /proc is read directly (not `ps`) so sampling once a second costs a few
// microseconds of the benchmark process's own CPU, not a fork.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A port that was free a moment ago. The collector is started at once, so losing it to another process is unlikely; the health check would notice. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const addr = srv.address();
  srv.close();
  if (addr === null || typeof addr === 'string') throw new Error('could not get a free port');
  return addr.port;
}

function healthz(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

/** Resolves once GET /healthz answers 200; throws if the process exits first or after `timeoutMs`. */
export async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`collector exited with code ${child.exitCode} before answering`);
    if ((await healthz(url)) === 200) return;
    await sleep(100);
  }
  throw new Error(`collector did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

export interface ProcSample {
  /** Epoch ms, comparable with the load generator's phase times (same clock, same machine). */
  readonly t: number;
  readonly rssKb: number;
  /** The anonymous part of RSS (heap, malloc); the rest is mostly the mapped node binary and libraries. */
  readonly anonKb: number;
  /** utime + stime in seconds. */
  readonly cpuS: number;
}

// USER_HZ: /proc/PID/stat counts CPU time in 1/100 s on every Linux architecture.
const USER_HZ = 100;

export function readProc(pid: number): ProcSample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
    const anon = /^RssAnon:\s+(\d+) kB/m.exec(status);
    // Fields after the ")" that closes the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (rss === null) return null; // a zombie has no VmRSS
    return { t: Date.now(), rssKb: Number(rss[1]), anonKb: Number(anon?.[1] ?? NaN), cpuS: (Number(fields[11]) + Number(fields[12])) / USER_HZ };
  } catch {
    return null; // the process is gone
  }
}

/** Samples `pid` every `intervalMs` until stop() is called. */
export function sampleProc(pid: number, intervalMs = 1000): { samples: ProcSample[]; stop: () => void } {
  const samples: ProcSample[] = [];
  const take = (): void => {
    const s = readProc(pid);
    if (s !== null) samples.push(s);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return { samples, stop: () => clearInterval(timer) };
}

/** SIGTERM (the collector closes its server and database), SIGKILL after `graceMs`. Resolves with the exit code or signal. */
export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<string> {
  if (child.exitCode !== null || child.signalCode !== null) return String(child.exitCode ?? child.signalCode);
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  clearTimeout(killer);
  return String(code ?? signal);
}

/** Whole stdout of a child, as a string, once it exits; rejects on a non-zero exit. */
export async function collectStdout(child: ChildProcess, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => chunks.push(c));
  // 'close', not 'exit': only then has all of stdout been read.
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new Error(`${what} exited with ${code ?? signal}`);
  return Buffer.concat(chunks).toString('utf8');
}
