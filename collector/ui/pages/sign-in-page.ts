// The sign-in page: an API token in, a session out (ui-auth.ts).
import { html, type SafeHtml } from '../html.js';
import type { StaticAssets } from '../static-assets.js';
import { barePage } from './layout.js';

export function signInPage(assets: StaticAssets, csrf: string, next: string, problem?: string): SafeHtml {
  return barePage('Sign in', assets, html`<section class="sign-in"><h1>Sign in</h1>
<p>Paste an API token: the collector's admin token, or one made with <code>drift-collector token create</code>.
The token is exchanged for a session; it is not kept in the browser.</p>
${problem === undefined ? '' : html`<p class="problem" role="alert">${problem}</p>`}
<form method="post" action="/ui/sign-in">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="next" value="${next}">
<label>API token <input type="password" name="token" autocomplete="off" required maxlength="256" autofocus></label>
<button type="submit">Sign in</button></form></section>`);
}
