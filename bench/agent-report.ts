// The agent benchmark's printed tables and verdicts against the issue's
// targets. The targets live here, in one place.
import type { LatencyResult } from './agent-latency.js';
import type { Footprint, SteadyResult } from './agent-steady.js';
import type { LatencySummary } from './ingest-stats.js';

export const TARGETS = { p50Ms: 50, p99Ms: 250, minMutations: 200, rssMb: 100, cpuPct: 0.5 } as const;

type Status = 'PASS' | 'FAIL' | 'info' | 'n/a';

export interface Verdict {
  readonly label: string;
  readonly value: string;
  readonly target: string;
  readonly status: Status;
  readonly note?: string;
}

const v = (label: string, value: string, target: string, status: Status, note?: string): Verdict =>
  note === undefined ? { label, value, target, status } : { label, value, target, status, note };
const pass = (ok: boolean): Status => (ok ? 'PASS' : 'FAIL');
const ms = (x: number): string => `${x.toFixed(1)} ms`;

export function latencyVerdicts(r: LatencyResult): Verdict[] {
  const n = r.samples.length;
  const few = n < TARGETS.minMutations ? `only ${n} mutations; the target is over at least ${TARGETS.minMutations}` : undefined;
  const e = r.e2e;
  const out = [
    v('e2e latency p50 (write -> stored)', ms(e.p50Ms), `<= ${TARGETS.p50Ms} ms`, e.count === 0 ? 'n/a' : pass(e.p50Ms <= TARGETS.p50Ms), few),
    v('e2e latency p99', ms(e.p99Ms), `<= ${TARGETS.p99Ms} ms`, e.count === 0 ? 'n/a' : pass(e.p99Ms <= TARGETS.p99Ms), few),
    v('mutations with no event', String(r.missing.length), '= 0', pass(r.missing.length === 0)),
  ];
  if (r.peer.count > 0) {
    out.push(v('fs.watch floor p50 / p99 (peer)', `${ms(r.peer.p50Ms)} / ${ms(r.peer.p99Ms)}`, 'context', 'info'));
    out.push(v('pipeline above the floor, p50', `+${ms(e.p50Ms - r.peer.p50Ms)}`, 'context', 'info', `${(e.p50Ms / Math.max(r.peer.p50Ms, 0.001)).toFixed(0)}x the floor`));
  }
  out.push(v('AIDE', 'next cron run', 'context', 'info', 'daily cron by default: up to 24 h'));
  out.push(v('osquery', 'next scheduled query', 'context', 'info', 'interval 300 s by default: ~150 s on average, up to 300 s'));
  return out;
}

export function steadyVerdicts(r: SteadyResult): Verdict[] {
  const a = r.agent;
  const out = [
    v('agent RSS, max over the window', `${a.rssMaxMb.toFixed(1)} MB`, `<= ${TARGETS.rssMb} MB`, pass(a.rssMaxMb <= TARGETS.rssMb), `median ${a.rssMedianMb.toFixed(1)} MB`),
    v('agent idle CPU over the window', `${a.cpuPct.toFixed(2)} %`, `<= ${TARGETS.cpuPct} %`, pass(a.cpuPct <= TARGETS.cpuPct)),
  ];
  const p = r.peer;
  if (p !== null) {
    out.push(v('chokidar alone / agent, RSS (median)', `${(p.rssMedianMb / a.rssMedianMb).toFixed(1)}x`, 'context', 'info', `chokidar ${p.rssMedianMb.toFixed(1)} MB`));
    const cpu = a.cpuPct > 0 && p.cpuPct > 0 ? `${(p.cpuPct / a.cpuPct).toFixed(1)}x` : 'n/a';
    out.push(v('chokidar alone / agent, idle CPU', cpu, 'context', 'info', `chokidar ${p.cpuPct.toFixed(2)} %`));
  }
  return out;
}

export function renderVerdicts(vs: readonly Verdict[]): string {
  const rows = [`${'target'.padEnd(40)}${'value'.padStart(22)}${'target'.padStart(14)}   result`];
  for (const x of vs) rows.push(`${x.label.padEnd(40)}${x.value.padStart(22)}${x.target.padStart(14)}   ${x.status}${x.note === undefined ? '' : `   (${x.note})`}`);
  return rows.join('\n');
}

function latencyRow(label: string, s: LatencySummary): string {
  const f = (x: number): string => x.toFixed(1).padStart(9);
  return `${label.padEnd(34)}${String(s.count).padStart(6)}${f(s.p50Ms)}${f(s.p90Ms)}${f(s.p99Ms)}${f(s.maxMs)}`;
}

export function renderLatency(r: LatencyResult): string {
  const rows = [`${'latency, ms'.padEnd(34)}${'n'.padStart(6)}${'p50'.padStart(9)}${'p90'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}`];
  rows.push(latencyRow('write -> stored at the collector', r.e2e));
  rows.push(latencyRow('write -> agent logged it (outbox)', r.detect));
  rows.push(latencyRow('agent logged it -> stored', r.deliver));
  rows.push(latencyRow('write -> bare fs.watch peer', r.peer));
  for (const [k, s] of Object.entries(r.byKind)) rows.push(latencyRow(`  e2e, ${k}`, s));
  for (const [k, s] of Object.entries(r.byArea)) rows.push(latencyRow(`  e2e, /${k} (${k === 'etc' ? 'chokidar' : 'fs.watch per dir'})`, s));
  const lines = [rows.join('\n')];
  if (r.missing.length > 0) lines.push(`\nNO EVENT for ${r.missing.length} mutation(s): ${r.missing.slice(0, 20).map((m) => `#${m.i} ${m.kind} ${m.path}`).join(', ')}`);
  const wrong = r.samples.filter((s) => s.wrongChanges !== undefined);
  if (wrong.length > 0) lines.push(`\nfile_changed without the expected change for ${wrong.length}: ${wrong.slice(0, 10).map((s) => `#${s.i} ${s.kind} ${s.path} [${s.wrongChanges?.join(',')}]`).join(', ')}`);
  if (r.peerErrors.length > 0) lines.push(`\nthe fs.watch peer's watchers failed: ${r.peerErrors.slice(0, 5).join(' | ')}`);
  if (r.peerMissing > 0) lines.push(`\nthe fs.watch peer was not told about ${r.peerMissing} mutation(s)`);
  if (r.extras.length > 0) lines.push(`\n${r.extras.length} event(s) matching no mutation: ${r.extras.slice(0, 10).map((e) => `#${e.seq} ${e.kind} ${e.path ?? ''}`).join(', ')}`);
  if (r.agentProblems.length > 0) lines.push(`\nagent warnings/errors: ${r.agentProblems.slice(0, 10).join(' | ')}`);
  return lines.join('');
}

function footprintRow(f: Footprint): string {
  const n = (x: number, d = 1): string => x.toFixed(d).padStart(10);
  const end = (f.samples.at(-1)?.rssKb ?? NaN) / 1024;
  return `${f.contender.padEnd(14)}${n(f.readyS)} s${n(f.rssMedianMb)} MB${n(f.anonMedianMb)} MB${n(f.rssMaxMb)} MB${n(end)} MB${n(f.cpuPct, 2)} %${String(f.maxChildren).padStart(10)}`;
}

export function renderSteady(r: SteadyResult): string {
  const rows = [`${'contender'.padEnd(14)}${'ready'.padStart(12)}${'RSS median'.padStart(13)}${'anon median'.padStart(13)}${'RSS max'.padStart(13)}${'RSS end'.padStart(13)}${'CPU'.padStart(12)}${'children'.padStart(10)}`];
  rows.push(footprintRow(r.agent));
  if (r.peer !== null) rows.push(footprintRow(r.peer));
  const notes = [`seal: ${r.sealedFiles ?? '?'} files in ${r.sealMs === null ? '?' : (r.sealMs / 1000).toFixed(1)} s (part of the agent's "ready"); drift events during the window: ${r.driftInWindow}`];
  if (r.agentProblems.length > 0) notes.push(`agent warnings/errors: ${r.agentProblems.slice(0, 10).join(' | ')}`);
  return `${rows.join('\n')}\n${notes.join('\n')}`;
}
