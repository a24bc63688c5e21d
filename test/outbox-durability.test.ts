// The outbox when things go wrong: a full disk and a read-only database (the
// events wait in memory and are written once that passes), a kill -9 right
// after append returned, and damaged or foreign files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { Outbox } from '../agent/outbox/outbox.js';
import { assertChain, decode, fileEvent, fileEvents, hashOf, outboxPaths, pb, seqs } from './helpers/outbox-events.js';
import { REPO_ROOT } from './helpers/temp-tree.js';

const newPath = outboxPaths();

/** An outbox with a handle on its connection, to make the "disk" fail under it. */
function openWithConnection(file: string, maxEvents: number): { outbox: Outbox; db: Database.Database } {
  let db: Database.Database | undefined;
  const outbox = Outbox.open(file, { maxEvents, onConnection: (c) => { db = c; } });
  return { outbox, db: db! };
}

test('on a full disk events wait in memory, sequenced, chained and bounded, and are written once there is room', () => {
  const file = newPath();
  const { outbox, db } = openWithConnection(file, 8);
  try {
    const written = outbox.append(fileEvents(1, 3));
    // The database may not grow by a page: SQLITE_FULL, exactly like a full disk.
    db.pragma(`max_page_count = ${String(db.pragma('page_count', { simple: true }))}`);
    const held = outbox.append(fileEvents(4, 2, 6000));
    assert.deepEqual(seqs(held), [4, 5], 'append still returns the events, numbered');
    assert.match(outbox.degraded() ?? '', /SQLITE_FULL.*2 events wait in memory/);
    assert.deepEqual(outbox.pending(100), [...written, ...held], 'pending hands out what is on disk, then what waits in memory');
    assert.equal(Outbox.inspect(file).lastSeq, 3, 'the file has only what was committed');

    // The bound holds for memory too: 3 + 2 + 4 events and a gap in 8.
    const more = outbox.append(fileEvents(6, 4, 6000));
    assert.deepEqual(seqs(more), [6, 7, 8, 9, 10]);
    assert.equal(decode(more[4]!).detail, 'outbox full (8 events): dropped events 1..2, oldest first');
    assert.deepEqual(seqs(outbox.pending(100)), [3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(outbox.pending(2), [written[2]!, held[0]!]);
    assertChain([...written, ...held, ...more], Buffer.alloc(0));
    outbox.acknowledge(4); // still full: the ack is kept in memory too
    assert.equal(outbox.queued(), 6);
    assert.ok(outbox.degraded() !== undefined);
    const inMemory = outbox.pending(100);

    db.pragma('max_page_count = 1000000'); // room again
    outbox.setMeta('last_error', 'none'); // any write retries what waits
    assert.equal(outbox.degraded(), undefined);
    const { oldestQueuedAt, ...onDisk } = Outbox.inspect(file);
    assert.deepEqual(onDisk, { lastSeq: 10, ackedSeq: 4, queued: 6, droppedTotal: 2, meta: { last_error: 'none' } });
    assert.ok(oldestQueuedAt instanceof Date);
    outbox.close();
    const again = Outbox.open(file, { maxEvents: 8 });
    try {
      assert.deepEqual(again.pending(100), inMemory, 'after a restart the file has every event memory held');
      assertChain(again.append([fileEvent(11)]), hashOf(more[4]!));
    } finally {
      again.close();
    }
  } finally {
    outbox.close();
  }
});

test('a database that refuses writes (read-only) degrades the same way and recovers', () => {
  const file = newPath();
  const { outbox, db } = openWithConnection(file, 100);
  try {
    outbox.append([fileEvent(1)]);
    db.pragma('query_only = ON'); // every write fails with SQLITE_READONLY
    const held = outbox.append([fileEvent(2)]);
    assert.match(outbox.degraded() ?? '', /SQLITE_READONLY/);
    assert.equal(outbox.flush(), false);
    db.pragma('query_only = OFF');
    assert.equal(outbox.flush(), true);
    assert.equal(outbox.degraded(), undefined);
    assert.equal(Outbox.inspect(file).lastSeq, 2);
    assert.deepEqual(outbox.pending(10).at(-1), held[0]);
  } finally {
    outbox.close();
  }
});

test('events append() returned survive a kill -9 right after it', async () => {
  const file = newPath();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/test/helpers/outbox-child.js'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const promised = new Map<number, string>();
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const lines = createInterface({ input: child.stdout });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      const { seq, hash } = JSON.parse(line) as { seq: number; hash: string };
      promised.set(seq, hash);
      if (promised.size >= 60) resolve();
    });
    child.once('exit', () => reject(new Error(`the child exited by itself: ${stderr}`)));
  });
  child.kill('SIGKILL');
  await once(child, 'close'); // its stdout is drained: every line it printed is in `promised`
  assert.equal(child.signalCode, 'SIGKILL');

  const outbox = Outbox.open(file, { maxEvents: 1_000_000 });
  try {
    const last = Math.max(...promised.keys());
    assert.ok(outbox.lastSeq >= last, `events up to ${last} were promised, the outbox has ${outbox.lastSeq}`);
    const stored = outbox.pending(outbox.lastSeq);
    assertChain(stored, Buffer.alloc(0));
    for (const q of stored.filter((e) => promised.has(e.seq))) assert.equal(hashOf(q).toString('hex'), promised.get(q.seq));
    assert.equal(stored.filter((e) => promised.has(e.seq)).length, promised.size);
    assertChain(outbox.append([fileEvent(0)]), hashOf(stored.at(-1)!));
  } finally {
    outbox.close();
  }
});

/** Asserts that opening @file (and reading its status) fails with AGENT_OUTBOX_FAILED matching @message. */
function assertRefused(file: string, message: RegExp): void {
  const check = (err: Error & { code?: string }) => err.code === 'AGENT_OUTBOX_FAILED' && message.test(err.message) && err.message.includes(file);
  assert.throws(() => Outbox.open(file, { maxEvents: 10 }), check);
  assert.throws(() => Outbox.inspect(file), check);
}

/** An outbox with events 1..3, closed, then changed by hand through @edit. */
function editedOutbox(edit: (db: Database.Database) => void): string {
  const file = newPath();
  const outbox = Outbox.open(file, { maxEvents: 10 });
  outbox.append(fileEvents(1, 3));
  outbox.close();
  const db = new Database(file);
  try {
    edit(db);
  } finally {
    db.close();
  }
  return file;
}

test('a damaged, foreign or newer file is AGENT_OUTBOX_FAILED with the reason, not a crash', () => {
  const garbage = newPath();
  writeFileSync(garbage, 'not a database '.repeat(300));
  assertRefused(garbage, /not a database/);
  assertRefused(editedOutbox((db) => db.pragma('user_version = 7')), /schema version 7 is newer/);
  assertRefused(editedOutbox((db) => db.exec('DELETE FROM events WHERE seq = 2')), /damaged: the head says events 1\.\.3 are queued \(3\), the table holds 2/);
  assertRefused(editedOutbox((db) => db.exec('DROP TABLE head')), /no such table: head/);
  // A valid event put in place of the last one: it does not end the chain the head records.
  const forged = pb.DriftEvent.encode({ seq: 3, kind: 1, hash: Buffer.alloc(32, 7) }).finish();
  assertRefused(editedOutbox((db) => db.prepare('UPDATE events SET bytes = ? WHERE seq = 3').run(Buffer.from(forged))), /event 3 does not match its own hash/);
  assert.throws(() => Outbox.open(join(newPath(), 'no-such-dir', 'outbox.db'), { maxEvents: 10 }),
    (err: Error & { code?: string }) => err.code === 'AGENT_OUTBOX_FAILED' && /cannot create it: ENOENT/.test(err.message));
  assert.throws(() => Outbox.open(newPath(), { maxEvents: 0 }), /maxEvents must be a positive integer/);
});

test('an event edited in the middle of the queue stops pending with AGENT_OUTBOX_FAILED instead of sending it', () => {
  const file = editedOutbox((db) => {
    const row = db.prepare<[], Buffer>('SELECT bytes FROM events WHERE seq = 2').pluck().get()!;
    const e = pb.DriftEvent.decode(row);
    e.path = Buffer.from('/etc/innocent'); // same seq and hash, other content
    db.prepare('UPDATE events SET bytes = ? WHERE seq = 2').run(Buffer.from(pb.DriftEvent.encode(e).finish()));
  });
  const outbox = Outbox.open(file, { maxEvents: 10 });
  try {
    assert.deepEqual(seqs(outbox.pending(1)), [1]);
    assert.throws(() => outbox.pending(10), (err: Error & { code?: string }) =>
      err.code === 'AGENT_OUTBOX_FAILED' && /damaged: event 2 does not match its own hash/.test(err.message));
  } finally {
    outbox.close();
  }
});
