// Host liveness in the SQLite store: markSilent silences clean and pending
// hosts not heard from, and a heartbeat or an event batch brings them back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { HostFactsRecord, Store, StoredEvent } from '../collector/store/store.js';
import { makeTempDir, removeTempDir } from './helpers/temp-tree.js';

const T0 = Date.UTC(2025, 0, 1);
const at = (s: number): Date => new Date(T0 + s * 1000);
const FACTS: HostFactsRecord = { hostname: 'web-1', machineId: 'm', instanceId: 'i-1', imageId: 'ami-1', os: 'linux', kernel: '6.1', labels: {} };

async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
  const dir = makeTempDir();
  const store = openSqliteStore(join(dir, 'c.db'));
  try {
    await store.migrate();
    await fn(store);
  } finally {
    await store.close();
    removeTempDir(dir);
  }
}

async function stateOf(store: Store, id: string): Promise<string | undefined> {
  return (await store.getHost(id))?.state;
}

/** An enrolled host with a sealed baseline (clean), last heard from at `seenAt` seconds. */
async function cleanHost(store: Store, seenAt: number): Promise<string> {
  const host = await store.createHost(FACTS, Buffer.alloc(32, 1), at(0));
  assert.equal(await store.sealBaseline(host.id, new Uint8Array([1]), 'ab'.repeat(32), at(0)), true);
  await store.recordHeartbeat(host.id, at(seenAt), 'ab'.repeat(32), 0);
  return host.id;
}

function event(hostId: string, seq: number, receivedAt: Date): StoredEvent {
  return { hostId, seq, kind: 'coverage_gap', path: '', changes: [], receivedAt, payload: { kind: 'coverage_gap' }, hash: '' };
}

test('markSilent moves a clean host not heard from to silent, and a heartbeat brings it back', async () => {
  await withStore(async (store) => {
    const quiet = await cleanHost(store, 10);
    const chatty = await cleanHost(store, 100);
    assert.deepEqual(await store.markSilent(at(50)), [quiet]);
    assert.equal(await stateOf(store, quiet), 'silent');
    assert.equal(await stateOf(store, chatty), 'clean');
    // Idempotent: a second sweep (another replica's) finds nothing new.
    assert.deepEqual(await store.markSilent(at(50)), []);
    assert.equal((await store.countHostsByState()).silent, 1);
    await store.recordHeartbeat(quiet, at(120), 'ab'.repeat(32), 0);
    assert.equal(await stateOf(store, quiet), 'clean');
    assert.deepEqual(await store.markSilent(at(110)), [chatty]);
  });
});

test('an event batch also brings a silent host back; a drift state given with it wins', async () => {
  await withStore(async (store) => {
    const a = await cleanHost(store, 10);
    const b = await cleanHost(store, 10);
    assert.deepEqual((await store.markSilent(at(50))).sort(), [a, b].sort());
    await store.appendEvents(a, [event(a, 1, at(60))], 1, '');
    assert.equal(await stateOf(store, a), 'clean');
    await store.appendEvents(b, [event(b, 1, at(60))], 1, '', 'drifted');
    assert.equal(await stateOf(store, b), 'drifted');
    // A batch counts as being heard from: the next sweep leaves a alone.
    assert.deepEqual(await store.markSilent(at(55)), []);
  });
});

test('drifted hosts stay drifted; a pending host never heard from goes silent and comes back pending', async () => {
  await withStore(async (store) => {
    const drifted = await cleanHost(store, 10);
    await store.appendEvents(drifted, [event(drifted, 1, at(10))], 1, '', 'drifted');
    const pending = (await store.createHost(FACTS, Buffer.alloc(32, 2), at(5))).id;
    // Never seen: judged by its enrollment time.
    assert.deepEqual(await store.markSilent(at(50)), [pending]);
    assert.equal(await stateOf(store, drifted), 'drifted');
    // No sealed baseline: heard from again it is pending, not clean.
    await store.recordHeartbeat(pending, at(60), '', 0);
    assert.equal(await stateOf(store, pending), 'pending');
    assert.equal(await stateOf(store, drifted), 'drifted');
  });
});
