// The agent's view of the host (the last observed manifest) in SQLite, in the
// state directory: a long-running agent keeps no per-file state in memory, so
// its footprint does not grow with the host (75,000 entries held as objects
// cost ~60 MB of heap). Live changes read and replace the entries of the paths
// they touch; rescans run in a child process and hand over a whole new file.
//
// Keys are the path's bytes with '/' mapped to 0x00, so the database's byte
// order is manifest order ('/' lowest, docs/manifest.md) and a subtree is one
// key range. Entries are driftwatch.v1.FileEntry messages.
import { closeSync, openSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { DriftwatchError } from '../../common/errors.js';
import { fileFromProto, fileToProto } from '../../common/file-entry-proto.js';
import { MerkleBuilder, merkleRoot } from '../../common/merkle.js';
import { encodePath } from '../../common/path-bytes.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { decodeManifest, encodeManifest } from '../codec/manifest-proto.js';
import type { FileEntry, Manifest } from '../model.js';

const pb = driftwatch.v1;
const SCHEMA = `
CREATE TABLE files (key BLOB PRIMARY KEY, entry BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 1), manifest BLOB NOT NULL, merkle_root TEXT NOT NULL);
`;
const VERSION = 1;
const PAGE = 2000;

export type ManifestHead = Omit<Manifest, 'files'>;

function keyOf(path: string): Buffer {
  const k = Buffer.from(encodePath(path));
  for (let i = 0; i < k.length; i++) if (k[i] === 0x2f) k[i] = 0;
  return k;
}

function entryOf(bytes: Buffer): FileEntry {
  return fileFromProto(pb.FileEntry.decode(bytes));
}

function encodeHead(head: ManifestHead): Uint8Array {
  return encodeManifest({ ...head, files: [] });
}

function open(file: string, readonly: boolean): Database.Database {
  try {
    if (!readonly) closeSync(openSync(file, 'a', 0o600)); // created private, not chmod-ed after
    const db = new Database(file, { readonly, fileMustExist: true });
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      // The view can always be rebuilt by a rescan, and the events it led to are in the outbox first.
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('cache_size = -2048'); // 2 MiB: the point is a small footprint
    return db;
  } catch (err) {
    throw new DriftwatchError('AGENT_STATE_INVALID', `cannot open the view ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export class ViewStore {
  private root: string | undefined;
  private version = 0; // moves on every change, so a paged pass can tell it read a moving target

  private constructor(private readonly db: Database.Database, private headCache: ManifestHead) {
    this.root = (db.prepare('SELECT merkle_root FROM head').pluck().get() as string) || undefined;
  }

  /** Writes a complete new view file (a rescan's result). */
  static create(file: string, m: Manifest): void {
    const db = open(file, false);
    try {
      db.exec(SCHEMA);
      const insert = db.prepare<[Buffer, Uint8Array]>('INSERT INTO files (key, entry) VALUES (?, ?)');
      db.transaction(() => {
        for (const f of m.files) insert.run(keyOf(f.path), pb.FileEntry.encode(fileToProto(f)).finish());
        db.prepare('INSERT INTO head (id, manifest, merkle_root) VALUES (1, ?, ?)').run(encodeHead(m), m.merkleRoot);
        db.pragma(`user_version = ${VERSION}`);
      })();
    } finally {
      db.close();
    }
  }

  static open(file: string): ViewStore {
    const db = open(file, false);
    try {
      if (db.pragma('user_version', { simple: true }) !== VERSION) throw new Error(`schema version is not ${VERSION}`);
      const bytes = db.prepare('SELECT manifest FROM head').pluck().get() as Buffer | undefined;
      if (bytes === undefined) throw new Error('no head row');
      return new ViewStore(db, decodeManifest(bytes).head);
    } catch (err) {
      db.close();
      if (err instanceof DriftwatchError) throw err;
      throw new DriftwatchError('AGENT_STATE_INVALID', `the view ${file} is damaged: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  get head(): ManifestHead {
    return this.headCache;
  }

  /** Entries at or under each of `tops` (disjoint, in manifest order), in manifest order. */
  subtree(tops: readonly string[]): FileEntry[] {
    if (tops.includes('/')) return [...this.entries()];
    const range = this.db.prepare<[Buffer, Buffer], Buffer>('SELECT entry FROM files WHERE key >= ? AND key < ? ORDER BY key').pluck();
    const out: FileEntry[] = [];
    for (const t of tops) {
      const lo = keyOf(t);
      for (const bytes of range.iterate(lo, Buffer.concat([lo, Buffer.of(1)]))) out.push(entryOf(bytes));
    }
    return out;
  }

  /** Replaces the entries under `tops` with `fresh` (a walk of those tops), in one transaction. */
  replaceSubtrees(tops: readonly string[], fresh: readonly FileEntry[]): void {
    const del = this.db.prepare<[Buffer, Buffer]>('DELETE FROM files WHERE key >= ? AND key < ?');
    const insert = this.db.prepare<[Buffer, Uint8Array]>('INSERT INTO files (key, entry) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const t of tops) {
        const lo = keyOf(t);
        if (t === '/') this.db.exec('DELETE FROM files');
        else del.run(lo, Buffer.concat([lo, Buffer.of(1)]));
      }
      for (const f of fresh) insert.run(keyOf(f.path), pb.FileEntry.encode(fileToProto(f)).finish());
      this.db.prepare("UPDATE head SET merkle_root = ''").run();
    })();
    this.root = undefined;
    this.version += 1;
  }

  setPackages(packages: Manifest['packages']): void {
    this.headCache = { ...this.headCache, packages };
    this.db.prepare('UPDATE head SET manifest = ?').run(encodeHead(this.headCache));
  }

  *entries(): Generator<FileEntry> {
    for (const bytes of this.db.prepare<[], Buffer>('SELECT entry FROM files ORDER BY key').pluck().iterate()) yield entryOf(bytes);
  }

  /** The whole view as a manifest (for a rescan, in the child process). */
  manifest(): Manifest {
    const files = [...this.entries()];
    return { ...this.headCache, files, merkleRoot: this.rootOf(files) };
  }

  /** Hex Merkle root, read from disk in one go and kept until the next change. */
  merkleRoot(): string {
    return this.rootOf(this.entries());
  }

  /** The kept root, or the root of `files` (the whole view, in order), kept from now on. */
  private rootOf(files: Iterable<FileEntry>): string {
    if (this.root === undefined) {
      this.root = merkleRoot(files);
      this.db.prepare('UPDATE head SET merkle_root = ?').run(this.root);
    }
    return this.root;
  }

  /**
   * The same, in pages with an event-loop turn between them: over 75,000
   * entries it takes ~0.5 s of CPU, which must not hold up a watcher's event.
   * A change during the pass starts it again.
   */
  async merkleRootPaged(): Promise<string> {
    for (;;) {
      if (this.root !== undefined) return this.root;
      const version = this.version;
      const builder = new MerkleBuilder();
      const page = this.db.prepare<[Buffer], { key: Buffer; entry: Buffer }>(`SELECT key, entry FROM files WHERE key > ? ORDER BY key LIMIT ${PAGE}`);
      let after: Buffer = Buffer.alloc(0);
      for (;;) {
        const rows = page.all(after);
        for (const r of rows) builder.add(entryOf(r.entry));
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.key;
        await setImmediate();
        if (this.version !== version) break;
      }
      if (this.version !== version) continue;
      this.root = builder.digest();
      this.db.prepare('UPDATE head SET merkle_root = ?').run(this.root);
    }
  }

  close(): void {
    this.db.close();
  }
}
