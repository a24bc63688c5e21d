// Agent requests are signed with the host's Ed25519 key over the method, the
// path, the host id, a timestamp, a nonce and the body's SHA-256, so the
// collector can reject forged, altered, stale and replayed requests. Both
// sides build the signed bytes here, so they cannot drift apart.
import { createHash, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

export const SIGNATURE_HEADERS = {
  host: 'x-driftwatch-host',
  timestamp: 'x-driftwatch-timestamp',
  nonce: 'x-driftwatch-nonce',
  signature: 'x-driftwatch-signature',
} as const;

export interface SignedParts {
  method: string;
  /** Request path without the query string, e.g. /api/v1/agent/events. */
  path: string;
  hostId: string;
  /** Milliseconds since the epoch, as sent. */
  timestamp: string;
  nonce: string;
  /** The body, or (for a body streamed from a file) its SHA-256 in hex. */
  body: Uint8Array | { readonly sha256Hex: string };
}

export function signingBytes(p: SignedParts): Buffer {
  const bodyDigest = 'sha256Hex' in p.body ? p.body.sha256Hex : createHash('sha256').update(p.body).digest('hex');
  return Buffer.from(['driftwatch-request-v1', p.method.toUpperCase(), p.path, p.hostId, p.timestamp, p.nonce, bodyDigest].join('\n'), 'utf8');
}

/** The headers an agent adds to a request. */
export function signRequest(key: KeyObject, req: Omit<SignedParts, 'timestamp' | 'nonce'>, now = Date.now()): Record<string, string> {
  const parts: SignedParts = { ...req, timestamp: String(now), nonce: randomBytes(16).toString('hex') };
  return {
    [SIGNATURE_HEADERS.host]: parts.hostId,
    [SIGNATURE_HEADERS.timestamp]: parts.timestamp,
    [SIGNATURE_HEADERS.nonce]: parts.nonce,
    [SIGNATURE_HEADERS.signature]: sign(null, signingBytes(parts), key).toString('base64'),
  };
}

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A KeyObject for a raw 32-byte Ed25519 public key; throws if it is not one. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new RangeError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The raw 32 bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

export function verifySignature(publicKey: KeyObject, parts: SignedParts, signatureBase64: string): boolean {
  const signature = Buffer.from(signatureBase64, 'base64');
  if (signature.length !== 64) return false;
  return verify(null, signingBytes(parts), publicKey, signature);
}
