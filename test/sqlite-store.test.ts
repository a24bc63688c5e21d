import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import { LATEST_VERSION } from '../collector/store/sqlite-migrations.js';
import type { HostFactsRecord, HostState, Store, StoredEvent } from '../collector/store/store.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

const T0 = Date.UTC(2025, 0, 1);
const at = (ms: number) => new Date(T0 + ms);
const KEY = Buffer.alloc(32, 7);

function facts(over: Partial<HostFactsRecord> = {}): HostFactsRecord {
  return {
    hostname: 'web-1', machineId: 'm'.repeat(32), instanceId: 'i-1', imageId: 'ami-1',
    os: 'debian 12', kernel: '6.1.0', labels: {}, ...over,
  };
}

function event(hostId: string, seq: number, over: Partial<StoredEvent> = {}): StoredEvent {
  return {
    hostId, seq, kind: 'file_modified', path: `/etc/f${seq}`, changes: ['sha256'],
    receivedAt: at(seq * 1000), payload: { kind: 'file_modified', path: `/etc/f${seq}` }, hash: seq.toString(16).padStart(64, '0'),
    ...over,
  };
}

/** A migrated store on a real file in a fresh temp dir; `raw` is a second connection to the same file. */
async function withStore(fn: (store: Store, file: string, raw: Database.Database) => Promise<void>): Promise<void> {
  const dir = makeTempDir();
  const file = join(dir, 'collector.db');
  const store = openSqliteStore(file);
  let raw: Database.Database | undefined;
  try {
    await store.migrate();
    raw = new Database(file);
    await fn(store, file, raw);
  } finally {
    raw?.close();
    await store.close();
    removeTempDir(dir);
  }
}

test('migrate twice is a no-op; WAL and foreign keys are on', async () => {
  await withStore(async (store, _file, raw) => {
    assert.equal(raw.pragma('user_version', { simple: true }), LATEST_VERSION);
    await store.createHost(facts(), KEY, at(0));
    await store.migrate();
    assert.equal(raw.pragma('user_version', { simple: true }), LATEST_VERSION);
    assert.equal((await store.listHosts({})).length, 1);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  });
});

test('a schema newer than the code is refused; an unmigrated store refuses queries', async () => {
  await withStore(async (store, file, raw) => {
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const other = openSqliteStore(file);
    await assert.rejects(other.migrate(), /newer than this collector/);
    await other.close();
    await assert.rejects(store.migrate(), /newer than this collector/);
  });
  const dir = makeTempDir();
  try {
    const fresh = openSqliteStore(join(dir, 'new.db'));
    await assert.rejects(fresh.getHost('x'), /run migrate\(\) first/);
    await fresh.close();
  } finally {
    removeTempDir(dir);
  }
});

test('create, get and list hosts with each filter', async () => {
  await withStore(async (store) => {
    const a = await store.createHost(facts({ labels: { env: 'prod', role: 'web' } }), KEY, at(1));
    const b = await store.createHost(facts({ hostname: 'db-1', imageId: 'ami-2', labels: { env: 'prod', role: 'db' } }), KEY, at(2));
    const c = await store.createHost(facts({ hostname: 'web-2', labels: { env: 'stage', 'we.ird"key': 'x' } }), KEY, at(3));
    assert.match(a.id, /^[0-9a-f]{32}$/);
    assert.notEqual(a.id, b.id);
    assert.equal(a.state, 'pending');
    assert.equal(a.baselineRoot, '');
    assert.equal(a.baselineAt, null);
    assert.equal(a.lastSeenAt, null);
    assert.equal(a.ackedSeq, 0);
    assert.equal(a.lastEventHash, '');
    assert.deepEqual(a.enrolledAt, at(1));

    assert.deepEqual(await store.getHost(a.id), a);
    assert.equal(await store.getHost('0'.repeat(32)), undefined);

    const ids = async (f: Parameters<Store['listHosts']>[0]) => (await store.listHosts(f)).map((h) => h.id);
    assert.deepEqual(await ids({}), [a.id, b.id, c.id]);
    assert.deepEqual(await ids({ imageId: 'ami-2' }), [b.id]);
    assert.deepEqual(await ids({ labels: { env: 'prod' } }), [a.id, b.id]);
    assert.deepEqual(await ids({ labels: { env: 'prod', role: 'db' } }), [b.id]);
    assert.deepEqual(await ids({ labels: { env: 'prod', role: 'cache' } }), []);
    assert.deepEqual(await ids({ labels: { 'we.ird"key': 'x' } }), [c.id]);
    assert.deepEqual(await ids({ labels: { env: 'pro' } }), []);
    assert.deepEqual(await ids({ labels: {} }), [a.id, b.id, c.id]);

    await store.sealBaseline(b.id, new Uint8Array([1]), 'r'.repeat(64), at(10));
    assert.deepEqual(await ids({ state: 'clean' }), [b.id]);
    assert.deepEqual(await ids({ state: 'pending' }), [a.id, c.id]);
    assert.deepEqual(await ids({ state: 'pending', imageId: 'ami-1', labels: { env: 'stage' } }), [c.id]);
    assert.deepEqual(await ids({ state: 'clean', imageId: 'ami-1' }), []);

    assert.deepEqual(await store.countHostsByState(),
      { pending: 2, clean: 1, drifted: 0, terminating: 0, terminated: 0, silent: 0 });
  });
});

test('a baseline is sealed only once', async () => {
  await withStore(async (store) => {
    const h = await store.createHost(facts(), KEY, at(0));
    assert.equal(await store.getBaseline(h.id), undefined);
    const manifest = new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4);
    assert.equal(await store.sealBaseline(h.id, manifest, 'a'.repeat(64), at(5)), true);
    assert.equal(await store.sealBaseline(h.id, new Uint8Array([9]), 'b'.repeat(64), at(6)), false);
    assert.deepEqual([...(await store.getBaseline(h.id))!], [2, 3, 4]);
    const sealed = (await store.getHost(h.id))!;
    assert.equal(sealed.state, 'clean');
    assert.equal(sealed.baselineRoot, 'a'.repeat(64));
    assert.deepEqual(sealed.baselineAt, at(5));
    assert.equal(await store.sealBaseline('0'.repeat(32), manifest, 'a'.repeat(64), at(5)), false);
  });
});

test('appendEvents is idempotent and moves acked_seq, the last hash and the state', async () => {
  await withStore(async (store, _file, raw) => {
    const h = await store.createHost(facts(), KEY, at(0));
    const batch = [event(h.id, 1), event(h.id, 2), event(h.id, 3, { kind: 'file_added', changes: [] })];
    assert.deepEqual(await store.appendEvents(h.id, batch, 3, batch[2]!.hash, 'drifted'), { ackedSeq: 3, stored: 3 });
    assert.deepEqual(await store.appendEvents(h.id, batch, 3, batch[2]!.hash), { ackedSeq: 3, stored: 0 });
    assert.equal(raw.prepare('SELECT count(*) FROM events').pluck().get(), 3);

    let host = (await store.getHost(h.id))!;
    assert.equal(host.ackedSeq, 3);
    assert.equal(host.lastEventHash, batch[2]!.hash);
    assert.equal(host.state, 'drifted');
    assert.deepEqual(host.lastSeenAt, at(3000));

    // Overlapping resend: only the new event counts.
    const more = [event(h.id, 3), event(h.id, 4)];
    assert.deepEqual(await store.appendEvents(h.id, more, 4, more[1]!.hash), { ackedSeq: 4, stored: 1 });
    // A late resend with an older ack does not move acked_seq back.
    assert.deepEqual(await store.appendEvents(h.id, batch.slice(0, 1), 1, batch[0]!.hash), { ackedSeq: 4, stored: 0 });
    host = (await store.getHost(h.id))!;
    assert.equal(host.ackedSeq, 4);
    assert.equal(host.lastEventHash, more[1]!.hash);
    assert.equal(host.state, 'drifted');

    const stored = await store.listEvents(h.id, { limit: 10 });
    assert.deepEqual(stored.map((e) => e.seq), [1, 2, 3, 4]);
    assert.deepEqual(stored[2], batch[2]);

    await assert.rejects(store.appendEvents('0'.repeat(32), [], 0, ''), /no host/);
    await assert.rejects(store.appendEvents('0'.repeat(32), [event('0'.repeat(32), 1)], 1, ''), /FOREIGN KEY/);
    await assert.rejects(store.appendEvents(h.id, [event('x', 5)], 5, ''), /event of host x/);
    // A bad event fails the whole batch, not silently: event 5 is not kept either.
    await assert.rejects(store.appendEvents(h.id, [event(h.id, 5), event(h.id, 0)], 5, ''), /CHECK constraint/);
    assert.equal((await store.getHost(h.id))!.ackedSeq, 4);
    assert.equal(raw.prepare('SELECT count(*) FROM events').pluck().get(), 4);
  });
});

test('listEvents filters by kind, time, afterSeq and limit', async () => {
  await withStore(async (store) => {
    const h = await store.createHost(facts(), KEY, at(0));
    const other = await store.createHost(facts(), KEY, at(0));
    const kinds = ['file_added', 'file_modified', 'file_added', 'file_removed', 'file_added'];
    const events = kinds.map((kind, i) => event(h.id, i + 1, { kind }));
    await store.appendEvents(h.id, events, 5, events[4]!.hash);
    await store.appendEvents(other.id, [event(other.id, 1)], 1, '');
    const seqs = async (f: Parameters<Store['listEvents']>[1]) => (await store.listEvents(h.id, f)).map((e) => e.seq);

    assert.deepEqual(await seqs({ limit: 100 }), [1, 2, 3, 4, 5]);
    assert.deepEqual(await seqs({ limit: 2 }), [1, 2]);
    assert.deepEqual(await seqs({ limit: 0 }), []);
    assert.deepEqual(await seqs({ limit: 2, afterSeq: 2 }), [3, 4]);
    assert.deepEqual(await seqs({ limit: 100, kind: 'file_added' }), [1, 3, 5]);
    assert.deepEqual(await seqs({ limit: 1, kind: 'file_added', afterSeq: 1 }), [3]);
    assert.deepEqual(await seqs({ limit: 100, kind: 'nope' }), []);
    // receivedAt of event n is at(n * 1000); the window is [since, until).
    assert.deepEqual(await seqs({ limit: 100, since: at(2000) }), [2, 3, 4, 5]);
    assert.deepEqual(await seqs({ limit: 100, until: at(3000) }), [1, 2]);
    assert.deepEqual(await seqs({ limit: 100, since: at(2000), until: at(5000), kind: 'file_added' }), [3]);
    await assert.rejects(store.listEvents(h.id, { limit: -1 }), RangeError);
    await assert.rejects(store.listEvents(h.id, { limit: 1.5 }), RangeError);
  });
});

test('heartbeats keep the latest only and mark the host seen', async () => {
  await withStore(async (store, _file, raw) => {
    const h = await store.createHost(facts(), KEY, at(0));
    await store.recordHeartbeat(h.id, at(2000), 'a'.repeat(64), 7);
    await store.recordHeartbeat(h.id, at(1000), 'b'.repeat(64), 6);
    assert.deepEqual(raw.prepare('SELECT at, merkle_root, last_seq FROM heartbeats').all(),
      [{ at: T0 + 2000, merkle_root: 'a'.repeat(64), last_seq: 7 }]);
    assert.deepEqual((await store.getHost(h.id))!.lastSeenAt, at(2000));
    await assert.rejects(store.recordHeartbeat('0'.repeat(32), at(1), '', 0), /FOREIGN KEY/);
  });
});

test('a spent nonce refuses the request and writes nothing; expired nonces are cleaned up', async () => {
  await withStore(async (store, _file, raw) => {
    const count = () => raw.prepare('SELECT count(*) FROM nonces').pluck().get();
    const nonce = (n: string, expires: number, now: number) => ({ nonce: n, expiresAt: at(expires), now: at(now) });
    const h = await store.createHost(facts({ hostname: 'h1' }), Buffer.alloc(32, 1), at(0));
    const g = await store.createHost(facts({ hostname: 'h2' }), Buffer.alloc(32, 2), at(0));
    await store.appendEvents(h.id, [event(h.id, 1)], 1, event(h.id, 1).hash, undefined, nonce('n1', 1000, 0));
    await assert.rejects(store.appendEvents(h.id, [event(h.id, 2)], 2, event(h.id, 2).hash, undefined, nonce('n1', 1000, 1)),
      { code: 'COLLECTOR_REPLAY' });
    assert.deepEqual((await store.listEvents(h.id, { limit: 10 })).map((e) => e.seq), [1]);
    assert.equal((await store.getHost(h.id))!.ackedSeq, 1);
    await store.recordHeartbeat(g.id, at(2), '', 0, nonce('n1', 1000, 2)); // nonces are per host
    await assert.rejects(store.sealBaseline(h.id, new Uint8Array([1]), 'a'.repeat(64), at(3), nonce('n1', 1000, 3)), { code: 'COLLECTOR_REPLAY' });
    assert.equal((await store.getHost(h.id))!.baselineRoot, '');
    await store.recordHeartbeat(h.id, at(3), '', 0, nonce('n2', 10 * 60_000, 3));
    assert.equal(count(), 3);
    // Well past the expiry and the cleanup interval: the expired ones go, the live one stays.
    await store.recordHeartbeat(h.id, at(5 * 60_000), '', 0, nonce('n3', 10 * 60_000, 5 * 60_000));
    assert.deepEqual(raw.prepare('SELECT nonce FROM nonces ORDER BY nonce').pluck().all(), ['n2', 'n3']);
    await assert.rejects(store.recordHeartbeat(h.id, at(5 * 60_000 + 1), '', 0, nonce('n2', 10 * 60_000, 5 * 60_000 + 1)), { code: 'COLLECTOR_REPLAY' });
  });
});

test('a token change and its audit row commit together or not at all', async () => {
  await withStore(async (store, _file, raw) => {
    const t = await store.createToken('ci', 'viewer', Buffer.alloc(32, 7), at(1), 'admin');
    assert.deepEqual((await store.listAudit(10)).map((e) => [e.actor, e.action, e.detail]),
      [['admin', 'token.create', { token_id: t.id, name: 'ci', role: 'viewer' }]]);
    // An audit row that cannot be written takes the token change with it.
    raw.exec(`CREATE TRIGGER audit_refused BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
    await assert.rejects(store.createToken('lost', 'admin', Buffer.alloc(32, 8), at(2), 'admin'), /audit refused/);
    await assert.rejects(store.revokeToken(t.id, at(3), 'admin'), /audit refused/);
    assert.deepEqual((await store.listTokens()).map((x) => [x.name, x.revokedAt]), [['ci', null]]);
    raw.exec('DROP TRIGGER audit_refused');
    assert.equal(await store.revokeToken(t.id, at(4), 'cli'), true);
    assert.equal(await store.revokeToken(t.id, at(5), 'cli'), false);
    assert.deepEqual((await store.listAudit(10)).map((e) => [e.actor, e.action]), [['cli', 'token.revoke'], ['admin', 'token.create']]);
  });
});

test('audit_log is append-only; the host state CHECK holds', async () => {
  await withStore(async (store, _file, raw) => {
    raw.prepare("INSERT INTO audit_log (at, actor, action, detail) VALUES (1, 'admin', 'token.create', '{}')").run();
    assert.throws(() => raw.prepare("UPDATE audit_log SET actor = 'x'").run(), /append-only/);
    assert.throws(() => raw.prepare('DELETE FROM audit_log').run(), /append-only/);
    assert.equal(raw.prepare('SELECT count(*) FROM audit_log').pluck().get(), 1);

    const h = await store.createHost(facts(), KEY, at(0));
    assert.throws(() => raw.prepare("UPDATE hosts SET state = 'bogus'").run(), /CHECK constraint/);
    await assert.rejects(store.appendEvents(h.id, [], 0, '', 'bogus' as HostState), /CHECK constraint/);
    assert.equal((await store.getHost(h.id))!.state, 'pending');
    assert.throws(() => raw.prepare("INSERT INTO api_tokens VALUES ('t', 'n', 'root', x'00', 1, NULL)").run(), /CHECK constraint/);
  });
});

test('data survives close and reopen', async () => {
  const dir = makeTempDir();
  const file = join(dir, 'collector.db');
  try {
    let store = openSqliteStore(file);
    await store.migrate();
    const h = await store.createHost(facts({ labels: { env: 'prod' } }), KEY, at(0));
    await store.sealBaseline(h.id, new Uint8Array([1, 2]), 'c'.repeat(64), at(1));
    await store.appendEvents(h.id, [event(h.id, 1)], 1, event(h.id, 1).hash, 'drifted');
    await store.close();
    await store.close(); // idempotent

    store = openSqliteStore(file);
    await store.migrate();
    const again = (await store.getHost(h.id))!;
    assert.equal(again.state, 'drifted');
    assert.deepEqual(again.facts, h.facts);
    assert.deepEqual(again.publicKey, KEY);
    assert.equal(again.ackedSeq, 1);
    assert.deepEqual([...(await store.getBaseline(h.id))!], [1, 2]);
    assert.deepEqual(await store.listEvents(h.id, { limit: 10 }), [event(h.id, 1)]);
    await store.close();
  } finally {
    removeTempDir(dir);
  }
});
