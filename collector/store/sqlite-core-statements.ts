// The SQLite statements of the store's core tables (hosts, baselines, events,
// heartbeats, nonces), prepared once per connection by SqliteStore. Apart from
// sqlite-store.ts so that file holds the transactions and this one the SQL.
import type Database from 'better-sqlite3';
import * as ops from './sqlite-tokens.js';
import type { EventRow, HostRow } from './sqlite-rows.js';

/** Host matches every key=value of @labels (a JSON object). json_each compares exact strings, with no JSON-path quoting of keys. */
export const LABELS_MATCH = `NOT EXISTS (
  SELECT 1 FROM json_each(@labels) AS want WHERE NOT EXISTS (
    SELECT 1 FROM json_each(hosts.facts, '$.labels') AS have WHERE have.key = want.key AND have.value = want.value))`;

export function prepareStatements(db: Database.Database) {
  // One listHosts statement per combination of the indexed filters, because
  // "(@state IS NULL OR state = @state)" would keep SQLite from using the index.
  const listHosts = new Map<string, Database.Statement<[{ state: string | null; image: string | null; labels: string }], HostRow>>();
  for (const byState of [false, true]) {
    for (const byImage of [false, true]) {
      const where = [byState ? 'state = @state' : '', byImage ? 'image_id = @image' : '', LABELS_MATCH].filter(Boolean);
      listHosts.set(`${byState}/${byImage}`, db.prepare(`SELECT * FROM hosts WHERE ${where.join(' AND ')} ORDER BY enrolled_at, id`));
    }
  }
  const eventsWhere = 'host_id = @host AND seq > @after AND received_at >= @since AND received_at < @until';
  type EventQuery = { host: string; after: number; since: number; until: number; limit: number; kind?: string };
  return {
    insertHost: db.prepare<{ id: string; facts: string; key: Buffer; at: number; image: string }, HostRow>(
      `INSERT INTO hosts (id, facts, public_key, state, enrolled_at, image_id)
       VALUES (@id, @facts, @key, 'pending', @at, @image) RETURNING *`),
    getHost: db.prepare<[string], HostRow>('SELECT * FROM hosts WHERE id = ?'),
    listHosts,
    // Seals only an unsealed host; state moves pending -> clean, other states stay.
    sealHost: db.prepare<{ id: string; root: string; at: number }>(
      `UPDATE hosts SET baseline_root = @root, baseline_at = @at,
         state = CASE state WHEN 'pending' THEN 'clean' ELSE state END
       WHERE id = @id AND baseline_at IS NULL`),
    insertBaseline: db.prepare<[string, Buffer]>('INSERT INTO baselines (host_id, manifest) VALUES (?, ?)'),
    getBaseline: db.prepare<[string], Buffer>('SELECT manifest FROM baselines WHERE host_id = ?').pluck(),
    // ON CONFLICT on the key, not INSERT OR IGNORE: OR IGNORE would also drop
    // rows that break a CHECK or NOT NULL constraint, silently losing events.
    insertEvent: db.prepare<EventRow>(
      `INSERT INTO events (host_id, seq, kind, path, changes, received_at, payload, hash, verdict, severity, rule)
       VALUES (@host_id, @seq, @kind, @path, @changes, @received_at, @payload, @hash, @verdict, @severity, @rule)
       ON CONFLICT (host_id, seq) WHERE hash <> '' DO NOTHING`),
    // acked_seq never moves back (a late resend carries an older ack); the hash
    // follows it. SET expressions all see the old row, so their order is free.
    advanceHost: db.prepare<{ id: string; acked: number; hash: string; state: string | null; seen: number | null }, { acked_seq: number }>(
      `UPDATE hosts SET
         last_event_hash = CASE WHEN @acked >= acked_seq THEN @hash ELSE last_event_hash END,
         acked_seq = max(acked_seq, @acked),
         state = coalesce(@state, ${ops.REVIVED_STATE}),
         last_seen_at = CASE WHEN @seen IS NULL THEN last_seen_at ELSE max(coalesce(last_seen_at, @seen), @seen) END
       WHERE id = @id RETURNING acked_seq`),
    listEvents: db.prepare<EventQuery, EventRow>(`SELECT * FROM events WHERE ${eventsWhere} ORDER BY seq, id LIMIT @limit`),
    listEventsOfKind: db.prepare<EventQuery, EventRow>(
      `SELECT * FROM events WHERE ${eventsWhere} AND kind = @kind ORDER BY seq, id LIMIT @limit`),
    // Latest only: a heartbeat delayed behind a newer one does not overwrite it.
    upsertHeartbeat: db.prepare<{ id: string; at: number; root: string; seq: number }>(
      `INSERT INTO heartbeats (host_id, at, merkle_root, last_seq) VALUES (@id, @at, @root, @seq)
       ON CONFLICT (host_id) DO UPDATE SET at = excluded.at, merkle_root = excluded.merkle_root, last_seq = excluded.last_seq
       WHERE excluded.at >= heartbeats.at`),
    touchHost: db.prepare<{ id: string; at: number }>(
      `UPDATE hosts SET last_seen_at = max(coalesce(last_seen_at, @at), @at), state = ${ops.REVIVED_STATE} WHERE id = @id`),
    deleteExpiredNonces: db.prepare<[number]>('DELETE FROM nonces WHERE expires_at <= ?'),
    insertNonce: db.prepare<[string, string, number]>(
      'INSERT INTO nonces (host_id, nonce, expires_at) VALUES (?, ?, ?) ON CONFLICT (host_id, nonce) DO NOTHING'),
    countByState: db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM hosts GROUP BY state'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
