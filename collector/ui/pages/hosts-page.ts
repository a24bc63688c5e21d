// The host list: filters (state, image, label), search (hostname or id
// prefix), one page of hosts with their termination in flight, and a pager.
// The filters are a GET form, so a filtered list is a link one can share.
import type { HostPage, HostPageQuery } from '../../store/dashboard-store.js';
import type { TerminationRecord } from '../../store/response-store.js';
import type { HostState } from '../../store/store.js';
import { html, type SafeHtml } from '../html.js';
import { badge, hostLink, labels, time } from './format.js';
import { page, type PageContext } from './layout.js';

export const HOST_STATES: readonly HostState[] = ['pending', 'clean', 'drifted', 'terminating', 'terminated', 'silent'];
export const PAGE_SIZE = 50;

/** The list's query as the URL gives it (validated in the route). */
export interface HostListParams {
  state?: HostState;
  image?: string;
  label?: string;
  q?: string;
  page: number;
}

export function hostListQuery(p: HostListParams): HostPageQuery {
  const q: HostPageQuery = { offset: (p.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (p.state !== undefined) q.state = p.state;
  if (p.image !== undefined) q.imageId = p.image;
  if (p.label !== undefined) {
    const i = p.label.indexOf('=');
    q.labels = { [p.label.slice(0, i)]: p.label.slice(i + 1) };
  }
  if (p.q !== undefined) q.search = p.q;
  return q;
}

function pageUrl(p: HostListParams, n: number): string {
  const u = new URLSearchParams();
  for (const k of ['state', 'image', 'label', 'q'] as const) if (p[k] !== undefined) u.set(k, p[k]!);
  u.set('page', String(n));
  return `/ui/hosts?${u.toString()}`;
}

function filters(p: HostListParams): SafeHtml {
  const option = (s: string, text: string): SafeHtml => html`<option value="${s}"${(p.state ?? '') === s ? html` selected` : ''}>${text}</option>`;
  return html`<form method="get" action="/ui/hosts" class="filters">
<label>Search <input type="search" name="q" value="${p.q ?? ''}" placeholder="hostname or id prefix" maxlength="128"></label>
<label>State <select name="state">${option('', 'any')}${HOST_STATES.map((s) => option(s, s))}</select></label>
<label>Image <input type="text" name="image" value="${p.image ?? ''}" maxlength="256"></label>
<label>Label <input type="text" name="label" value="${p.label ?? ''}" placeholder="key=value" maxlength="256"></label>
<button type="submit">Filter</button> <a href="/ui/hosts">clear</a></form>`;
}

export function hostsPage(ctx: PageContext, p: HostListParams, result: HostPage, terminations: Map<string, TerminationRecord>): SafeHtml {
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const rows = result.hosts.map((h) => {
    const t = terminations.get(h.id);
    return html`<tr><td>${hostLink(h.id, h.facts.hostname)}</td><td class="hash">${h.id.slice(0, 12)}</td><td>${badge('state', h.state)}</td>
<td>${h.facts.imageId}</td><td>${labels(h.facts.labels)}</td><td>${time(h.lastSeenAt)}</td>
<td>${t === undefined ? '' : html`<a href="/ui/approvals">${badge('termination', t.state)}</a>`}</td></tr>`;
  });
  const pager = html`<nav class="pager">${p.page > 1 ? html`<a href="${pageUrl(p, p.page - 1)}" rel="prev">← previous</a>` : ''}
<span>page ${p.page} of ${pages} · ${result.total} host${result.total === 1 ? '' : 's'}</span>
${p.page < pages ? html`<a href="${pageUrl(p, p.page + 1)}" rel="next">next →</a>` : ''}</nav>`;
  return page('Hosts', ctx, html`<h1>Hosts</h1>${filters(p)}
<section id="host-list" data-live="hosts events terminations">${rows.length === 0 ? html`<p class="muted">No host matches.</p>` : html`
<table><thead><tr><th>hostname</th><th>id</th><th>state</th><th>image</th><th>labels</th><th>last seen</th><th>termination</th></tr></thead>
<tbody>${rows}</tbody></table>`}${pager}</section>`);
}
