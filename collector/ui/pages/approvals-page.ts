// Terminations the governor held for a human, with why; responders and
// admins approve or deny each with a reason (viewers see the list only).
// Below, the latest decisions, so a second responder sees what was decided.
import { roleAtLeast } from '../../api/operator-auth.js';
import { MAX_REASON_CHARS } from '../../api/termination-routes.js';
import type { TerminationRecord } from '../../store/response-store.js';
import { html, type SafeHtml } from '../html.js';
import { badge, hostLink, time } from './format.js';
import { page, type PageContext } from './layout.js';

export interface ApprovalsData {
  pending: TerminationRecord[];
  recent: TerminationRecord[];
  hostnames: Map<string, string>;
  /** A message after a decision ("termination 12 approved"). */
  notice: string | undefined;
}

function decisionForm(ctx: PageContext, t: TerminationRecord): SafeHtml {
  if (!roleAtLeast(ctx.session.principal.role, 'responder')) return html`<span class="muted">responders decide</span>`;
  const form = (verb: 'approve' | 'deny', label: string): SafeHtml => html`<form method="post" action="/ui/terminations/${t.id}/${verb}" class="decide">
<input type="hidden" name="_csrf" value="${ctx.session.csrf}"><input type="text" name="reason" required maxlength="${MAX_REASON_CHARS}" placeholder="why" aria-label="reason to ${verb} termination ${t.id}">
<button type="submit" class="${verb}">${label}</button></form>`;
  return html`${form('approve', 'Approve')}${form('deny', 'Deny')}`;
}

export function approvalsPage(ctx: PageContext, d: ApprovalsData): SafeHtml {
  const name = (id: string): SafeHtml => hostLink(id, d.hostnames.get(id) ?? '');
  const pending = d.pending.map((t) => html`<tr id="termination-${t.id}"><td>${t.id}</td><td>${name(t.hostId)}</td><td>${time(t.requestedAt)}</td><td>${t.rule}</td>
<td>${t.reason}</td><td class="hold">${t.holdReason}</td><td>${decisionForm(ctx, t)}</td></tr>`);
  const recent = d.recent.map((t) => html`<tr><td>${t.id}</td><td>${name(t.hostId)}</td><td>${badge('termination', t.state)}</td><td>${t.decidedBy}</td>
<td>${t.decidedAt === null ? '' : time(t.decidedAt)}</td><td>${t.decisionReason}</td><td>${t.holdReason}</td></tr>`);
  return page('Approvals', ctx, html`<h1>Approvals</h1>${d.notice === undefined ? '' : html`<p class="notice" role="status">${d.notice}</p>`}
<section id="pending-list" data-live="terminations"><h2>Pending approval <span class="muted">${d.pending.length}</span></h2>
${pending.length === 0 ? html`<p class="muted">Nothing waits for a decision.</p>` : html`<table><thead><tr><th>#</th><th>host</th><th>requested</th><th>rule</th><th>why</th>
<th>held because</th><th>decision</th></tr></thead><tbody>${pending}</tbody></table>`}</section>
<section id="recent-decisions" data-live="terminations"><h2>Latest terminations</h2>${recent.length === 0 ? html`<p class="muted">None yet.</p>` : html`
<table><thead><tr><th>#</th><th>host</th><th>state</th><th>decided by</th><th>decided</th><th>reason</th><th>held because</th></tr></thead><tbody>${recent}</tbody></table>`}</section>`);
}
