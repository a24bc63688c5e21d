// The agent's side of the wire: protobuf over HTTP(S), every request after
// enrollment signed with the host's key (common/request-signing.ts). One
// keep-alive connection is reused: a host sends a batch or a heartbeat at a
// time. Failures are classified for the caller's retry policy: `retriable`
// (network, 5xx, 429, clock skew) or not (a refusal that retrying cannot fix).
import http from 'node:http';
import https from 'node:https';
import { createHash, type KeyObject } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { topLevelFields } from '../../common/protobuf-fields.js';
import { signRequest } from '../../common/request-signing.js';

const pb = driftwatch.v1;
const PROTOBUF = 'application/x-protobuf';
/** Replies are small except a fetched baseline (bounded like the collector's upload limit). */
const MAX_REPLY_BYTES = 256 * 1024 * 1024;

export class CollectorError extends Error {
  constructor(message: string, readonly status: number, readonly code: string, readonly retriable: boolean) {
    super(message);
  }
}

/** A request body sent from elsewhere (a file), known by its length and digest. */
interface StreamedBody {
  length: number;
  sha256Hex: string;
  send: (req: http.ClientRequest) => void;
}

export interface ClientIdentity {
  hostId: string;
  key: KeyObject;
}

export class CollectorClient {
  private readonly base: URL;
  private readonly agent: http.Agent;
  identity: ClientIdentity | undefined;

  constructor(url: string, opts: { ca?: string | Buffer; timeoutMs?: number } = {}) {
    this.base = new URL(url);
    const agentOpts = { keepAlive: true, maxSockets: 2, timeout: opts.timeoutMs ?? 30_000 };
    this.agent = this.base.protocol === 'https:'
      ? new https.Agent({ ...agentOpts, ...(opts.ca === undefined ? {} : { ca: opts.ca }) })
      : new http.Agent(agentOpts);
  }

  get url(): string {
    return this.base.href;
  }

  async enroll(token: string, host: driftwatch.v1.IHostFacts, publicKey: Uint8Array): Promise<string> {
    const body = pb.EnrollRequest.encode({ enrollToken: token, host, publicKey }).finish();
    const reply = await this.post('/api/v1/agent/enroll', body, false);
    return pb.EnrollResponse.decode(reply).hostId;
  }

  async state(): Promise<driftwatch.v1.AgentState> {
    return pb.AgentState.decode(await this.post('/api/v1/agent/state', new Uint8Array(0)));
  }

  /**
   * Uploads the manifest file as a BaselineUpload, streamed: a host's manifest
   * is ~11 MB, and holding it (and a copy for the request) would stay in the
   * daemon's footprint until V8 next collects. Field 1 is framed by hand so
   * the bytes go out exactly as they are on disk.
   */
  async uploadBaselineFile(file: string): Promise<void> {
    const size = statSync(file).size;
    const prefix = pb.BaselineUpload.encode({}).uint32(0x0a).uint32(size).finish();
    const hash = createHash('sha256').update(prefix);
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    const body: StreamedBody = {
      length: prefix.length + size, sha256Hex: hash.digest('hex'),
      send: (req) => {
        req.write(prefix);
        const stream = createReadStream(file);
        stream.on('error', (err) => req.destroy(err));
        stream.pipe(req);
      },
    };
    await this.post('/api/v1/agent/baseline', body);
  }

  /** Sends an encoded ContentUpload (a batch of the baseline's captured contents). */
  async uploadContent(body: Uint8Array): Promise<void> {
    await this.post('/api/v1/agent/content', body);
  }

  /** The canonical baseline manifest's bytes, exactly as the collector stores them. */
  async fetchBaseline(): Promise<Uint8Array> {
    const reply = await this.post('/api/v1/agent/baseline/fetch', new Uint8Array(0));
    for (const f of topLevelFields(reply)) {
      if (f.field === 1 && f.wireType === 2) return reply.subarray(f.valueStart, f.end);
    }
    throw new CollectorError('collector sent a baseline reply without a manifest', 200, 'BAD_REPLY', true);
  }

  /** Sends already-encoded events as one EventBatch. */
  async sendEvents(events: readonly Uint8Array[]): Promise<driftwatch.v1.Ack> {
    const w = pb.EventBatch.encode({});
    for (const e of events) w.uint32(0x0a).bytes(e);
    return pb.Ack.decode(await this.post('/api/v1/agent/events', w.finish()));
  }

  async heartbeat(merkleRoot: Uint8Array, lastSeq: number): Promise<driftwatch.v1.Ack> {
    const now = Date.now();
    const body = pb.Heartbeat.encode({ sentAt: { seconds: Math.floor(now / 1000), nanos: (now % 1000) * 1e6 }, merkleRoot, lastSeq }).finish();
    return pb.Ack.decode(await this.post('/api/v1/agent/heartbeat', body));
  }

  close(): void {
    this.agent.destroy();
  }

  private post(path: string, body: Uint8Array | StreamedBody, signed = true): Promise<Buffer> {
    const url = new URL(path.slice(1), this.base.href.endsWith('/') ? this.base : new URL(`${this.base.href}/`));
    const streamed = 'send' in body;
    const headers: Record<string, string> = { 'content-type': PROTOBUF, 'content-length': String(body.length) };
    if (signed) {
      if (this.identity === undefined) throw new Error('CollectorClient: not enrolled');
      const signedBody = streamed ? { sha256Hex: body.sha256Hex } : body;
      Object.assign(headers, signRequest(this.identity.key, { method: 'POST', path: url.pathname, hostId: this.identity.hostId, body: signedBody }));
    }
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(url, { method: 'POST', headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > MAX_REPLY_BYTES) req.destroy(new Error(`reply larger than ${MAX_REPLY_BYTES} bytes`));
          else chunks.push(c);
        });
        res.on('end', () => {
          const reply = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          if (status === 200) resolve(reply);
          else reject(refusal(status, reply));
        });
        res.on('error', (err) => reject(network(err)));
      });
      req.on('timeout', () => req.destroy(new Error('request timed out')));
      req.on('error', (err) => reject(network(err)));
      if (streamed) body.send(req);
      else req.end(body);
    });
  }
}

function network(err: Error): CollectorError {
  return err instanceof CollectorError ? err : new CollectorError(`collector unreachable: ${err.message}`, 0, 'NETWORK', true);
}

function refusal(status: number, body: Buffer): CollectorError {
  let code = `HTTP_${status}`;
  let message = body.toString('utf8').slice(0, 300);
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string') code = parsed.error.code;
    if (typeof parsed.error?.message === 'string') message = parsed.error.message.slice(0, 300);
  } catch {
    // not our JSON error body (a proxy's page): keep the status
  }
  // A clock off by more than the window, a rate limit or a server fault can heal; a refusal cannot.
  const retriable = status >= 500 || status === 429 || code === 'COLLECTOR_SIGNATURE_EXPIRED';
  return new CollectorError(`collector refused ${status} ${code}: ${message}`, status, code, retriable);
}
