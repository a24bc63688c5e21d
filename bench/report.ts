// Turns the raw samples into the ratios, the printed table and the
// JSON record. Kept apart from scan-bench.ts so the targets live in one place.
import type { TimedSample } from './run-timed.js';
import { median } from './run-timed.js';

export type MeasurementKey =
  | 'opensslSha256'
  | 'statWalk'
  | 'opensslMd5Dpkg'
  | 'aideInit'
  | 'aideCheck'
  | 'scan'
  | 'check'
  | 'checkQuick';

export interface Measurement {
  readonly key: MeasurementKey;
  readonly label: string;
  /** The command line as a person would type it (for the JSON and README). */
  readonly command: string;
  readonly samples: TimedSample[];
  /** Set when the command failed or was skipped; the row then has no numbers. */
  problem?: string;
}

export interface Summary {
  readonly medianWallS: number;
  readonly medianPeakRssMb: number;
}

// MB here = GNU time's KiB / 1024, matching how the "AIDE: 91 MB" was read.
export function summarize(m: Measurement): Summary | null {
  if (m.samples.length === 0 || m.problem !== undefined) return null;
  return {
    medianWallS: median(m.samples.map((s) => s.wallS)),
    medianPeakRssMb: median(m.samples.map((s) => s.peakRssKb)) / 1024,
  };
}

type Status = 'PASS' | 'FAIL' | 'info' | 'n/a';

export interface Verdict {
  readonly label: string;
  readonly value: number | null;
  readonly unit: 'x' | 'MB';
  readonly target: string;
  readonly status: Status;
  readonly note?: string;
}

interface Target {
  readonly op: '<=' | '>=';
  readonly limit: number;
}

function verdict(label: string, value: number | null, unit: Verdict['unit'], target: Target | null, note?: string): Verdict {
  const targetText = target ? `${target.op} ${target.limit}` : 'context';
  let status: Status;
  if (value === null) status = 'n/a';
  else if (target === null) status = 'info';
  else status = (target.op === '<=' ? value <= target.limit : value >= target.limit) ? 'PASS' : 'FAIL';
  return note === undefined ? { label, value, unit, target: targetText, status } : { label, value, unit, target: targetText, status, note };
}

/** The ratios and limits from the issue, in the order it lists them. */
export function verdicts(byKey: ReadonlyMap<MeasurementKey, Summary | null>): Verdict[] {
  const wall = (k: MeasurementKey): number | null => byKey.get(k)?.medianWallS ?? null;
  const rss = (k: MeasurementKey): number | null => byKey.get(k)?.medianPeakRssMb ?? null;
  const ratio = (a: number | null, b: number | null): number | null => (a === null || b === null || b === 0 ? null : a / b);
  const sum = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

  const aideRss = [rss('aideInit'), rss('aideCheck')];
  const aideNote = aideRss.some((r) => r !== null)
    ? `AIDE --init ${fmtNum(aideRss[0] ?? null, 1)} MB, --check ${fmtNum(aideRss[1] ?? null, 1)} MB`
    : undefined;

  return [
    verdict('scan / openssl sha256 floor', ratio(wall('scan'), wall('opensslSha256')), 'x', { op: '<=', limit: 1.25 }),
    verdict('scan / (sha256 floor + md5 floor)', ratio(wall('scan'), sum(wall('opensslSha256'), wall('opensslMd5Dpkg'))), 'x', null),
    verdict('AIDE --init / scan', ratio(wall('aideInit'), wall('scan')), 'x', null),
    verdict('AIDE --check / check', ratio(wall('aideCheck'), wall('check')), 'x', { op: '>=', limit: 8 }),
    verdict('check --quick / stat walk', ratio(wall('checkQuick'), wall('statWalk')), 'x', { op: '<=', limit: 2 }),
    verdict('scan peak RSS', rss('scan'), 'MB', { op: '<=', limit: 150 }, aideNote),
  ];
}

function fmtNum(v: number | null, digits: number): string {
  return v === null ? '-' : v.toFixed(digits);
}

const pad = (s: string, w: number): string => s.padEnd(w);
const lpad = (s: string, w: number): string => s.padStart(w);

export function renderMeasurements(measurements: readonly Measurement[]): string {
  const rows = [`${pad('command', 44)}${lpad('median s', 10)}${lpad('peak RSS MB', 13)}   samples (s)`];
  for (const m of measurements) {
    const s = summarize(m);
    if (s === null) {
      rows.push(`${pad(m.label, 44)}${lpad('-', 10)}${lpad('-', 13)}   ${m.problem ?? 'not run'}`);
      continue;
    }
    const samples = m.samples.map((x) => x.wallS.toFixed(2)).join(' ');
    rows.push(`${pad(m.label, 44)}${lpad(s.medianWallS.toFixed(3), 10)}${lpad(s.medianPeakRssMb.toFixed(1), 13)}   ${samples}`);
  }
  return rows.join('\n');
}

export function renderVerdicts(vs: readonly Verdict[]): string {
  const rows = [`${pad('ratio / limit', 44)}${lpad('value', 10)}${lpad('target', 13)}   result`];
  for (const v of vs) {
    const value = v.value === null ? '-' : v.unit === 'x' ? `${v.value.toFixed(2)}x` : `${v.value.toFixed(1)} MB`;
    const target = v.target === 'context' ? 'context' : `${v.target}${v.unit === 'x' ? 'x' : ' MB'}`;
    const note = v.note === undefined ? '' : `   (${v.note})`;
    rows.push(`${pad(v.label, 44)}${lpad(value, 10)}${lpad(target, 13)}   ${v.status}${note}`);
  }
  return rows.join('\n');
}

export function fmtBytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}
