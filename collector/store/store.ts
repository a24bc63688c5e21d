// The collector's one door to its database. Every method is async so the
// embedded SQLite store and a PostgreSQL store (several stateless collector
// replicas on one database) fit behind the same interface.
import type { EventVerdict } from '../policy/policy-types.js';
import type { ContentRecord, ContentStore } from './content-store.js';
import type { DashboardStore } from './dashboard-store.js';
import type { ResponseStore } from './response-store.js';
import type { ReportStore } from './report-store.js';

export type HostState = 'pending' | 'clean' | 'drifted' | 'terminating' | 'terminated' | 'silent';

export interface HostFactsRecord {
  hostname: string;
  machineId: string;
  instanceId: string;
  imageId: string;
  os: string;
  kernel: string;
  labels: Record<string, string>;
}

export interface HostRecord {
  id: string;
  facts: HostFactsRecord;
  /** Raw 32-byte Ed25519 public key. */
  publicKey: Buffer;
  state: HostState;
  enrolledAt: Date;
  /** Hex Merkle root of the sealed baseline; '' while pending. */
  baselineRoot: string;
  baselineAt: Date | null;
  lastSeenAt: Date | null;
  /** Highest contiguous event sequence stored (0: none). */
  ackedSeq: number;
  /** Hex hash of the event at ackedSeq ('' when none): the chain continues from it. */
  lastEventHash: string;
}

/** One drift event as stored. `kind` is a contract event kind; `payload` is its JSON form. */
export interface StoredEvent {
  hostId: string;
  seq: number;
  kind: string;
  path: string;
  changes: string[];
  receivedAt: Date;
  /** The event's JSON form (as the API returns it), without seq. */
  payload: Record<string, unknown>;
  /** Hex SHA-256 chain hash as sent by the agent; '' for events the collector recorded itself. */
  hash: string;
  /** The policy's verdict; absent for events stored before there was a policy. */
  verdict?: EventVerdict;
  /** The captured content of the `after` file (stored apart, once per content; not read back by listEvents). */
  content?: ContentRecord;
}

export interface EventFilter {
  kind?: string;
  since?: Date;
  until?: Date;
  limit: number;
  /** Events with seq greater than this (paging). */
  afterSeq?: number;
}

export interface HostFilter {
  state?: HostState;
  imageId?: string;
  /** label key=value pairs that must all match */
  labels?: Record<string, string>;
}

export interface AppendResult {
  /** Highest contiguous sequence stored after this append. */
  ackedSeq: number;
  /** Events stored now (duplicates of stored ones are not counted). */
  stored: number;
}

/**
 * A signed request's nonce, remembered until `expiresAt` so the request cannot
 * be replayed; spent in the same transaction as the request's writes.
 */
export interface RequestNonce {
  nonce: string;
  expiresAt: Date;
  now: Date;
}

export type Role = 'viewer' | 'responder' | 'admin';

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface AuditEntry {
  id: number;
  at: Date;
  /** Who acted: a token id, "admin-token" (the --admin-token) or "cli". */
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export interface Store extends ResponseStore, ContentStore, ReportStore, DashboardStore {
  /** Creates or upgrades the schema (numbered migrations). */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createHost(facts: HostFactsRecord, publicKey: Buffer, now: Date): Promise<HostRecord>;
  getHost(id: string): Promise<HostRecord | undefined>;
  listHosts(filter: HostFilter): Promise<HostRecord[]>;

  /**
   * Seals the host's canonical baseline (the manifest bytes) once; pending -> clean. False if already sealed.
   * Like every write of a signed request, it spends the request's nonce in the same transaction and
   * throws COLLECTOR_REPLAY (writing nothing) if it was spent before.
   */
  sealBaseline(hostId: string, manifest: Uint8Array, merkleRoot: string, now: Date, nonce?: RequestNonce): Promise<boolean>;
  getBaseline(hostId: string): Promise<Uint8Array | undefined>;

  /**
   * Appends events in one transaction. Events whose seq is already stored are
   * skipped (idempotent resend). The caller has checked order and chain;
   * `newState` (if given) is applied in the same transaction.
   */
  appendEvents(
    hostId: string, events: StoredEvent[], ackedSeq: number, lastEventHash: string, newState?: HostState, nonce?: RequestNonce,
  ): Promise<AppendResult>;
  listEvents(hostId: string, filter: EventFilter): Promise<StoredEvent[]>;

  recordHeartbeat(hostId: string, at: Date, merkleRoot: string, lastSeq: number, nonce?: RequestNonce): Promise<void>;

  /** For signed requests that write nothing else (reads): spends the nonce; throws COLLECTOR_REPLAY if spent before. */
  spendNonce(hostId: string, nonce: RequestNonce): Promise<void>;

  /** Counts of hosts by state. */
  countHostsByState(): Promise<Record<HostState, number>>;

  /**
   * Hosts in `clean` or `pending` not seen since `before` become `silent`;
   * returns their ids. (A drifted host stays drifted: that is the graver news.)
   * A silent host that is heard from again is clean again (recordHeartbeat,
   * appendEvents).
   */
  markSilent(before: Date): Promise<string[]>;

  /**
   * Stores a token by the SHA-256 of its secret (the secret itself is never
   * stored) and its `token.create` audit row by `actor`, in one transaction.
   */
  createToken(name: string, role: Role, tokenHash: Buffer, now: Date, actor: string): Promise<TokenRecord>;
  /** The live (unrevoked) token with this hash. */
  findToken(tokenHash: Buffer): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  /** Revokes a live token and audits it (`token.revoke` by `actor`) in one transaction; false if there is no such live token. */
  revokeToken(id: string, now: Date, actor: string): Promise<boolean>;

  /** The append-only audit log of operator actions. */
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
}
