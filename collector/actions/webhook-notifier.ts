// The generic webhook: the message as JSON (alert-json.ts, plus the delivery
// id), signed so a receiver knows it came from this collector and is fresh:
//   X-Driftwatch-Timestamp: <unix seconds>
//   X-Driftwatch-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//   X-Driftwatch-Delivery:  <delivery uuid, the same on every retry>
// The timestamp is inside the MAC, so a captured request replayed later fails
// the receiver's age check; the delivery id is inside the body too, so the
// receiver's duplicate check rests on signed data.
import { createHmac } from 'node:crypto';
import type { NotifierConfig } from './action-config.js';
import { alertJson } from './alert-json.js';
import { postingNotifier } from './http-post.js';
import type { Notifier } from './notifier.js';

type WebhookConfig = Extract<NotifierConfig, { type: 'webhook' }>;

/** The signature header's value for a body sent at `timestamp` (unix seconds). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export function createWebhookNotifier(c: WebhookConfig, clock: () => number = Date.now): Notifier {
  return postingNotifier(c, [c.secret], (message, deliveryId) => {
    const body = JSON.stringify({ delivery_id: deliveryId, ...alertJson(message) });
    // Signed at send time: every retry carries a fresh timestamp.
    const timestamp = String(Math.floor(clock() / 1000));
    return {
      body,
      headers: {
        'X-Driftwatch-Timestamp': timestamp,
        'X-Driftwatch-Signature': webhookSignature(c.secret, timestamp, body),
        'X-Driftwatch-Delivery': deliveryId,
      },
    };
  });
}
