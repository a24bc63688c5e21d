// What every notifier is: a name from the config, the least severity it is
// sent, and one way to deliver an AlertMessage in its receiver's format.
// Delivery retries, backoff and expiry are the dispatcher's, not the notifier's.
import type { Severity } from '../policy/policy-types.js';
import type { AlertMessage } from '../store/response-store.js';

export interface Notifier {
  readonly name: string;
  readonly type: 'webhook' | 'slack' | 'pagerduty';
  readonly minSeverity: Severity;
  /**
   * Sends once; throws NotifyError when the receiver did not take it.
   * `deliveryId` is the delivery's uuid, the same on every retry, so a
   * receiver can drop a duplicate (the webhook sends it; Slack and PagerDuty
   * have no place for it: PagerDuty dedups by the message's dedup key).
   */
  send(message: AlertMessage, deliveryId: string, signal: AbortSignal): Promise<void>;
}

/** A failed send. `retriable` false: the receiver refused the message itself (a 4xx other than 408/429); retrying cannot help. */
export class NotifyError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    /** The receiver asked to wait this long (a 429's or 503's Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'NotifyError';
  }
}
