// The overview's chart of drift events over time: stacked bars per time
// bucket and verdict, as inline SVG rendered on the server (no chart library,
// no script). Colours come from the stylesheet by class.
import { html, type SafeHtml } from '../html.js';
import type { HistogramCell } from '../../store/dashboard-store.js';

/** Stacked bottom to top; '' is an event stored before there was a policy. */
const VERDICTS = ['terminate', 'alert', 'flag', 'ignore', ''] as const;
const W = 720;
const H = 180;
const PAD_LEFT = 36;
const PAD_BOTTOM = 22;

/** A round axis top at or above `max` (1, 2, 5 × 10^n). */
function axisTop(max: number): number {
  if (max <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

export function driftChart(cells: readonly HistogramCell[], since: Date, bucketMs: number, buckets: number): SafeHtml {
  const counts = Array.from({ length: buckets }, () => new Map<string, number>());
  for (const c of cells) {
    const i = Math.floor((c.bucket - since.getTime()) / bucketMs);
    const verdict = (VERDICTS as readonly string[]).includes(c.verdict) ? c.verdict : '';
    if (i >= 0 && i < buckets) counts[i]!.set(verdict, (counts[i]!.get(verdict) ?? 0) + c.count);
  }
  const totals = counts.map((m) => [...m.values()].reduce((a, b) => a + b, 0));
  const top = axisTop(Math.max(0, ...totals));
  const plotH = H - PAD_BOTTOM - 8;
  const barW = (W - PAD_LEFT) / buckets;
  const y = (v: number): number => 8 + plotH - (v / top) * plotH;
  const bars = counts.map((m, i) => {
    let base = 0;
    const x = (PAD_LEFT + i * barW + 1).toFixed(1);
    const start = new Date(since.getTime() + i * bucketMs).toISOString().slice(11, 16);
    return VERDICTS.filter((v) => (m.get(v) ?? 0) > 0).map((v) => {
      const n = m.get(v)!;
      const r = html`<rect class="v-${v === '' ? 'none' : v}" x="${x}" y="${y(base + n).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(y(base) - y(base + n)).toFixed(1)}"><title>${start}Z: ${n} ${v === '' ? 'without verdict' : v}</title></rect>`;
      base += n;
      return r;
    });
  });
  const ticks = Array.from({ length: buckets }, (_, i) => i).filter((i) => i % 3 === 0).map((i) => {
    const label = new Date(since.getTime() + i * bucketMs).toISOString().slice(11, 16);
    return html`<text x="${(PAD_LEFT + i * barW).toFixed(1)}" y="${H - 6}">${label}</text>`;
  });
  const total = totals.reduce((a, b) => a + b, 0);
  return html`<figure class="chart"><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${total} drift events in the last ${buckets} hours, by verdict">
<line class="axis" x1="${PAD_LEFT}" y1="${y(0)}" x2="${W}" y2="${y(0)}"></line><line class="grid" x1="${PAD_LEFT}" y1="${y(top)}" x2="${W}" y2="${y(top)}"></line>
<text x="0" y="${y(top) + 4}">${top}</text><text x="0" y="${y(0)}">0</text>${bars}${ticks}</svg>
<figcaption>${VERDICTS.map((v) => html`<span class="key v-${v === '' ? 'none' : v}">${v === '' ? 'no verdict' : v}</span> `)} · ${total} events, UTC hours</figcaption></figure>`;
}
