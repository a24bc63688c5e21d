// One event of a host: its verdict and what it reported; for a file event,
// the attributes before and after and the unified diff of its content against
// the sealed baseline (api/diff-route.ts computes it, as for the API).
import type { EventDiff } from '../../api/diff-route.js';
import type { HostRecord, StoredEvent } from '../../store/store.js';
import { html, type SafeHtml } from '../html.js';
import { badge, eventSubject, hostLink, jsonText, time } from './format.js';
import { page, type PageContext } from './layout.js';

const ATTRIBUTES = ['type', 'mode', 'uid', 'gid', 'size', 'sha256', 'target', 'capabilities', 'error'] as const;

function attributes(before: unknown, after: unknown): SafeHtml {
  const get = (o: unknown, k: string): string => {
    const v = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined;
    return v === undefined ? '' : String(v);
  };
  const rows = ATTRIBUTES.filter((k) => get(before, k) !== '' || get(after, k) !== '').map((k) => {
    const [b, a] = [get(before, k), get(after, k)];
    return html`<tr class="${a === b ? '' : 'changed'}"><th>${k}</th><td class="hash">${b}</td><td class="hash">${a}</td></tr>`;
  });
  return html`<table class="attrs"><thead><tr><th></th><th>before</th><th>after</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function diffLines(diff: string): SafeHtml {
  const lines = diff.replace(/\n$/, '').split('\n').map((line) => {
    const cls = line.startsWith('+++') || line.startsWith('---') ? 'file' : line.startsWith('@@') ? 'hunk'
      : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('\\') ? 'note' : 'ctx';
    // The newline inside the block span: copied text keeps its lines, and no empty line is drawn.
    return html`<span class="${cls}">${line}\n</span>`;
  });
  return html`<pre class="diff">${lines}</pre>`;
}

function diffSection(d: EventDiff): SafeHtml {
  return html`<section id="diff"><h2>Before and after</h2>${attributes(d.before, d.after)}
<h2>Content against the sealed baseline</h2>${d.redacted ? html`<p class="note">Credential values were redacted on the host before they were sent.</p>` : ''}
${d.reason === null ? '' : html`<p class="muted">${d.reason}</p>`}${d.diff === null ? '' : diffLines(d.diff)}</section>`;
}

export function eventPage(ctx: PageContext, host: HostRecord, e: StoredEvent, diff: EventDiff | undefined): SafeHtml {
  const what = eventSubject(e.kind, e.path, e.payload);
  return page(`${e.kind} ${what}`, ctx, html`<p>${hostLink(host.id, host.facts.hostname)} › event ${e.seq}</p>
<h1>${e.kind} <span class="path">${what}</span></h1><table class="facts">
<tr><th>received</th><td>${time(e.receivedAt)}</td></tr><tr><th>seq</th><td>${e.seq}</td></tr>
<tr><th>changes</th><td>${e.changes.join(', ')}</td></tr><tr><th>verdict</th><td>${badge('verdict', e.verdict?.verdict ?? '')}
${e.verdict === undefined ? '' : html` ${badge('severity', e.verdict.severity)} rule <strong>${e.verdict.rule}</strong>`}</td></tr></table>
${diff === undefined ? html`<section><h2>Reported</h2><p class="json">${jsonText(e.payload, 4000)}</p></section>` : diffSection(diff)}`);
}
