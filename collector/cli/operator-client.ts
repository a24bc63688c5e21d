// The operator commands' way to a running collector: its URL and a bearer
// token (flags, else DRIFTWATCH_URL and DRIFTWATCH_TOKEN), JSON in and out.
// A network failure is COLLECTOR_UNREACHABLE; an error the collector answers
// with keeps its own code and message. The token goes into the Authorization
// header and nowhere else: no message, log or output carries it.
import { DriftwatchError, ERROR_CODES, type ErrorCode } from '../../common/errors.js';

export const DEFAULT_COLLECTOR_URL = 'http://127.0.0.1:8470';
const TIMEOUT_MS = 30_000;
/** An operator answer larger than this is not one. */
const MAX_ANSWER_BYTES = 64 << 20;

/** parseArgs options every operator command takes. */
export const CONNECTION_OPTIONS = { url: { type: 'string' }, token: { type: 'string' } } as const;

export const CONNECTION_HELP = `  --url URL      the collector (default: DRIFTWATCH_URL, else ${DEFAULT_COLLECTOR_URL})
  --token T      an operator API token (default: DRIFTWATCH_TOKEN, which keeps it out of the process list)`;

export interface OperatorClient {
  /** The collector's origin, for messages (never with credentials). */
  readonly origin: string;
  get(path: string, query?: Record<string, string | undefined>): Promise<Record<string, unknown>>;
  post(path: string, body: unknown): Promise<Record<string, unknown>>;
  /** A document that is not JSON (a report): its text and media type; errors as for get. */
  getText(path: string, query?: Record<string, string | undefined>): Promise<{ body: string; contentType: string }>;
}

const usage = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_USAGE', message);

function baseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usage(`--url ${JSON.stringify(text)} is not a URL (e.g. ${DEFAULT_COLLECTOR_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw usage('--url must be an http:// or https:// URL');
  if (url.username !== '' || url.password !== '') throw usage('--url must not hold a user or password: pass the token with --token or DRIFTWATCH_TOKEN');
  if (url.search !== '' || url.hash !== '') throw usage('--url must not have a query or fragment');
  return url;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

/** Why fetch failed, in a few words: "ECONNREFUSED", "ENOTFOUND", a TLS error. */
function networkCause(err: unknown): string {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
  return err instanceof Error ? err.message : String(err);
}

export function operatorClient(flags: { url?: string | undefined; token?: string | undefined }, env: NodeJS.ProcessEnv = process.env): OperatorClient {
  const base = baseUrl(flags.url ?? env.DRIFTWATCH_URL ?? DEFAULT_COLLECTOR_URL);
  const token = flags.token ?? env.DRIFTWATCH_TOKEN;
  if (token === undefined || token === '') throw usage('operator commands need a token: --token T or DRIFTWATCH_TOKEN');
  if (/[\s\p{C}]/u.test(token)) throw usage('the token holds spaces or control characters: is it the right value?');
  const origin = base.origin;

  const send = async (method: 'GET' | 'POST', path: string, body: unknown, accept: string): Promise<{ res: Response; text: string }> => {
    const url = new URL(base.pathname.replace(/\/+$/, '') + path, base);
    let res: Response;
    try {
      res = await fetch(url, {
        method, signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { authorization: `Bearer ${token}`, accept, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000}s` : networkCause(err);
      throw new DriftwatchError('COLLECTOR_UNREACHABLE', `cannot reach the collector at ${origin}: ${why}`);
    }
    return { res, text: await res.text() };
  };

  /** The answer's JSON object; an error answer throws its own code. */
  const answerOf = (res: Response, text: string): Record<string, unknown> => {
    let json: unknown;
    try {
      if (text.length > MAX_ANSWER_BYTES) throw new Error('too large');
      json = JSON.parse(text);
    } catch {
      throw new DriftwatchError('COLLECTOR_UNREACHABLE', `${origin} answered HTTP ${res.status} with no driftwatch JSON: is it the collector?`);
    }
    const error = typeof json === 'object' && json !== null ? (json as { error?: { code?: unknown; message?: unknown } }).error : undefined;
    if (!res.ok) {
      if (error !== undefined && isErrorCode(error.code) && typeof error.message === 'string') throw new DriftwatchError(error.code, error.message);
      throw new DriftwatchError('COLLECTOR_UNREACHABLE', `the collector at ${origin} answered HTTP ${res.status}`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new DriftwatchError('COLLECTOR_UNREACHABLE', `${origin} answered with JSON that is not an object: is it the collector?`);
    }
    return json as Record<string, unknown>;
  };

  const request = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const { res, text } = await send(method, path, body, 'application/json');
    return answerOf(res, text);
  };

  const withQuery = (path: string, query: Record<string, string | undefined>): string => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
    const q = params.toString();
    return q === '' ? path : `${path}?${q}`;
  };

  return {
    origin,
    get: (path, query = {}) => request('GET', withQuery(path, query)),
    post: (path, body) => request('POST', path, body),
    getText: async (path, query = {}) => {
      const { res, text } = await send('GET', withQuery(path, query), undefined, '*/*');
      // An error is JSON whatever was asked for: the same codes as get.
      if (!res.ok) answerOf(res, text);
      if (text.length > MAX_ANSWER_BYTES) throw new DriftwatchError('COLLECTOR_UNREACHABLE', `${origin} answered with more than ${MAX_ANSWER_BYTES} bytes`);
      return { body: text, contentType: res.headers.get('content-type') ?? '' };
    },
  };
}
