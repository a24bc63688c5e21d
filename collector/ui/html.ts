// The dashboard's one way to make HTML: the `html` tagged template escapes
// every interpolated value unless it is markup `html` itself made, so text
// from a host (a file name, a hostname, a reason) cannot become markup by
// accident. There is deliberately no "raw" escape hatch: constant markup is
// written inside an `html` template, never passed in as a string. Markup is
// recognised by its (unexported) class, so even an object cast to SafeHtml
// is escaped as text.

declare const brand: unique symbol;

/** Markup known to be safe: only `html` and `join` make one. */
export interface SafeHtml {
  readonly [brand]: true;
  toString(): string;
}

class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template may interpolate: text (escaped), numbers, SafeHtml, lists of these; null, undefined and booleans render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: unknown): string {
  if (value instanceof Markup) return value.text;
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

const mint = (text: string): SafeHtml => new Markup(text) as unknown as SafeHtml;

/** Tagged template: the literal parts are markup, every `${value}` is escaped (markup from `html` passes as is). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return mint(out);
}

/** Markup pieces joined by a separator, which is escaped as text. */
export function join(parts: readonly SafeHtml[], separator = ''): SafeHtml {
  return mint(parts.map(render).join(escapeHtml(separator)));
}

/** The markup's text, to send. */
export function htmlText(markup: SafeHtml): string {
  return render(markup);
}
