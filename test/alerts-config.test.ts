// The collector config's notifiers: each item checked by its type's schema,
// refused naming FILE:LINE and the exact setting, never quoting a credential.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../collector/config.js';
import { DriftwatchError } from '../common/errors.js';

const BASE = 'db: /tmp/c.db\nlisten: 127.0.0.1:8080\nadmin_token: admin-token-0123456789\nenroll_token: enroll-token-0123456789\n';
const SECRET = 'whsec-0123456789abcdef';
const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX';
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';

/** Lines 5.. of the file: the notifiers list, one item per entry, given as YAML lines. */
function file(...items: string[][]): string {
  return `${BASE}notifiers:\n${items.map((lines) => lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}\n`).join('')).join('')}`;
}

const webhook = (over: Record<string, string> = {}): string[] =>
  Object.entries({ type: 'webhook', name: 'ops-hook', url: 'https://hooks.example.com/driftwatch', secret: SECRET, ...over }).map(([k, v]) => `${k}: ${v}`);
const slack = (over: Record<string, string> = {}): string[] =>
  Object.entries({ type: 'slack', name: 'slack-sec', url: SLACK_URL, ...over }).map(([k, v]) => `${k}: ${v}`);
const pagerduty = (over: Record<string, string> = {}): string[] =>
  Object.entries({ type: 'pagerduty', name: 'pd', routing_key: ROUTING_KEY, ...over }).map(([k, v]) => `${k}: ${v}`);

function refused(text: string): string {
  try {
    loadConfig({ file: { path: 'c.yaml', text }, flags: {} });
  } catch (err) {
    assert.ok(err instanceof DriftwatchError);
    assert.equal(err.code, 'COLLECTOR_CONFIG_INVALID');
    for (const credential of [SECRET, SLACK_URL, ROUTING_KEY, 'hooks.example.com', 'T000/B000']) {
      assert.ok(!err.message.includes(credential), `the error quotes a credential: ${err.message}`);
    }
    return err.message;
  }
  assert.fail('config was accepted');
}

test('three notifiers parse with their defaults; the list is frozen with the config', () => {
  const c = loadConfig({ file: { path: 'c.yaml', text: file(webhook(), slack({ min_severity: 'high', timeout_seconds: '3' }), pagerduty()) }, flags: {} });
  assert.deepEqual(c.notifiers, [
    { type: 'webhook', name: 'ops-hook', minSeverity: 'info', timeoutMs: 10_000, url: 'https://hooks.example.com/driftwatch', secret: SECRET },
    { type: 'slack', name: 'slack-sec', minSeverity: 'high', timeoutMs: 3000, url: SLACK_URL },
    { type: 'pagerduty', name: 'pd', minSeverity: 'info', timeoutMs: 10_000, url: 'https://events.pagerduty.com/v2/enqueue', routingKey: ROUTING_KEY },
  ]);
  assert.ok(Object.isFrozen(c.notifiers) && c.notifiers.every((n) => Object.isFrozen(n)));
  assert.deepEqual(c.alerts, { groupWindowMs: 60_000, deliveryTtlMs: 86_400_000 });
  const overridden = loadConfig({ file: { path: 'c.yaml', text: file(pagerduty({ url: 'http://127.0.0.1:9999/pd' })) }, flags: {} });
  assert.equal(overridden.notifiers[0]!.url, 'http://127.0.0.1:9999/pd');
});

test('a bad notifier setting is refused with its line and the type-specific key, never the credential', () => {
  // Lines: 5 "notifiers:", 6.. the items (4 lines per webhook, 3 per slack and pagerduty).
  assert.equal(refused(file(webhook({ secret: 'short-secret' }))), 'c.yaml:9: notifiers[0].secret: Expected string length greater or equal to 16');
  assert.equal(refused(file(webhook(), slack({ url: 'ftp://hooks.slack.com/services/T000/B000/XXXXsecretXXXX' }))),
    'c.yaml:12: notifiers[1].url: expected an http:// or https:// URL');
  assert.equal(refused(file(slack({ url: 'not a url at all T000/B000' }))), 'c.yaml:8: notifiers[0].url: expected an http:// or https:// URL');
  assert.equal(refused(file(webhook(), slack({ type: 'teams' }))), 'c.yaml:10: notifiers[1].type: expected one of webhook, slack, pagerduty');
  assert.equal(refused(file(slack({ secret: SECRET }))), 'c.yaml:9: notifiers[0].secret: unknown setting');
  assert.equal(refused(file(slack(), pagerduty({ min_severity: 'urgent' }))), 'c.yaml:12: notifiers[1].min_severity: expected one of info, low, medium, high, critical');
  assert.equal(refused(file(pagerduty({ timeout_seconds: '0' }))), 'c.yaml:9: notifiers[0].timeout_seconds: Expected integer to be greater or equal to 1');
  assert.match(refused(file(pagerduty({ routing_key: `"${ROUTING_KEY} x"` }))), /^c\.yaml:8: notifiers\[0\]\.routing_key: Expected string to match/);
  // A missing key is reported at its item's line.
  assert.equal(refused(file(['type: pagerduty', 'name: pd'])), 'c.yaml:6: notifiers[0].routing_key: Expected required property');
  assert.equal(refused(file(webhook(), slack({ name: 'ops-hook' }))),
    'c.yaml:11: notifiers[1].name: "ops-hook" is already the name of notifiers[0]: names must be unique');
  assert.equal(refused(file(slack({ name: '"a name with spaces"' }))).split(':').slice(0, 3).join(':'), 'c.yaml:7: notifiers[0].name');
  assert.equal(refused(`${BASE}notifiers:\n  - just a string\n`), 'c.yaml:6: notifiers[0]: expected a mapping with a type and a name');
});
