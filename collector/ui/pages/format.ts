// Small pieces the dashboard's pages share: times, state and verdict badges,
// links to hosts and events. All of them go through `html`, so the text they
// show (a hostname, a path) is escaped like everything else.
import { html, type SafeHtml } from '../html.js';

/** "2026-03-03 14:04:05Z" in a <time> element (UTC: on-call compares it with logs). */
export function time(d: Date | null | undefined): SafeHtml {
  if (d === null || d === undefined) return html`<span class="muted">never</span>`;
  const iso = d.toISOString();
  return html`<time datetime="${iso}">${iso.slice(0, 19).replace('T', ' ')}Z</time>`;
}

/** A state, verdict or severity as a badge; the class is a fixed word, the text escaped. */
export function badge(kind: 'state' | 'verdict' | 'severity' | 'termination', value: string): SafeHtml {
  const cls = /^[a-z_]+$/.test(value) ? `${kind}-${value}` : `${kind}-unknown`;
  return html`<span class="badge ${cls}">${value === '' ? 'none' : value.replace(/_/g, ' ')}</span>`;
}

export const hostUrl = (id: string): string => `/ui/hosts/${encodeURIComponent(id)}`;
export const eventUrl = (hostId: string, seq: number): string => `${hostUrl(hostId)}/events/${seq}`;

export function hostLink(id: string, hostname: string): SafeHtml {
  return html`<a href="${hostUrl(id)}">${hostname === '' ? id.slice(0, 12) : hostname}</a>`;
}

export function labels(l: Record<string, string>): SafeHtml {
  const entries = Object.entries(l);
  if (entries.length === 0) return html`<span class="muted">none</span>`;
  return html`${entries.map(([k, v]) => html`<span class="label">${k}=${v}</span> `)}`;
}

/** What an event is about, in words: its path, or the package, login or gap it names. */
export function eventSubject(kind: string, path: string, payload: Record<string, unknown>): string {
  if (path !== '') return path;
  const pkg = payload.package as Record<string, unknown> | undefined;
  if (pkg !== undefined && typeof pkg === 'object' && pkg !== null) return `${String(pkg.name ?? '')} ${String(pkg.version ?? '')}`.trim();
  const login = payload.login as Record<string, unknown> | undefined;
  if (login !== undefined && typeof login === 'object' && login !== null) return [login.user, login.origin].filter((s) => typeof s === 'string' && s !== '').join(' from ');
  if (typeof payload.detail === 'string') return payload.detail;
  return kind;
}

/** A bounded, single-line rendering of a JSON value (facts and attributes may be large). */
export function jsonText(value: unknown, max = 400): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
