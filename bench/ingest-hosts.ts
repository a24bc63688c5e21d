// A simulated enrolled host for the ingest benchmark: its own Ed25519 key,
// its own event sequence and hash chain, exactly as test/helpers/fake-agent.ts
// does it, but with the event bytes built ahead of time so that the load
// generator (which shares the machine's two cores with the collector) spends
// its CPU on what must be fresh per request: the signature and the HTTP call.
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import $protobuf from 'protobufjs/minimal.js';
import { rawPublicKey, signRequest } from '../common/request-signing.js';
import { driftwatch } from '../proto/gen/driftwatch.js';

const pb = driftwatch.v1;
export const EVENTS_PATH = '/api/v1/agent/events';
export const HEARTBEAT_PATH = '/api/v1/agent/heartbeat';
export const ENROLL_PATH = '/api/v1/agent/enroll';
const PROTOBUF = 'application/x-protobuf';

// Tags of DriftEvent.prev_hash (12) and .hash (13), wire type 2, each followed by
// a 32-byte length: appended by hand after the hashed part of the event.
const PREV_HASH_HEADER = Buffer.from([(12 << 3) | 2, 32]);
const HASH_HEADER = Buffer.from([(13 << 3) | 2, 32]);

/** A FileEntry (regular file, 0644, root-owned) as an embedded message with field tag `tag`. */
function fileEntry(w: $protobuf.Writer, tag: number, size: number, sha256: Uint8Array): void {
  w.uint32(tag).fork().uint32(0x10).uint32(1).uint32(0x18).uint32(0o644).uint32(0x30).uint32(size).uint32(0x52).bytes(sha256).ldelim();
}

export interface PreparedBatch {
  readonly body: Uint8Array;
  readonly lastSeq: number;
}

export class SimHost {
  readonly key: KeyObject;
  readonly publicKey: Buffer;
  hostId = '';
  /** Highest sequence built so far (the agent's outbox head). */
  builtSeq = 0;
  /** Highest sequence the collector acknowledged. */
  ackedSeq = 0;
  private lastHash: Buffer = Buffer.alloc(0);
  private readonly queue: (PreparedBatch | undefined)[] = [];
  private queueHead = 0;
  private readonly merkleRoot: Buffer;
  private readonly beforeSha: Buffer;

  constructor(readonly index: number) {
    const pair = generateKeyPairSync('ed25519');
    this.key = pair.privateKey;
    this.publicKey = rawPublicKey(pair.publicKey);
    this.merkleRoot = createHash('sha256').update(`root-${index}`).digest();
    this.beforeSha = createHash('sha256').update(`before-${index}`).digest();
  }

  enrollBody(token: string): Uint8Array {
    return pb.EnrollRequest.encode({
      enrollToken: token, publicKey: this.publicKey,
      host: { hostname: `bench-${this.index}`, imageId: 'ami-bench', machineId: `m-${this.index}`, labels: { role: 'bench' } },
    }).finish();
  }

  /**
   * One file_changed event the way the agent reports it (path, changes, the
   * baseline and current entries, observed_at), chained to the previous one.
   * Written field by field because the generated encoder, fed nested objects,
   * took 80% of the build time. The hashed part has no prev_hash/hash fields,
   * so those are appended afterwards: chainHash() strips exactly those two.
   */
  private nextEvent(observedSeconds: number): Buffer {
    this.builtSeq += 1;
    const seq = this.builtSeq;
    const w = $protobuf.Writer.create();
    w.uint32(0x08).uint32(seq).uint32(0x10).uint32(3); // seq, kind = FILE_CHANGED
    w.uint32(0x1a).string(`/etc/app/conf.d/${seq % 512}.conf`);
    w.uint32(0x22).uint32(1).uint32(1); // changes: packed [CHANGE_CONTENT]
    fileEntry(w, 0x3a, 1024, this.beforeSha); // before
    fileEntry(w, 0x42, 1024 + (seq % 4096), this.lastHash.length === 32 ? this.lastHash : this.beforeSha); // after
    w.uint32(0x5a).fork().uint32(0x08).uint32(observedSeconds).ldelim(); // observed_at
    const unhashed = w.finish();
    const hash = createHash('sha256').update(this.lastHash).update(unhashed).digest();
    const parts = this.lastHash.length === 0 ? [unhashed, HASH_HEADER, hash] : [unhashed, PREV_HASH_HEADER, this.lastHash, HASH_HEADER, hash];
    this.lastHash = hash;
    return Buffer.concat(parts);
  }

  /** An EventBatch of `size` new events: raw records `0x0a len bytes`, so the bytes the chain covers are sent as they are. */
  buildBatch(size: number): PreparedBatch {
    const w = $protobuf.Writer.create();
    const seconds = Math.floor(Date.now() / 1000);
    for (let i = 0; i < size; i++) w.uint32(0x0a).bytes(this.nextEvent(seconds));
    return { body: w.finish(), lastSeq: this.builtSeq };
  }

  prebuild(batches: number, size: number): void {
    for (let i = 0; i < batches; i++) this.queue.push(this.buildBatch(size));
  }

  /** The next prepared batch; built on the spot (and reported as such) when the prebuilt ones ran out. */
  takeBatch(size: number): { batch: PreparedBatch; built: boolean } {
    const batch = this.queue[this.queueHead];
    if (batch === undefined) return { batch: this.buildBatch(size), built: true };
    this.queue[this.queueHead++] = undefined; // let the sent bytes be collected
    return { batch, built: false };
  }

  /** Prepared batches left unsent; the heartbeat phase drops them (they would only cost memory). */
  dropPrebuilt(): number {
    const left = this.queue.length - this.queueHead;
    this.queue.length = 0;
    this.queueHead = 0;
    return left;
  }

  private readonly heartbeats: ({ body: Uint8Array; headers: Record<string, string> } | undefined)[] = [];
  private heartbeatHead = 0;

  /**
   * Signs heartbeats ahead of the phase. Each real agent signs its own on its
   * own host; on this 2-core machine the generator signing 5,000/s would take
   * half a core from the collector it measures. Timestamps stay well inside
   * the collector's 300 s window for a 60 s phase.
   */
  presignHeartbeats(n: number, path: string): void {
    for (let i = 0; i < n; i++) {
      const body = this.heartbeatBody();
      this.heartbeats.push({ body, headers: this.signedHeaders(path, body) });
    }
  }

  /** The next presigned heartbeat, or one signed now (reported as built) when they ran out. */
  takeHeartbeat(path: string): { body: Uint8Array; headers: Record<string, string>; built: boolean } {
    const h = this.heartbeats[this.heartbeatHead];
    if (h === undefined) {
      const body = this.heartbeatBody();
      return { body, headers: this.signedHeaders(path, body), built: true };
    }
    this.heartbeats[this.heartbeatHead++] = undefined;
    return { ...h, built: false };
  }

  heartbeatBody(): Uint8Array {
    const now = Date.now();
    return pb.Heartbeat.encode({
      sentAt: { seconds: Math.floor(now / 1000), nanos: (now % 1000) * 1e6 }, merkleRoot: this.merkleRoot, lastSeq: this.ackedSeq,
    }).finish();
  }

  /** Headers of a signed POST: a fresh timestamp and nonce every time, as the collector requires. */
  signedHeaders(path: string, body: Uint8Array): Record<string, string> {
    return {
      'content-type': PROTOBUF, 'content-length': String(body.length),
      ...signRequest(this.key, { method: 'POST', path, hostId: this.hostId, body }),
    };
  }
}
