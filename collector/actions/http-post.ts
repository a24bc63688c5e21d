// The one HTTP request every notifier makes: POST a JSON body with a timeout,
// read a bounded part of the answer, and turn anything but a 2xx into a
// NotifyError that says whether a retry can help. No error here ever carries
// the URL (a Slack URL is a credential): fetch's own messages quote it, and
// its causes quote the address, so only status codes and error codes are kept.
import type { AlertMessage } from '../store/response-store.js';
import type { NotifierConfig } from './action-config.js';
import { NotifyError, type Notifier } from './notifier.js';
import { oneLine } from './alert-message.js';

/** Bytes of an answer read at most: enough for an error message, not a memory hazard. */
const MAX_ANSWER_BYTES = 16 * 1024;
/** Characters of an error answer kept in the delivery's last error. */
const MAX_DETAIL_CHARS = 200;
/** A Retry-After longer than this is not believed. */
const MAX_RETRY_AFTER_MS = 3_600_000;

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** The collector stopping. */
  signal: AbortSignal;
  /** Credentials to blank out of an answer quoted in an error (a receiver may echo the request). */
  redact: readonly string[];
}

async function readBounded(res: Response): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // Frees the connection without reading the rest of a long answer.
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8');
}

/** Seconds or an HTTP date (RFC 9110 10.2.3); undefined when absent or unbelievable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms > 0 && ms <= MAX_RETRY_AFTER_MS ? ms : undefined;
}

function networkError(err: unknown, timeout: AbortSignal, timeoutMs: number, stopping: AbortSignal): NotifyError {
  if (timeout.aborted) return new NotifyError(`no answer within ${timeoutMs / 1000} s`, true);
  if (stopping.aborted) return new NotifyError('cancelled: the collector is stopping', true);
  // fetch fails with TypeError("fetch failed") and the system error as its cause;
  // the cause's message names the address, its code does not.
  const cause = (err as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return new NotifyError(code === undefined ? 'the request failed before an answer' : `cannot reach the receiver: ${code}`, true);
}

function redacted(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}

/** Resolves on a 2xx answer; throws NotifyError otherwise (retriable: 408, 429, 5xx and network failures). */
export async function postJson(url: string, body: string, opts: PostOptions): Promise<void> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = AbortSignal.any([opts.signal, timeout]);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST', body, signal,
      headers: { 'Content-Type': 'application/json', 'User-Agent': 'driftwatch-collector', ...opts.headers },
      // A redirect would resend the body (and the signature) to wherever the
      // receiver points: not followed, and not retried.
      redirect: 'manual',
    });
  } catch (err) {
    throw networkError(err, timeout, opts.timeoutMs, opts.signal);
  }
  // The answer of a delivered message does not matter: a failure to read it is not a failure to deliver.
  const answer = await readBounded(res).catch(() => '');
  if (res.status >= 200 && res.status < 300) return;
  const detail = oneLine(redacted(answer, opts.redact).trim(), MAX_DETAIL_CHARS);
  const redirect = res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : '';
  const retriable = res.status === 408 || res.status === 429 || res.status >= 500;
  throw new NotifyError(`HTTP ${res.status}${redirect}${detail === '' ? '' : `: ${detail}`}`, retriable, retryAfterMs(res.headers.get('retry-after')));
}

/** The credentials in a notifier's settings, for PostOptions.redact: the URL, its path alone (tokens live there), secrets. */
function credentialsOf(url: string, secrets: readonly string[]): string[] {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch { /* validated at config load */ }
  return [url, ...(path.length > 1 ? [path] : []), ...secrets];
}

/** What every notifier is: `render` makes the receiver's body (and headers) of a message, then one POST to the configured URL. */
export function postingNotifier(
  c: NotifierConfig, secrets: readonly string[], render: (message: AlertMessage, deliveryId: string) => { body: string; headers?: Record<string, string> },
): Notifier {
  const redact = credentialsOf(c.url, secrets);
  return {
    name: c.name,
    type: c.type,
    minSeverity: c.minSeverity,
    async send(message, deliveryId, signal) {
      const { body, headers = {} } = render(message, deliveryId);
      await postJson(c.url, body, { headers, timeoutMs: c.timeoutMs, signal, redact });
    },
  };
}
