// The agent-facing routes: enroll, baseline upload, event batches, heartbeats.
// All take and return application/x-protobuf; every request after enrollment
// is signed (host-auth.ts).
import type { FastifyInstance } from 'fastify';
import $protobuf from 'protobufjs/minimal.js';
import { DriftwatchError } from '../../common/errors.js';
import type { CollectorConfig } from '../config.js';
import { evaluate } from '../policy/policy-evaluate.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import { sameSecret } from '../http/secrets.js';
import type { HostFactsRecord, Store, StoredEvent } from '../store/store.js';
import { acceptBatch } from './accept-batch.js';
import { registerContentRoute } from './content-route.js';
import { ContentLimits } from './content-wire.js';
import { recomputeBaselineRoot } from './baseline-root.js';
import { decodeEvent } from './event-json.js';
import { directivesFor } from './directives.js';
import { authenticateHost } from './host-auth.js';
import { HostLock } from './host-lock.js';
import { RateLimiter } from './rate-limit.js';
import { bodyOf, boundedString, decodeOrReject, invalid, LIMITS, manifestHead, pb, PROTOBUF, repeatedRecords } from './wire.js';

const now = (): Date => new Date();


function hostFacts(h: ReturnType<typeof pb.EnrollRequest.decode>['host']): HostFactsRecord {
  const labels: Record<string, string> = {};
  const entries = Object.entries(h?.labels ?? {});
  if (entries.length > LIMITS.labels) throw invalid(`more than ${LIMITS.labels} labels`);
  for (const [k, v] of entries) labels[boundedString(k, 'label key', 128)] = boundedString(v, `label ${k}`);
  return {
    hostname: boundedString(h?.hostname, 'hostname'), machineId: boundedString(h?.machineId, 'machine_id'),
    instanceId: boundedString(h?.instanceId, 'instance_id'), imageId: boundedString(h?.imageId, 'image_id'),
    os: boundedString(h?.os, 'os'), kernel: boundedString(h?.kernel, 'kernel'), labels,
  };
}

/** `policy` judges every stored event; `onStored` hears the events each batch stored, with their verdicts (for metrics). */
export function registerAgentRoutes(
  app: FastifyInstance, store: Store, config: Readonly<CollectorConfig>, policy: PolicyHolder, onStored: (stored: readonly StoredEvent[]) => void = () => undefined,
): void {
  const lock = new HostLock();
  const limiter = new RateLimiter(config.rateLimitPerSecond, config.rateLimitBurst);
  app.post('/api/v1/agent/enroll', async (req, reply) => {
    const body = bodyOf(req);
    const msg = decodeOrReject('EnrollRequest', () => pb.EnrollRequest.decode(body));
    if (!sameSecret(msg.enrollToken, config.enrollToken)) throw new DriftwatchError('COLLECTOR_ENROLL_TOKEN_INVALID', 'enrollment token is wrong');
    if (msg.publicKey.length !== 32) throw invalid('public_key must be a raw 32-byte Ed25519 key');
    const host = await store.createHost(hostFacts(msg.host), Buffer.from(msg.publicKey), new Date());
    req.log.info({ hostId: host.id, hostname: host.facts.hostname }, 'host enrolled');
    return reply.type(PROTOBUF).send(Buffer.from(pb.EnrollResponse.encode({ hostId: host.id }).finish()));
  });

  app.post('/api/v1/agent/baseline', { bodyLimit: config.maxBaselineBytes }, async (req, reply) => {
    const body = bodyOf(req);
    const now = new Date();
    const { host, nonce } = await authenticateHost(req, body, store, config.clockSkewMs, now, limiter);
    // The canonical copy is the manifest's bytes as the host sent them.
    const [manifestBytes] = decodeOrReject('BaselineUpload', () => repeatedRecords(body, 1, 1));
    if (manifestBytes === undefined) throw invalid('baseline upload without a manifest');
    const { head: m } = decodeOrReject('Manifest', () => manifestHead(manifestBytes, config.maxBaselineEntries));
    if (m.formatVersion !== 1) throw invalid(`manifest format_version is ${m.formatVersion}, expected 1`);
    if (m.merkleRoot.length !== 32) throw invalid('manifest merkle_root is not 32 bytes');
    const claimed = Buffer.from(m.merkleRoot).toString('hex');
    let actual: string;
    try {
      actual = await recomputeBaselineRoot(manifestBytes);
    } catch (err) {
      throw invalid(`manifest entries are malformed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (actual !== claimed) throw invalid('manifest merkle_root does not match its entries');
    if (!(await store.sealBaseline(host.id, manifestBytes, claimed, now, nonce))) {
      throw new DriftwatchError('COLLECTOR_BASELINE_SEALED', `host ${host.id} already has a sealed baseline`);
    }
    return reply.type(PROTOBUF).send(Buffer.from(pb.Ack.encode({ ackedSeq: host.ackedSeq }).finish()));
  });

  app.post('/api/v1/agent/events', { bodyLimit: config.maxBodyBytes }, async (req, reply) => {
    const body = bodyOf(req);
    const now = new Date();
    const { host: authed, nonce } = await authenticateHost(req, body, store, config.clockSkewMs, now, limiter);
    const records = decodeOrReject('EventBatch', () => repeatedRecords(body, 1, config.maxEventsPerBatch));
    const limits = new ContentLimits(config.maxContentBytes);
    const events = records.map((bytes) => ({ bytes, decoded: decodeOrReject('DriftEvent', () => decodeEvent(bytes, limits)) }));
    const result = await lock.run(authed.id, async () => {
      const host = (await store.getHost(authed.id))!; // re-read under the lock: the chain head may have moved
      // One policy for the whole batch, even if a reload lands meanwhile.
      const rules = policy.current;
      const facts = { imageId: host.facts.imageId, labels: host.facts.labels };
      const outcome = acceptBatch(host, events, now, (e) => evaluate(e, facts, rules));
      const appended = await store.appendEvents(host.id, outcome.toStore, outcome.ackedSeq, outcome.lastEventHash, outcome.newState, nonce);
      if (appended.stored > 0) onStored(outcome.toStore);
      return appended;
    });
    const directives = await directivesFor(authed, store);
    return reply.type(PROTOBUF).send(Buffer.from(pb.Ack.encode({ ackedSeq: result.ackedSeq, directives }).finish()));
  });

  // What the collector holds for the host; the agent compares at start.
  app.post('/api/v1/agent/state', { bodyLimit: 1024 }, async (req, reply) => {
    const body = bodyOf(req);
    const { host, nonce } = await authenticateHost(req, body, store, config.clockSkewMs, now(), limiter);
    await store.spendNonce(host.id, nonce);
    const state = {
      baselineRoot: Buffer.from(host.baselineRoot, 'hex'), ackedSeq: host.ackedSeq, lastEventHash: Buffer.from(host.lastEventHash, 'hex'),
    };
    return reply.type(PROTOBUF).send(Buffer.from(pb.AgentState.encode(state).finish()));
  });

  // The canonical baseline, for an agent whose local copy does not match it.
  app.post('/api/v1/agent/baseline/fetch', { bodyLimit: 1024 }, async (req, reply) => {
    const body = bodyOf(req);
    const { host, nonce } = await authenticateHost(req, body, store, config.clockSkewMs, now(), limiter);
    await store.spendNonce(host.id, nonce);
    const manifest = await store.getBaseline(host.id);
    if (manifest === undefined) throw new DriftwatchError('COLLECTOR_NOT_FOUND', `host ${host.id} has no sealed baseline`);
    // BaselineUpload { manifest = 1 } around the stored bytes, without decoding them.
    const w = $protobuf.Writer.create();
    w.uint32(0x0a).bytes(manifest);
    return reply.type(PROTOBUF).send(Buffer.from(w.finish()));
  });

  registerContentRoute(app, store, config, limiter);

  app.post('/api/v1/agent/heartbeat', { bodyLimit: 64 * 1024 }, async (req, reply) => {
    const body = bodyOf(req);
    const now = new Date();
    const { host, nonce } = await authenticateHost(req, body, store, config.clockSkewMs, now, limiter);
    const msg = decodeOrReject('Heartbeat', () => pb.Heartbeat.decode(body));
    if (msg.merkleRoot.length !== 0 && msg.merkleRoot.length !== 32) throw invalid('merkle_root is not 32 bytes');
    await store.recordHeartbeat(host.id, now, Buffer.from(msg.merkleRoot).toString('hex'), msg.lastSeq, nonce);
    const directives = await directivesFor(host, store);
    return reply.type(PROTOBUF).send(Buffer.from(pb.Ack.encode({ ackedSeq: host.ackedSeq, directives }).finish()));
  });
}
