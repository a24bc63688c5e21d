// The store's side of captured file content (issue 6): contents kept once
// each, by the SHA-256 of their bytes, and referred to by the agent events
// that carried them and by the sealed baseline's paths. Store extends this.
import type { RequestNonce } from './store.js';

/** A captured content as received and checked at ingest (ingest/content-wire.ts). */
export interface ContentRecord {
  /** Hex SHA-256 of the content as stored (inflated; redacted if `redacted`), computed by the collector. */
  hash: string;
  /** Hex SHA-256 of the file on disk, as the agent reported it (the manifest entry's). */
  sha256: string;
  /** deflate-raw of the content (common/content-codec.ts). */
  compressed: Buffer;
  /** Bytes of the content, inflated. */
  size: number;
  /** The agent replaced credential values: `sha256` is not the hash of the content. */
  redacted: boolean;
}

/** A baseline content and the sealed manifest's paths whose entry has its sha256. */
export interface BaselineContent {
  content: ContentRecord;
  paths: readonly string[];
}

export interface ContentStore {
  /**
   * Keeps the baseline's content of each path (a path already given one keeps
   * it); spends the signed request's nonce in the same transaction. Returns
   * the paths newly given a content.
   */
  storeBaselineContents(hostId: string, items: readonly BaselineContent[], nonce?: RequestNonce): Promise<number>;
  /** The content the agent event (host, seq) carried. */
  getEventContent(hostId: string, seq: number): Promise<ContentRecord | undefined>;
  /** The sealed baseline's content of `path`, when the agent captured it. */
  getBaselineContent(hostId: string, path: string): Promise<ContentRecord | undefined>;
}
