// Reads a V8 .cpuprofile (written by `node --cpu-prof`, which ingest-bench
// passes to the collector with --cpu-prof) and lists the functions with the
// most self time, so a missed target comes with a first idea of where the
// collector's core goes, without opening DevTools.
//   node dist/bench/ingest-cpuprofile.js FILE.cpuprofile [N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly where: string;
  readonly ms: number;
  readonly share: number;
}

/** Where a frame lives, shortened: node_modules/<pkg>/..., the project's dist/ path, or node:internal. */
function shortUrl(url: string, line: number): string {
  if (url === '') return '';
  const nm = url.lastIndexOf('node_modules/');
  const dist = url.indexOf('/dist/');
  const path = nm >= 0 ? url.slice(nm + 'node_modules/'.length) : dist >= 0 ? url.slice(dist + 1) : url.replace(/^file:\/\//, '');
  return `${path}:${line + 1}`;
}

/**
 * Self time per function (same name and source line), largest first; idle
 * time is left out of the shares. `window` keeps only samples taken between
 * those offsets (ms since the profile started), e.g. one benchmark phase.
 */
export function topSelfTime(file: string, n = 20, window?: { fromMs: number; toMs: number }): { total: number; idleMs: number; top: SelfTime[] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map<number, number>();
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    // timeDeltas[i] is the time between sample i-1 and sample i (µs): charge it to sample i's node.
    const dt = p.timeDeltas[i] ?? 0;
    at += dt;
    const ms = (at - p.startTime) / 1000;
    if (window === undefined || (ms >= window.fromMs && ms <= window.toMs)) byNode.set(id, (byNode.get(id) ?? 0) + dt);
  });
  const byFunction = new Map<string, { name: string; where: string; us: number }>();
  let idleUs = 0;
  let totalUs = 0;
  for (const node of p.nodes) {
    const us = byNode.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    totalUs += us;
    const where = shortUrl(url, lineNumber);
    const key = `${functionName}\u0000${where}`;
    const entry = byFunction.get(key) ?? { name: functionName === '' ? '(anonymous)' : functionName, where, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const top = [...byFunction.values()].sort((x, y) => y.us - x.us).slice(0, n)
    .map((e) => ({ name: e.name, where: e.where, ms: e.us / 1000, share: totalUs === 0 ? 0 : e.us / totalUs }));
  return { total: totalUs / 1000, idleMs: idleUs / 1000, top };
}

export function renderTop(r: ReturnType<typeof topSelfTime>): string {
  const lines = [`busy ${(r.total / 1000).toFixed(1)} s, idle ${(r.idleMs / 1000).toFixed(1)} s; top self time (share of busy):`];
  for (const e of r.top) lines.push(`${(e.share * 100).toFixed(1).padStart(6)}%  ${e.ms.toFixed(0).padStart(7)} ms  ${e.name}  ${e.where}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, n] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: node dist/bench/ingest-cpuprofile.js FILE.cpuprofile [N]');
    process.exit(2);
  }
  console.log(renderTop(topSelfTime(file, n === undefined ? 20 : Number(n))));
}
