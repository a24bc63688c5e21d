// npm run bench:dashboard: how fast the dashboard's pages render for a fleet
// of 1,000 hosts (the target: first render under 300 ms), measured
// over real HTTP against a real `drift-collector serve` process, beside the
// JSON API's GET /api/v1/hosts of the same fleet in the same run; then, when
// Debian's chromium is installed, the browser's first contentful paint.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fillFleet } from './dashboard-fleet.js';
import { freePort, waitHealthy } from './ingest-proc.js';

const ADMIN = 'bench-admin-token-0123456789';
const ENROLL = 'bench-enroll-token-0123456789';
const CHROMIUM = '/usr/bin/chromium';
const TARGET_MS = 300;
const REPO = new URL('../../', import.meta.url).pathname;

interface Row { name: string; url: string; api: boolean; ms: number[]; bytes: number; fcp: number[] }

async function startCollector(db: string): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO, 'bin/drift-collector.js'), 'serve', '--db', db, '--listen', `127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DRIFTWATCH_ADMIN_TOKEN: ADMIN, DRIFTWATCH_ENROLL_TOKEN: ENROLL, DRIFTWATCH_LOG_LEVEL: 'warn' } });
  const base = `http://127.0.0.1:${port}`;
  await waitHealthy(base, child, 30_000);
  return { child, base };
}

async function signIn(base: string): Promise<string> {
  const page = await fetch(`${base}/ui/sign-in`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const r = await fetch(`${base}/ui/sign-in`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ _csrf: csrf, token: ADMIN }),
    headers: { cookie: `dw_signin=${csrf}`, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const id = /dw_session=([^;]+)/.exec(r.headers.getSetCookie().join('\n'));
  if (r.status !== 303 || id === null) throw new Error(`sign-in failed: ${r.status}`);
  return id[1]!;
}

/** Wall time from sending the request to the last byte of the body. */
async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const r = await fetch(url, { headers });
  const body = await r.arrayBuffer();
  const ms = performance.now() - t0;
  if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
  return { ms, bytes: body.byteLength };
}

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};
const median = (xs: number[]): number => pct(xs, 0.5);
const f = (n: number): string => (Number.isNaN(n) ? 'n/a' : n.toFixed(1));

async function browserPaints(base: string, session: string, rows: Row[], runs: number): Promise<string | undefined> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is absent: no first contentful paint`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ extraHTTPHeaders: {} });
    await context.addCookies([{ name: 'dw_session', value: session, url: `${base}/ui` }]);
    for (const row of rows) {
      // The API needs a bearer token, which a browser navigation cannot send: its row has no paint.
      if (row.api) continue;
      const page = await context.newPage();
      for (let i = 0; i < runs + 1; i++) {
        await page.goto(`${base}${row.url}`, { waitUntil: 'load' });
        // The paint entry may come after "load": wait for it (buffered), at most 5 s.
        const fcp = await page.evaluate(`new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const e = list.getEntries().find((x) => x.name === 'first-contentful-paint');
            if (e) resolve(e.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 5000);
        })`) as number | null;
        if (i > 0 && fcp !== null) row.fcp.push(fcp); // the first visit warms the browser's caches
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return undefined;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: {
    hosts: { type: 'string', default: '1000' }, runs: { type: 'string', default: '30' }, 'browser-runs': { type: 'string', default: '5' },
    'skip-browser': { type: 'boolean', default: false },
  } });
  const hosts = Number(values.hosts);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'dw-dash-bench-'));
  const db = join(dir, 'collector.db');
  const filled = await fillFleet(db, { hosts, eventsPerHost: 12, driftEvery: 3 });
  console.log(`fleet: ${hosts} hosts, ${filled.drifted} drifted, ${filled.events} events in the last 24 h`);
  const { child, base } = await startCollector(db);
  try {
    const session = await signIn(base);
    const drifted = (await (await fetch(`${base}/api/v1/hosts?state=drifted`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { hosts: Array<{ id: string }> };
    const rows: Row[] = [
      { name: 'overview', url: '/ui', api: false, ms: [], bytes: 0, fcp: [] },
      { name: 'host list', url: '/ui/hosts', api: false, ms: [], bytes: 0, fcp: [] },
      { name: 'host list, drifted, search', url: '/ui/hosts?state=drifted&q=web-0', api: false, ms: [], bytes: 0, fcp: [] },
      { name: 'host page', url: `/ui/hosts/${drifted.hosts[0]!.id}`, api: false, ms: [], bytes: 0, fcp: [] },
      { name: 'approvals', url: '/ui/approvals', api: false, ms: [], bytes: 0, fcp: [] },
      { name: 'peer: GET /api/v1/hosts', url: '/api/v1/hosts', api: true, ms: [], bytes: 0, fcp: [] },
    ];
    const headers = (row: Row): Record<string, string> => (row.api ? { authorization: `Bearer ${ADMIN}` } : { cookie: `dw_session=${session}` });
    // The very first request of each: a cold collector (statements prepared, code compiled), shown apart.
    const first = new Map<string, number>();
    for (const row of rows) first.set(row.name, (await timed(`${base}${row.url}`, headers(row))).ms);
    for (let i = 0; i < 3; i++) for (const row of rows) await timed(`${base}${row.url}`, headers(row));
    // Interleaved rounds: background noise spreads over every row instead of one.
    for (let i = 0; i < runs; i++) {
      for (const row of rows) {
        const r = await timed(`${base}${row.url}`, headers(row));
        row.ms.push(r.ms);
        row.bytes = r.bytes;
      }
    }
    const skipped = values['skip-browser'] ? 'skipped (--skip-browser)' : await browserPaints(base, session, rows, Number(values['browser-runs']));
    console.log(`\n${runs} rounds, server time over HTTP (request sent -> last byte), ms; FCP: chromium's first contentful paint, ms`);
    console.log(['page'.padEnd(30), 'first', 'median', 'p95', 'max', 'KB', 'FCP median'].join('\t'));
    for (const r of rows) {
      console.log([r.name.padEnd(30), f(first.get(r.name)!), f(median(r.ms)), f(pct(r.ms, 0.95)), f(Math.max(...r.ms)), (r.bytes / 1024).toFixed(1),
        r.api ? 'n/a' : f(median(r.fcp))].join('\t'));
    }
    if (skipped !== undefined) console.log(`FCP: ${skipped}`);
    const peer = median(rows.at(-1)!.ms);
    for (const r of rows.slice(0, 2)) {
      const worst = Math.max(median(r.ms), pct(r.ms, 0.95), Number.isNaN(median(r.fcp)) ? 0 : median(r.fcp));
      console.log(`${r.name}: p95 ${f(pct(r.ms, 0.95))} ms, FCP ${f(median(r.fcp))} ms, ${(median(r.ms) / peer).toFixed(2)}x the API peer -> ${worst < TARGET_MS ? 'PASS' : 'FAIL'} (target < ${TARGET_MS} ms)`);
    }
    const out = join(REPO, 'bench/results');
    mkdirSync(out, { recursive: true });
    const file = join(out, `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ hosts, runs, filled, first: Object.fromEntries(first), rows }, null, 2));
    console.log(`\nresults: ${file}`);
    return 0;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(1);
});
