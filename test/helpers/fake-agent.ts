// A test stand-in for the agent's network side (the real one comes with
// `drift-agent run`): real Ed25519 keys, real signatures, real hash chain,
// real protobuf bytes, sent to a real collector app.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import $protobuf from 'protobufjs/minimal.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { chainHash } from '../../common/event-chain.js';
import { manifestBytesRoot } from '../../common/manifest-root.js';
import { rawPublicKey, signRequest } from '../../common/request-signing.js';

const pb = driftwatch.v1;
export const ENROLL_TOKEN = 'enroll-token-0123456789';
export const ADMIN_TOKEN = 'admin-token-0123456789ab';

export interface SendFn {
  (method: string, path: string, body: Uint8Array, headers: Record<string, string>): Promise<{ status: number; body: Buffer }>;
}

export class FakeAgent {
  readonly key: KeyObject;
  readonly publicKey: Buffer;
  hostId = '';
  private seq = 0;
  private lastHash: Buffer = Buffer.alloc(0);

  constructor(private readonly send: SendFn, readonly hostname = 'web-1', readonly imageId = 'ami-123') {
    const pair = generateKeyPairSync('ed25519');
    this.key = pair.privateKey;
    this.publicKey = rawPublicKey(pair.publicKey);
  }

  async enroll(token = ENROLL_TOKEN): Promise<{ status: number; body: Buffer }> {
    const body = pb.EnrollRequest.encode({ enrollToken: token, publicKey: this.publicKey, host: { hostname: this.hostname, imageId: this.imageId, labels: { role: 'web' } } }).finish();
    const r = await this.send('POST', '/api/v1/agent/enroll', body, { 'content-type': 'application/x-protobuf' });
    if (r.status === 200) this.hostId = pb.EnrollResponse.decode(r.body).hostId;
    return r;
  }

  signed(path: string, body: Uint8Array, now = Date.now()): Record<string, string> {
    return { 'content-type': 'application/x-protobuf', ...signRequest(this.key, { method: 'POST', path, hostId: this.hostId, body }, now) };
  }

  async post(path: string, body: Uint8Array): Promise<{ status: number; body: Buffer }> {
    return this.send('POST', path, body, this.signed(path, body));
  }

  /** The next event, chained to the previous one; returns its encoded bytes. */
  nextEvent(kind: number, path: string, extra: Partial<driftwatch.v1.IDriftEvent> = {}): Uint8Array {
    this.seq += 1;
    const { bytes, hash } = FakeAgent.chained(this.seq, this.lastHash, kind, path, extra);
    this.lastHash = hash;
    return bytes;
  }

  /** An event at `seq` chained to `prevHash`, without moving this agent's own chain. */
  static chained(seq: number, prevHash: Buffer, kind: number, path: string, extra: Partial<driftwatch.v1.IDriftEvent> = {}): { bytes: Uint8Array; hash: Buffer } {
    const base: driftwatch.v1.IDriftEvent = { seq, kind, path: Buffer.from(path), prevHash, ...extra };
    const hash = chainHash(prevHash, pb.DriftEvent.encode(base).finish());
    return { bytes: pb.DriftEvent.encode({ ...base, hash }).finish(), hash };
  }

  /** A BaselineUpload of these entries with their true Merkle root (the collector recomputes it). */
  static baseline(files: driftwatch.v1.IFileEntry[]): Uint8Array {
    const root = manifestBytesRoot(pb.Manifest.encode({ files }).finish());
    return pb.BaselineUpload.encode({ manifest: { formatVersion: 1, merkleRoot: Buffer.from(root, 'hex'), files } }).finish();
  }

  /** An EventBatch carrying the events' exact bytes (the chain hashes cover them). */
  static batch(events: Uint8Array[]): Uint8Array {
    const w = $protobuf.Writer.create();
    for (const e of events) w.uint32(0x0a).bytes(e);
    return w.finish();
  }
}
