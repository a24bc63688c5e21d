// The fleet overview: hosts by state, drift over the last 24 hours, the
// latest drift, image groups with their outliers, pending approvals. Each
// section names the topics that change it (data-live), for the live updates.
import type { ImageGroup } from '../../api/image-groups.js';
import type { FleetEvent, HistogramCell } from '../../store/dashboard-store.js';
import type { HostState } from '../../store/store.js';
import { html, type SafeHtml } from '../html.js';
import { driftChart } from './drift-chart.js';
import { badge, eventSubject, eventUrl, hostLink, time } from './format.js';
import { page, type PageContext } from './layout.js';

export interface OverviewData {
  states: Record<HostState, number>;
  groups: ImageGroup[];
  hostnames: Map<string, string>;
  histogram: { cells: HistogramCell[]; since: Date; bucketMs: number; buckets: number };
  latest: FleetEvent[];
  /** Terminations pending approval (capped: `pendingMore` when there are more). */
  pending: number;
  pendingMore: boolean;
}

const STATE_ORDER: readonly HostState[] = ['drifted', 'terminating', 'silent', 'pending', 'clean', 'terminated'];

function states(d: OverviewData): SafeHtml {
  const total = Object.values(d.states).reduce((a, b) => a + b, 0);
  return html`<section id="states" data-live="hosts"><h2>Hosts <span class="muted">${total}</span></h2><ul class="tiles">
${STATE_ORDER.map((s) => html`<li><a href="/ui/hosts?state=${s}">${badge('state', s)}<strong>${d.states[s]}</strong></a></li>`)}</ul></section>`;
}

function approvals(d: OverviewData): SafeHtml {
  const n = d.pendingMore ? `${d.pending}+` : String(d.pending);
  return html`<section id="pending" data-live="terminations"><h2>Approvals</h2>
<p><a href="/ui/approvals"><strong class="${d.pending > 0 ? 'attention' : ''}">${n}</strong> termination${d.pending === 1 ? '' : 's'} pending approval</a></p></section>`;
}

function latest(d: OverviewData): SafeHtml {
  const rows = d.latest.map(({ event: e, hostname }) => html`<tr><td>${time(e.receivedAt)}</td><td>${hostLink(e.hostId, hostname)}</td>
<td>${e.kind}</td><td class="path"><a href="${eventUrl(e.hostId, e.seq)}">${eventSubject(e.kind, e.path, e.payload)}</a></td>
<td>${badge('verdict', e.verdict?.verdict ?? '')}</td><td>${e.verdict?.rule ?? ''}</td></tr>`);
  return html`<section id="latest" data-live="events"><h2>Latest drift</h2>${rows.length === 0 ? html`<p class="muted">No events yet.</p>` : html`
<table><thead><tr><th>received</th><th>host</th><th>kind</th><th>what</th><th>verdict</th><th>rule</th></tr></thead><tbody>${rows}</tbody></table>`}</section>`;
}

function groups(d: OverviewData): SafeHtml {
  const rows = d.groups.map((g) => html`<tr><td><a href="/ui/hosts?image=${encodeURIComponent(g.imageId)}">${g.imageId}</a></td><td>${g.hosts}</td><td>${g.sealed}</td>
<td class="hash">${g.majorityRoot === null ? html`<span class="muted">no majority</span>` : g.majorityRoot.slice(0, 16)}</td>
<td>${g.outliers.length === 0 ? html`<span class="muted">none</span>` : g.outliers.slice(0, 20).map((id) => html`${hostLink(id, d.hostnames.get(id) ?? '')} `)}${g.outliers.length > 20 ? html`… ${g.outliers.length - 20} more` : ''}</td></tr>`);
  return html`<section id="groups" data-live="hosts"><h2>Image groups</h2>${rows.length === 0 ? html`<p class="muted">No hosts with an image id.</p>` : html`
<table><thead><tr><th>image</th><th>hosts</th><th>sealed</th><th>majority root</th><th>outliers</th></tr></thead><tbody>${rows}</tbody></table>`}</section>`;
}

export function overviewPage(ctx: PageContext, d: OverviewData): SafeHtml {
  const h = d.histogram;
  return page('Overview', ctx, html`<h1>Fleet overview</h1><div class="row">${states(d)}${approvals(d)}</div>
<section id="chart" data-live="events"><h2>Drift events, last 24 hours</h2>${driftChart(h.cells, h.since, h.bucketMs, h.buckets)}</section>
${latest(d)}${groups(d)}`);
}
