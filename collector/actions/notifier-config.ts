// The collector config's `notifiers:` list. Each item is checked by the schema
// of its own `type`, so a refusal names the type's setting and its line
// ("collector.yaml:14: notifiers[1].secret: Expected string length greater or
// equal to 16") instead of TypeBox's "Expected union value". No message here
// ever quotes a value: URLs, secrets and routing keys are credentials.
import { Type, type Static, type TObject } from '@sinclair/typebox';
import { settingError, validateSettings, type SettingsOrigin } from '../../common/yaml-config.js';
import { SEVERITIES } from '../policy/policy-types.js';
import type { NotifierConfig } from './action-config.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';
export const NOTIFIER_TYPES = ['webhook', 'slack', 'pagerduty'] as const;
type NotifierType = typeof NOTIFIER_TYPES[number];

const common = {
  name: Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
    description: '1..64 letters, digits, ".", "_" or "-": it names the notifier in deliveries and logs',
  }),
  min_severity: Type.Union(SEVERITIES.map((s) => Type.Literal(s)), { default: 'info' }),
  timeout_seconds: Type.Integer({ minimum: 1, maximum: 120, default: 10 }),
};
// Only the scheme is checked here (below); a pattern would print the URL's rules, never the URL.
const Url = Type.String({ minLength: 1, maxLength: 2048 });

const SCHEMAS = {
  webhook: Type.Object({
    type: Type.Literal('webhook'),
    ...common,
    url: Url,
    secret: Type.String({ minLength: 16, maxLength: 512, description: 'at least 16 characters: the HMAC key receivers verify with' }),
  }, { additionalProperties: false }),
  slack: Type.Object({ type: Type.Literal('slack'), ...common, url: Url }, { additionalProperties: false }),
  pagerduty: Type.Object({
    type: Type.Literal('pagerduty'),
    ...common,
    routing_key: Type.String({ minLength: 8, maxLength: 128, pattern: '^\\S+$' }),
    url: Type.String({ minLength: 1, maxLength: 2048, default: PAGERDUTY_EVENTS_URL }),
  }, { additionalProperties: false }),
} satisfies Record<NotifierType, TObject>;

type Item = Static<typeof SCHEMAS[NotifierType]>;

function isNotifierType(t: unknown): t is NotifierType {
  return typeof t === 'string' && (NOTIFIER_TYPES as readonly string[]).includes(t);
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

function toConfig(item: Item): NotifierConfig {
  const base = { name: item.name, minSeverity: item.min_severity, timeoutMs: item.timeout_seconds * 1000 };
  switch (item.type) {
    case 'webhook': return { ...base, type: item.type, url: item.url, secret: item.secret };
    case 'slack': return { ...base, type: item.type, url: item.url };
    case 'pagerduty': return { ...base, type: item.type, url: item.url, routingKey: item.routing_key };
  }
}

/**
 * Validates the list: every item by its type's schema (one TypeBox tuple, so
 * the error path is the item's own: notifiers/1/url), then the checks a schema
 * cannot say: http(s) URLs and unique names.
 */
export function parseNotifiers(values: readonly unknown[], origin: SettingsOrigin): readonly NotifierConfig[] {
  if (values.length === 0) return [];
  const where = { notifiers: values };
  const schemas = values.map((v, i) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      throw settingError(origin, ['notifiers', String(i)], 'expected a mapping with a type and a name', where);
    }
    const type = (v as Record<string, unknown>).type;
    if (!isNotifierType(type)) throw settingError(origin, ['notifiers', String(i), 'type'], `expected one of ${NOTIFIER_TYPES.join(', ')}`, where);
    return SCHEMAS[type];
  });
  // The tuple's items are copies: Value.Default fills defaults in place, and the caller's list stays as written.
  const checked = validateSettings(
    Type.Object({ notifiers: Type.Tuple(schemas) }),
    { notifiers: values.map((v) => ({ ...(v as object) })) },
    origin,
  ).notifiers as Item[];
  const seen = new Map<string, number>();
  checked.forEach((item, i) => {
    if (!isHttpUrl(item.url)) throw settingError(origin, ['notifiers', String(i), 'url'], 'expected an http:// or https:// URL', where);
    const before = seen.get(item.name);
    if (before !== undefined) {
      throw settingError(origin, ['notifiers', String(i), 'name'], `"${item.name}" is already the name of notifiers[${before}]: names must be unique`, where);
    }
    seen.set(item.name, i);
  });
  // Frozen like the rest of the config: a notifier's settings do not change under it.
  return Object.freeze(checked.map((item) => Object.freeze(toConfig(item))));
}
