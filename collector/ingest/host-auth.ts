// Authenticates a signed agent request: the host exists, the timestamp is
// within the clock-skew window, the Ed25519 signature over method, path,
// timestamp, nonce and body digest verifies. The nonce is spent by the
// store together with the request's writes (a replay then fails there).
import type { KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import { ed25519PublicKey, SIGNATURE_HEADERS, verifySignature } from '../../common/request-signing.js';
import type { HostRecord, RequestNonce, Store } from '../store/store.js';
import type { RateLimiter } from './rate-limit.js';

// Building a KeyObject from DER costs more than the Ed25519 verification
// itself; keep one per host (keyed by the raw key, so a changed key misses).
const KEY_CACHE_MAX = 100_000;
const keys = new Map<string, KeyObject>();

function publicKeyOf(host: HostRecord): KeyObject {
  const id = `${host.id}:${host.publicKey.toString('hex')}`;
  let key = keys.get(id);
  if (key === undefined) {
    if (keys.size >= KEY_CACHE_MAX) keys.clear();
    key = ed25519PublicKey(host.publicKey);
    keys.set(id, key);
  }
  return key;
}

function header(req: FastifyRequest, name: string): string {
  const v = req.headers[name];
  if (typeof v !== 'string' || v === '' || v.length > 256) {
    throw new DriftwatchError('COLLECTOR_SIGNATURE_INVALID', `missing or malformed ${name} header`);
  }
  return v;
}

export interface AuthenticatedRequest {
  host: HostRecord;
  /** Spent by the store in the transaction that writes the request's effects. */
  nonce: RequestNonce;
}

export async function authenticateHost(
  req: FastifyRequest, body: Buffer, store: Store, clockSkewMs: number, now: Date, limiter: RateLimiter,
): Promise<AuthenticatedRequest> {
  const hostId = header(req, SIGNATURE_HEADERS.host);
  const timestamp = header(req, SIGNATURE_HEADERS.timestamp);
  const nonce = header(req, SIGNATURE_HEADERS.nonce);
  const signature = header(req, SIGNATURE_HEADERS.signature);
  if (!/^[0-9a-f]{32}$/.test(hostId)) throw new DriftwatchError('COLLECTOR_UNKNOWN_HOST', 'malformed host id');
  if (!/^[0-9a-f]{16,64}$/.test(nonce)) throw new DriftwatchError('COLLECTOR_SIGNATURE_INVALID', 'malformed nonce');
  const host = await store.getHost(hostId);
  if (host === undefined) throw new DriftwatchError('COLLECTOR_UNKNOWN_HOST', `host ${hostId} is not enrolled`);
  const path = req.url.split('?')[0]!;
  if (!verifySignature(publicKeyOf(host), { method: req.method, path, hostId, timestamp, nonce, body }, signature)) {
    throw new DriftwatchError('COLLECTOR_SIGNATURE_INVALID', 'signature does not verify');
  }
  // Checked after the signature, so an attacker cannot probe the clock with unsigned requests.
  const at = Number(timestamp);
  if (!Number.isSafeInteger(at) || Math.abs(at - now.getTime()) > clockSkewMs) {
    throw new DriftwatchError('COLLECTOR_SIGNATURE_EXPIRED', `timestamp is more than ${clockSkewMs / 1000} s from the collector's clock`);
  }
  limiter.take(hostId, now.getTime());
  // A nonce is remembered for twice the window: any replay within the window is caught.
  return { host, nonce: { nonce, expiresAt: new Date(now.getTime() + 2 * clockSkewMs), now } };
}
