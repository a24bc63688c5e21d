// The SQLite side of captured file content (content-store.ts; tables of
// migration 5). Functions of the Database, run inside the caller's
// transaction; sqlite-store.ts delegates to them. Statements are prepared once
// per connection.
import type Database from 'better-sqlite3';
import type { BaselineContent, ContentRecord } from './content-store.js';
import { perConnection } from './sqlite-statements.js';

interface ContentRow {
  hash: Buffer;
  compressed: Buffer;
  size: number;
  sha256: Buffer;
  redacted: number;
}

interface RefRow {
  host: string;
  hash: Buffer;
  sha256: Buffer;
  redacted: number;
}

function prepare(db: Database.Database) {
  const select = 'SELECT c.hash, c.compressed, c.size, r.sha256, r.redacted FROM contents AS c';
  return {
    // The first copy of a content stays: the hash is of the bytes, so any copy is the same content.
    insertContent: db.prepare<{ hash: Buffer; compressed: Buffer; size: number }>(
      'INSERT INTO contents (hash, compressed, size) VALUES (@hash, @compressed, @size) ON CONFLICT (hash) DO NOTHING'),
    insertEventRef: db.prepare<RefRow & { seq: number }>(
      `INSERT INTO event_contents (host_id, seq, hash, sha256, redacted) VALUES (@host, @seq, @hash, @sha256, @redacted)
       ON CONFLICT (host_id, seq) DO NOTHING`),
    insertBaselineRef: db.prepare<RefRow & { path: string }>(
      `INSERT INTO baseline_contents (host_id, path, hash, sha256, redacted) VALUES (@host, @path, @hash, @sha256, @redacted)
       ON CONFLICT (host_id, path) DO NOTHING`),
    eventContent: db.prepare<[string, number], ContentRow>(
      `${select} JOIN event_contents AS r ON r.hash = c.hash WHERE r.host_id = ? AND r.seq = ?`),
    baselineContent: db.prepare<[string, string], ContentRow>(
      `${select} JOIN baseline_contents AS r ON r.hash = c.hash WHERE r.host_id = ? AND r.path = ?`),
  };
}

type Statements = ReturnType<typeof prepare>;
const statements = perConnection(prepare);

function ref(hostId: string, c: ContentRecord): RefRow {
  return { host: hostId, hash: Buffer.from(c.hash, 'hex'), sha256: Buffer.from(c.sha256, 'hex'), redacted: c.redacted ? 1 : 0 };
}

function insertContent(s: Statements, c: ContentRecord): void {
  s.insertContent.run({ hash: Buffer.from(c.hash, 'hex'), compressed: c.compressed, size: c.size });
}

/** Inside appendEvents' transaction, for an event row just inserted. */
export function attachEventContent(db: Database.Database, hostId: string, seq: number, c: ContentRecord): void {
  const s = statements(db);
  insertContent(s, c);
  s.insertEventRef.run({ ...ref(hostId, c), seq });
}

/** Inside the caller's transaction; the paths newly given a content. */
export function storeBaselineContents(db: Database.Database, hostId: string, items: readonly BaselineContent[]): number {
  const s = statements(db);
  let added = 0;
  for (const { content, paths } of items) {
    if (paths.length === 0) continue;
    insertContent(s, content);
    for (const path of paths) added += s.insertBaselineRef.run({ ...ref(hostId, content), path }).changes;
  }
  return added;
}

function toRecord(row: ContentRow | undefined): ContentRecord | undefined {
  if (row === undefined) return undefined;
  return {
    hash: row.hash.toString('hex'), sha256: row.sha256.toString('hex'), compressed: row.compressed, size: row.size, redacted: row.redacted === 1,
  };
}

export function getEventContent(db: Database.Database, hostId: string, seq: number): ContentRecord | undefined {
  return toRecord(statements(db).eventContent.get(hostId, seq));
}

export function getBaselineContent(db: Database.Database, hostId: string, path: string): ContentRecord | undefined {
  return toRecord(statements(db).baselineContent.get(hostId, path));
}
