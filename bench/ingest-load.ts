// The ingest benchmark's load generator, run by ingest-bench.ts as its own
// process so that its CPU shows up apart from the collector's. It enrolls N
// simulated hosts, then runs two phases against the collector: signed event
// batches, then signed heartbeats. Each host has at most one request in flight
// (an agent sends its outbox in order); `--event-concurrency` hosts send
// batches at a time, `--concurrency` hosts send heartbeats.
// Progress goes to stderr; the result is one JSON object on stdout.
//
// Closed loop by default (a worker sends its next request as soon as the last
// one is answered: the collector's maximum rate). With --event-rate or
// --heartbeat-rate the requests follow a fixed schedule instead, and latency
// counts from the scheduled time, so a stalled collector is not hidden by the
// generator waiting for it (coordinated omission).
import http from 'node:http';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { ENROLL_PATH, EVENTS_PATH, HEARTBEAT_PATH, SimHost } from './ingest-hosts.js';
import { intFlag, LatencyRecorder, type LatencySummary } from './ingest-stats.js';

const pb = driftwatch.v1;

export interface PhaseResult {
  readonly name: 'events' | 'heartbeats';
  /** Epoch ms: the phase start, the end of its warm-up (counting starts) and its end. */
  readonly startedAt: number;
  readonly measuredFrom: number;
  readonly endedAt: number;
  readonly mode: string;
  readonly requests: number;
  readonly okRequests: number;
  readonly units: number;
  readonly unitsPerS: number;
  readonly requestsPerS: number;
  readonly httpErrors: Record<string, number>;
  readonly ackMismatches: number;
  readonly errorSamples: string[];
  readonly batchesBuiltDuringPhase: number;
  /**
   * Units acknowledged in each second of the phase, warm-up included (the last
   * entry holds the answers that came after the end): shows a slowdown as the database grows.
   */
  readonly perSecond: number[];
  readonly latency: LatencySummary;
  /** CPU seconds this generator process used during the phase. */
  readonly generatorCpuS: number;
}

export interface LoadResult {
  readonly hosts: number;
  readonly concurrency: number;
  readonly eventConcurrency: number;
  readonly batchSize: number;
  readonly durationS: number;
  readonly warmupS: number;
  readonly enrollMs: number;
  readonly prebuild: { readonly batches: number; readonly events: number; readonly ms: number; readonly mb: number };
  readonly phases: PhaseResult[];
  readonly generatorCpuS: number;
}

const { values: a } = parseArgs({
  options: {
    url: { type: 'string' }, hosts: { type: 'string' }, concurrency: { type: 'string' }, 'event-concurrency': { type: 'string' },
    duration: { type: 'string' }, warmup: { type: 'string' }, batch: { type: 'string' }, 'event-rate': { type: 'string' },
    'heartbeat-rate': { type: 'string' }, 'prebuild-rate': { type: 'string' }, 'presign-rate': { type: 'string' },
  },
  strict: true, allowPositionals: false,
});
const target = new URL(a.url ?? 'http://127.0.0.1:8080');
const hostCount = intFlag('hosts', a.hosts, 200, 1);
const concurrency = intFlag('concurrency', a.concurrency, 32, 1);
const eventConcurrency = intFlag('event-concurrency', a['event-concurrency'], 4, 1);
const durationS = intFlag('duration', a.duration, 60, 2);
const warmupS = intFlag('warmup', a.warmup, Math.min(5, Math.floor(durationS / 5)), 0);
const batchSize = intFlag('batch', a.batch, 100, 1);
// Enough prepared batches for this many events/s over the whole phase; past that, batches are built on the fly.
const prebuildRate = intFlag('prebuild-rate', a['prebuild-rate'], 50_000, 0);
// The same for heartbeats, presigned (signing is the agents' work, not the collector's).
const presignRate = intFlag('presign-rate', a['presign-rate'], 7_000, 0);
// The enroll token comes through the environment, like the collector's, to keep it out of `ps`.
const enrollToken = process.env.DRIFTWATCH_ENROLL_TOKEN ?? '';
if (Math.max(concurrency, eventConcurrency) > hostCount) throw new Error('concurrency cannot exceed --hosts: a host sends one request at a time');
const log = (msg: string): void => void process.stderr.write(`[load] ${msg}\n`);

// One keep-alive socket per in-flight request; Nagle off so a request is never held back waiting for an ACK.
const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(concurrency, eventConcurrency), noDelay: true });

function post(path: string, headers: Record<string, string>, body: Uint8Array): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, hostname: target.hostname, port: target.port, method: 'POST', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function enrollAll(hosts: SimHost[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let h = hosts[next++]; h !== undefined; h = hosts[next++]) {
      const r = await post(ENROLL_PATH, { 'content-type': 'application/x-protobuf' }, h.enrollBody(enrollToken));
      if (r.status !== 200) throw new Error(`enrolling host ${h.index}: HTTP ${r.status} ${r.body.toString().slice(0, 200)}`);
      h.hostId = pb.EnrollResponse.decode(r.body).hostId;
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, concurrency) }, worker));
}

interface Prepared {
  readonly body: Uint8Array;
  /** Signed ahead of time; absent: signed when sent. */
  readonly headers?: Record<string, string>;
  readonly expectAck: number;
  readonly built: boolean;
}

interface PhaseSpec {
  readonly name: PhaseResult['name'];
  readonly path: string;
  readonly unitsPerRequest: number;
  /** Units per second on a schedule, or 0 for a closed loop. */
  readonly rate: number;
  readonly concurrency: number;
  readonly prepare: (h: SimHost) => Prepared;
}

async function runPhase(spec: PhaseSpec, hosts: SimHost[]): Promise<PhaseResult> {
  const idle = [...hosts]; // FIFO, so every host takes its turn and each chain advances evenly
  const latency = new LatencyRecorder();
  const httpErrors: Record<string, number> = {};
  const errorSamples: string[] = [];
  const perSecond = new Array<number>(durationS + 1).fill(0);
  let requests = 0, okRequests = 0, units = 0, ackMismatches = 0, built = 0, scheduledCount = 0;
  const startedAt = Date.now();
  const t0 = performance.now();
  const countFrom = t0 + warmupS * 1000;
  const endAt = t0 + durationS * 1000;
  const interval = spec.rate > 0 ? (1000 * spec.unitsPerRequest) / spec.rate : 0;
  const cpu0 = process.cpuUsage();

  const worker = async (): Promise<void> => {
    for (;;) {
      let scheduled = performance.now();
      if (interval > 0) {
        scheduled = t0 + scheduledCount++ * interval;
        if (scheduled >= endAt) return;
        if (scheduled > performance.now()) await sleep(scheduled - performance.now());
      } else if (scheduled >= endAt) return;
      const host = idle.shift()!; // never empty: there are no more workers than hosts
      const p = spec.prepare(host);
      if (p.built) built += 1;
      const headers = p.headers ?? host.signedHeaders(spec.path, p.body);
      const sentAt = interval > 0 ? scheduled : performance.now();
      let status = 0;
      let ack = -1;
      let detail = '';
      try {
        const r = await post(spec.path, headers, p.body);
        status = r.status;
        if (status === 200) ack = Number(pb.Ack.decode(r.body).ackedSeq);
        else detail = r.body.toString('utf8').slice(0, 200);
      } catch (err) {
        detail = err instanceof Error ? err.message : String(err);
      }
      const done = performance.now();
      if (status === 200) host.ackedSeq = ack;
      idle.push(host);
      const second = Math.floor((done - t0) / 1000);
      if (status === 200 && second < perSecond.length) perSecond[second]! += spec.unitsPerRequest;
      if (done < countFrom || done > endAt) continue; // warm-up and the final drain are not counted
      requests += 1;
      latency.record(done - sentAt);
      if (status !== 200) {
        httpErrors[String(status)] = (httpErrors[String(status)] ?? 0) + 1;
        if (errorSamples.length < 5) errorSamples.push(`${status} ${detail}`);
      } else if (ack !== p.expectAck) {
        ackMismatches += 1;
        if (errorSamples.length < 5) errorSamples.push(`ack ${ack}, expected ${p.expectAck}`);
      } else {
        okRequests += 1;
        units += spec.unitsPerRequest;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  const countedS = durationS - warmupS;
  return {
    name: spec.name, startedAt, measuredFrom: startedAt + warmupS * 1000, endedAt: startedAt + durationS * 1000,
    mode: interval > 0 ? `paced ${spec.rate}/s, max ${spec.concurrency}` : `closed loop, ${spec.concurrency} in flight`,
    requests, okRequests, units, unitsPerS: units / countedS, requestsPerS: requests / countedS,
    httpErrors, ackMismatches, errorSamples, batchesBuiltDuringPhase: built, perSecond, latency: latency.summary(),
    generatorCpuS: (cpu.user + cpu.system) / 1e6,
  };
}

async function main(): Promise<void> {
  const cpuStart = process.cpuUsage();
  const hosts = Array.from({ length: hostCount }, (_, i) => new SimHost(i));
  let t = performance.now();
  await enrollAll(hosts);
  const enrollMs = performance.now() - t;
  log(`enrolled ${hostCount} hosts in ${(enrollMs / 1000).toFixed(1)} s`);

  t = performance.now();
  const perHost = Math.ceil((prebuildRate * durationS) / batchSize / hostCount);
  for (const h of hosts) h.prebuild(perHost, batchSize);
  const prebuildMs = performance.now() - t;
  const mb = process.memoryUsage().arrayBuffers / 1e6;
  log(`prebuilt ${perHost * hostCount} batches of ${batchSize} events in ${(prebuildMs / 1000).toFixed(1)} s (${mb.toFixed(0)} MB)`);

  const phases: PhaseResult[] = [];
  log(`phase events: ${durationS} s (first ${warmupS} s not counted)`);
  phases.push(await runPhase({
    name: 'events', path: EVENTS_PATH, unitsPerRequest: batchSize, rate: intFlag('event-rate', a['event-rate'], 0, 0), concurrency: eventConcurrency,
    prepare: (h) => {
      const { batch, built } = h.takeBatch(batchSize);
      return { body: batch.body, expectAck: batch.lastSeq, built };
    },
  }, hosts));
  for (const h of hosts) h.dropPrebuilt();
  log(`phase heartbeats: ${durationS} s (first ${warmupS} s not counted)`);
  t = performance.now();
  const presignPerHost = Math.ceil((presignRate * durationS) / hostCount);
  for (const h of hosts) h.presignHeartbeats(presignPerHost, HEARTBEAT_PATH);
  const presignMs = performance.now() - t;
  log(`presigned ${presignPerHost * hostCount} heartbeats in ${(presignMs / 1000).toFixed(1)} s`);
  phases.push(await runPhase({
    name: 'heartbeats', path: HEARTBEAT_PATH, unitsPerRequest: 1, rate: intFlag('heartbeat-rate', a['heartbeat-rate'], 0, 0), concurrency,
    prepare: (h) => {
      const { body, headers, built } = h.takeHeartbeat(HEARTBEAT_PATH);
      return { body, headers, expectAck: h.ackedSeq, built };
    },
  }, hosts));
  agent.destroy();

  const cpu = process.cpuUsage(cpuStart);
  const result: LoadResult = {
    hosts: hostCount, concurrency, eventConcurrency, batchSize, durationS, warmupS, enrollMs,
    prebuild: { batches: perHost * hostCount, events: perHost * hostCount * batchSize, ms: prebuildMs, mb },
    phases, generatorCpuS: (cpu.user + cpu.system) / 1e6,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
