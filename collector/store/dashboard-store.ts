// The store's queries for the dashboard (collector/ui/): each widget of a
// page is one query, paged or bounded, so a page costs the same for ten hosts
// as for ten thousand plus what it shows. Store extends this.
import type { AuditEntry, HostFilter, HostRecord, StoredEvent } from './store.js';

export interface HostPageQuery extends HostFilter {
  /** Hostname prefix or host id prefix (case-insensitive for the hostname). */
  search?: string;
  offset: number;
  limit: number;
}

export interface HostPage {
  hosts: HostRecord[];
  /** Hosts matching the query in all (for the pager). */
  total: number;
}

/** Events received in one time bucket with one verdict ('' for events without one). */
export interface HistogramCell {
  /** Start of the bucket, ms since the epoch. */
  bucket: number;
  verdict: string;
  count: number;
}

export interface FleetEvent {
  event: StoredEvent;
  hostname: string;
}

export interface BaselineFacts {
  /** Bytes of the sealed manifest as stored. */
  manifestBytes: number;
  /** Paths of the baseline whose content the agent captured. */
  capturedPaths: number;
}

/**
 * Numbers that move whenever hosts, events or terminations change: the live
 * updates compare two of them to tell the pages what to fetch again.
 */
export interface ChangeMarks {
  /** Host count and counts by state, as one string. */
  hosts: string;
  /** The newest event's row id. */
  events: number;
  /** The newest termination's id and the newest audit row's (every decision writes one). */
  terminations: string;
}

export interface DashboardStore {
  /** One page of the hosts matching the filter and search, by hostname then id, and how many match. */
  pageHosts(q: HostPageQuery): Promise<HostPage>;
  /** Events received in [since, until), counted per `bucketMs` bucket (aligned to `since`) and verdict. */
  eventHistogram(since: Date, until: Date, bucketMs: number): Promise<HistogramCell[]>;
  /** The fleet's latest events, newest first, with their host's name. */
  latestEvents(limit: number): Promise<FleetEvent[]>;
  /** A host's events, newest first; `beforeSeq` pages back. */
  recentEvents(hostId: string, limit: number, beforeSeq?: number): Promise<StoredEvent[]>;
  /** Audit entries whose detail names the host (detail.host_id), newest first. */
  hostAudit(hostId: string, limit: number): Promise<AuditEntry[]>;
  /** What is cheap to know of a host's sealed baseline without reading it; undefined when not sealed. */
  baselineFacts(hostId: string): Promise<BaselineFacts | undefined>;
  changeMarks(): Promise<ChangeMarks>;
  /** The hostnames of these hosts (at most 1000 ids), by id; unknown ids are left out. */
  hostnames(ids: readonly string[]): Promise<Map<string, string>>;
}
