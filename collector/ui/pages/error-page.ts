// What a refused or failed dashboard request shows: the status and the
// message (never a stack; unknown errors say only their request id).
import { html, type SafeHtml } from '../html.js';
import type { StaticAssets } from '../static-assets.js';
import { barePage } from './layout.js';

export function errorPage(assets: StaticAssets, status: number, message: string): SafeHtml {
  return barePage(`Error ${status}`, assets, html`<section><h1>${status === 404 ? 'Not found' : status === 403 ? 'Not allowed' : 'Something went wrong'}</h1>
<p class="problem">${message}</p><p><a href="/ui">Back to the overview</a></p></section>`);
}
