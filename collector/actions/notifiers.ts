// The configured notifiers, built once at startup from the validated config.
import type { NotifierConfig } from './action-config.js';
import type { Notifier } from './notifier.js';
import { createPagerDutyNotifier } from './pagerduty-notifier.js';
import { createSlackNotifier } from './slack-notifier.js';
import { createWebhookNotifier } from './webhook-notifier.js';

export function createNotifier(c: NotifierConfig): Notifier {
  switch (c.type) {
    case 'webhook': return createWebhookNotifier(c);
    case 'slack': return createSlackNotifier(c);
    case 'pagerduty': return createPagerDutyNotifier(c);
  }
}

export function createNotifiers(configs: readonly NotifierConfig[]): Notifier[] {
  return configs.map(createNotifier);
}
