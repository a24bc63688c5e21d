// Row <-> record mapping for the SQLite store. Rows are what better-sqlite3
// returns (INTEGER as number, BLOB as Buffer, JSON as TEXT); records are the
// Store interface's types. JSON read back is checked for shape, so a damaged
// or hand-edited row fails loudly here rather than deep in the API.
import { SEVERITIES, VERDICTS, type EventVerdict, type Severity, type Verdict } from '../policy/policy-types.js';
import type { HostFactsRecord, HostRecord, HostState, StoredEvent } from './store.js';

export interface HostRow {
  id: string;
  facts: string;
  public_key: Buffer;
  state: string;
  enrolled_at: number;
  baseline_root: string;
  baseline_at: number | null;
  last_seen_at: number | null;
  acked_seq: number;
  last_event_hash: string;
  image_id: string;
}

export interface EventRow {
  host_id: string;
  seq: number;
  kind: string;
  path: string;
  changes: string;
  received_at: number;
  payload: string;
  hash: string;
  /** '' (with severity and rule '') for events stored before there was a policy. */
  verdict: string;
  severity: string;
  rule: string;
}

/** Every state with a zero count; typed as a Record so a new state fails to compile here. */
export function zeroStateCounts(): Record<HostState, number> {
  return { pending: 0, clean: 0, drifted: 0, terminating: 0, terminated: 0, silent: 0 };
}

function isHostState(s: string): s is HostState {
  return Object.hasOwn(zeroStateCounts(), s);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new Error(`stored ${what} is not valid JSON: ${(err as Error).message}`);
  }
}

function toFacts(text: string, hostId: string): HostFactsRecord {
  const v = parseJson(text, `facts of host ${hostId}`);
  if (!isPlainObject(v)) throw new Error(`stored facts of host ${hostId} are not an object`);
  const str = (k: string): string => {
    const s = v[k];
    if (typeof s !== 'string') throw new Error(`stored facts of host ${hostId}: ${k} is not a string`);
    return s;
  };
  const labels = v['labels'];
  if (!isPlainObject(labels) || !Object.values(labels).every((l) => typeof l === 'string')) {
    throw new Error(`stored facts of host ${hostId}: labels are not a string map`);
  }
  return {
    hostname: str('hostname'),
    machineId: str('machineId'),
    instanceId: str('instanceId'),
    imageId: str('imageId'),
    os: str('os'),
    kernel: str('kernel'),
    labels: labels as Record<string, string>,
  };
}

/** Only the known fields, in a fixed order: the stored JSON does not depend on the caller's object. */
export function factsJson(facts: HostFactsRecord): string {
  const { hostname, machineId, instanceId, imageId, os, kernel, labels } = facts;
  return JSON.stringify({ hostname, machineId, instanceId, imageId, os, kernel, labels });
}

const dateOrNull = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function toHostRecord(row: HostRow): HostRecord {
  if (!isHostState(row.state)) throw new Error(`host ${row.id} has unknown state ${JSON.stringify(row.state)}`);
  return {
    id: row.id,
    facts: toFacts(row.facts, row.id),
    publicKey: row.public_key,
    state: row.state,
    enrolledAt: new Date(row.enrolled_at),
    baselineRoot: row.baseline_root,
    baselineAt: dateOrNull(row.baseline_at),
    lastSeenAt: dateOrNull(row.last_seen_at),
    ackedSeq: row.acked_seq,
    lastEventHash: row.last_event_hash,
  };
}

export function toEventRow(e: StoredEvent): EventRow {
  return {
    host_id: e.hostId,
    seq: e.seq,
    kind: e.kind,
    path: e.path,
    changes: JSON.stringify(e.changes),
    received_at: e.receivedAt.getTime(),
    payload: JSON.stringify(e.payload),
    hash: e.hash,
    verdict: e.verdict?.verdict ?? '',
    severity: e.verdict?.severity ?? '',
    rule: e.verdict?.rule ?? '',
  };
}

function toVerdict(row: EventRow, where: string): EventVerdict | undefined {
  if (row.verdict === '') return undefined;
  // The CHECK constraints keep both to the known values; a hand-edited row fails here.
  if (!(VERDICTS as readonly string[]).includes(row.verdict) || !(SEVERITIES as readonly string[]).includes(row.severity)) {
    throw new Error(`stored verdict of ${where} is unknown: ${row.verdict}/${row.severity}`);
  }
  return { verdict: row.verdict as Verdict, severity: row.severity as Severity, rule: row.rule };
}

export function toStoredEvent(row: EventRow): StoredEvent {
  const where = `event ${row.host_id}#${row.seq}`;
  const changes = parseJson(row.changes, `changes of ${where}`);
  if (!Array.isArray(changes) || !changes.every((c) => typeof c === 'string')) {
    throw new Error(`stored changes of ${where} are not a string array`);
  }
  const payload = parseJson(row.payload, `payload of ${where}`);
  if (!isPlainObject(payload)) throw new Error(`stored payload of ${where} is not an object`);
  const verdict = toVerdict(row, where);
  return {
    hostId: row.host_id,
    seq: row.seq,
    kind: row.kind,
    path: row.path,
    changes: changes as string[],
    receivedAt: new Date(row.received_at),
    payload,
    hash: row.hash,
    ...(verdict === undefined ? {} : { verdict }),
  };
}
