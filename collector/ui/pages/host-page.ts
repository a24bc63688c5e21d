// One host: facts, the sealed baseline, what was done about it (terminations
// with who decided, when and why, and the audit entries naming the host), and
// its drift timeline, newest first, each file event linking to its diff.
import type { BaselineFacts } from '../../store/dashboard-store.js';
import type { TerminationRecord } from '../../store/response-store.js';
import type { AuditEntry, HostRecord, StoredEvent } from '../../store/store.js';
import { html, type SafeHtml } from '../html.js';
import { badge, eventSubject, eventUrl, hostUrl, jsonText, labels, time } from './format.js';
import { page, type PageContext } from './layout.js';

export const TIMELINE_SIZE = 50;

export interface HostPageData {
  host: HostRecord;
  baseline: BaselineFacts | undefined;
  events: StoredEvent[];
  /** Paging back: the seq the timeline started before, if any. */
  before: number | undefined;
  terminations: TerminationRecord[];
  audit: AuditEntry[];
}

function facts(h: HostRecord): SafeHtml {
  const f = h.facts;
  const row = (k: string, v: SafeHtml | string): SafeHtml => html`<tr><th>${k}</th><td>${v}</td></tr>`;
  return html`<section id="facts" data-live="hosts"><h2>Facts</h2><table class="facts">
${row('state', badge('state', h.state))}${row('id', html`<span class="hash">${h.id}</span>`)}${row('hostname', f.hostname)}
${row('image', f.imageId)}${row('instance', f.instanceId)}${row('machine id', f.machineId)}${row('os', f.os)}${row('kernel', f.kernel)}
${row('labels', labels(f.labels))}${row('enrolled', time(h.enrolledAt))}${row('last seen', time(h.lastSeenAt))}${row('events acknowledged', String(h.ackedSeq))}
</table></section>`;
}

function baseline(h: HostRecord, b: BaselineFacts | undefined): SafeHtml {
  const body = h.baselineAt === null || b === undefined ? html`<p class="muted">Not sealed yet.</p>` : html`<table class="facts">
<tr><th>sealed</th><td>${time(h.baselineAt)}</td></tr><tr><th>Merkle root</th><td class="hash">${h.baselineRoot}</td></tr>
<tr><th>manifest</th><td>${b.manifestBytes.toLocaleString('en')} bytes</td></tr><tr><th>captured contents</th><td>${b.capturedPaths} paths</td></tr></table>`;
  return html`<section id="baseline" data-live="hosts"><h2>Baseline</h2>${body}</section>`;
}

function actions(d: HostPageData): SafeHtml {
  const terms = d.terminations.map((t) => html`<tr><td>${t.id}</td><td>${badge('termination', t.state)}</td><td>${time(t.requestedAt)}</td><td>${t.rule}</td>
<td>${t.reason}</td><td>${t.holdReason}</td><td>${t.decidedBy}</td><td>${t.decidedAt === null ? '' : time(t.decidedAt)}</td><td>${t.decisionReason}</td>
<td>${t.terminator}</td><td>${t.finishedAt === null ? '' : time(t.finishedAt)}</td></tr>`);
  const audit = d.audit.map((a) => html`<tr><td>${time(a.at)}</td><td>${a.actor}</td><td>${a.action}</td>
<td>${typeof a.detail.reason === 'string' ? a.detail.reason : ''}</td><td class="json">${jsonText(a.detail)}</td></tr>`);
  return html`<section id="actions" data-live="terminations"><h2>Actions taken</h2>
${terms.length === 0 ? html`<p class="muted">No termination was requested for this host.</p>` : html`<table><thead><tr><th>#</th><th>state</th><th>requested</th><th>rule</th><th>why</th>
<th>held because</th><th>decided by</th><th>decided</th><th>decision reason</th><th>terminator</th><th>finished</th></tr></thead><tbody>${terms}</tbody></table>`}
<h3>Audit log</h3>${audit.length === 0 ? html`<p class="muted">No audit entries name this host.</p>` : html`<table class="audit"><thead><tr><th>at</th><th>actor</th><th>action</th><th>reason</th><th>detail</th></tr></thead>
<tbody>${audit}</tbody></table>`}</section>`;
}

function timeline(d: HostPageData): SafeHtml {
  const rows = d.events.map((e) => html`<tr><td>${time(e.receivedAt)}</td><td>${e.seq}</td><td>${e.kind}</td>
<td class="path"><a href="${eventUrl(e.hostId, e.seq)}">${eventSubject(e.kind, e.path, e.payload)}</a></td><td>${e.changes.join(', ')}</td>
<td>${badge('verdict', e.verdict?.verdict ?? '')}</td><td>${e.verdict === undefined ? '' : badge('severity', e.verdict.severity)}</td><td>${e.verdict?.rule ?? ''}</td></tr>`);
  const oldest = d.events.at(-1);
  const more = d.events.length === TIMELINE_SIZE && oldest !== undefined
    ? html`<a href="${hostUrl(d.host.id)}?before=${oldest.seq}#timeline">older events →</a>` : '';
  return html`<section id="timeline" data-live="events"><h2>Drift timeline</h2>
${d.before === undefined ? '' : html`<p><a href="${hostUrl(d.host.id)}#timeline">← newest events</a></p>`}
${rows.length === 0 ? html`<p class="muted">No events.</p>` : html`<table><thead><tr><th>received</th><th>seq</th><th>kind</th><th>what</th><th>changes</th>
<th>verdict</th><th>severity</th><th>rule</th></tr></thead><tbody>${rows}</tbody></table>`}${more}</section>`;
}

export function hostPage(ctx: PageContext, d: HostPageData): SafeHtml {
  const name = d.host.facts.hostname === '' ? d.host.id : d.host.facts.hostname;
  return page(name, ctx, html`<h1>${name} ${badge('state', d.host.state)}</h1><div class="row">${facts(d.host)}${baseline(d.host, d.baseline)}</div>
${actions(d)}${timeline(d)}`);
}
