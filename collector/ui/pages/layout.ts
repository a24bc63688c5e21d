// The frame of every dashboard page: head (one stylesheet and one script,
// both served by the collector: the CSP allows no inline script or style),
// the navigation with who is signed in, and the sign-out form.
import { html, type SafeHtml } from '../html.js';
import type { Session } from '../sessions.js';
import type { StaticAssets } from '../static-assets.js';
import type { ChangeMarks } from '../../store/dashboard-store.js';

export interface PageContext {
  session: Session;
  assets: StaticAssets;
  /** The nav entry to mark as current. */
  section: 'overview' | 'hosts' | 'approvals';
  /** The store's change marks when the page's data was read (live updates start from them). */
  marks: ChangeMarks;
}

function head(title: string, assets: StaticAssets): SafeHtml {
  return html`<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · driftwatch</title><link rel="stylesheet" href="${assets.url('dashboard.css')}">
<script src="${assets.url('dashboard.js')}" defer></script></head>`;
}

export function page(title: string, ctx: PageContext, body: SafeHtml): SafeHtml {
  const { principal, csrf } = ctx.session;
  const nav = (section: PageContext['section'], href: string, text: string): SafeHtml =>
    html`<a href="${href}"${ctx.section === section ? html` aria-current="page"` : ''}>${text}</a>`;
  return html`<!doctype html><html lang="en">${head(title, ctx.assets)}<body data-live-url="/ui/live" data-marks="${JSON.stringify(ctx.marks)}">
<header><span class="brand">driftwatch</span><nav>${nav('overview', '/ui', 'Overview')}${nav('hosts', '/ui/hosts', 'Hosts')}${nav('approvals', '/ui/approvals', 'Approvals')}</nav>
<span class="who">${principal.actor} <span class="muted">(${principal.role})</span></span>
<form method="post" action="/ui/sign-out" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">Sign out</button></form>
<span id="live-status" class="muted" aria-live="polite"></span></header>
<main>${body}</main></body></html>`;
}

/** A page for someone not signed in (sign-in, errors before sign-in). */
export function barePage(title: string, assets: StaticAssets, body: SafeHtml): SafeHtml {
  return html`<!doctype html><html lang="en">${head(title, assets)}<body><header><span class="brand">driftwatch</span></header><main>${body}</main></body></html>`;
}
