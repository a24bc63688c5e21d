// The agent's outbox on real SQLite files: sequence and chain, delivery
// bookkeeping, the bound, restarts, status snapshots, file mode.
// Failure paths (full disk, kill -9, damaged files): outbox-durability.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { Outbox } from '../agent/outbox/outbox.js';
import type { driftwatch } from '../proto/gen/driftwatch.js';
import { assertChain, decode, fileEvent, fileEvents, hashOf, outboxPaths, pb, seqs } from './helpers/outbox-events.js';

const newPath = outboxPaths();

test('append numbers events 1, 2, … and chains them as common/event-chain.ts verifies', () => {
  const outbox = Outbox.open(newPath(), { maxEvents: 100 });
  try {
    const first = outbox.append(fileEvents(1, 3));
    // Chain fields a caller sets are replaced: only the outbox numbers events.
    const second = outbox.append([{ ...fileEvent(4), seq: 99, prevHash: Buffer.alloc(32, 1), hash: Buffer.alloc(32, 2) }, fileEvent(5)]);
    assert.deepEqual(seqs(first), [1, 2, 3]);
    assert.deepEqual(seqs(second), [4, 5]);
    assert.equal(decode(first[0]!).prevHash.length, 0, 'the first event of a host has an empty prev_hash');
    assertChain([...first, ...second], Buffer.alloc(0));
    assert.equal(Buffer.from(decode(second[0]!).path).toString(), '/etc/f-4');
    assert.deepEqual(decode(second[0]!).changes, [pb.Change.CHANGE_CONTENT]);
    assert.equal(outbox.lastSeq, 5);
    assert.equal(outbox.queued(), 5);
    assert.deepEqual(outbox.pending(100), [...first, ...second], 'pending hands out the very bytes append returned');
  } finally {
    outbox.close();
  }
});

test('an event of unknown kind is refused before anything is queued', () => {
  const outbox = Outbox.open(newPath(), { maxEvents: 100 });
  try {
    assert.throws(() => outbox.append([fileEvent(1), { kind: pb.EventKind.EVENT_KIND_UNSPECIFIED }]), RangeError);
    assert.throws(() => outbox.append([{ kind: 77 as driftwatch.v1.EventKind }]), RangeError);
    assert.equal(outbox.lastSeq, 0);
    assert.deepEqual(outbox.pending(10), []);
  } finally {
    outbox.close();
  }
});

test('pending gives the oldest unacknowledged events; acknowledge removes them and never moves back', () => {
  const file = newPath();
  const outbox = Outbox.open(file, { maxEvents: 100 });
  try {
    outbox.append(fileEvents(1, 10));
    assert.deepEqual(seqs(outbox.pending(4)), [1, 2, 3, 4]);
    outbox.acknowledge(6);
    assert.equal(outbox.ackedSeq, 6);
    assert.deepEqual(seqs(outbox.pending(100)), [7, 8, 9, 10]);
    assert.equal(outbox.queued(), 4);
    outbox.acknowledge(3); // a late answer to an older batch
    assert.equal(outbox.ackedSeq, 6);
    assert.deepEqual(seqs(outbox.pending(2)), [7, 8]);
    assert.throws(() => outbox.acknowledge(11), /numbered only up to 10/);
    assert.throws(() => outbox.acknowledge(-1), RangeError);
    assert.throws(() => outbox.pending(0), RangeError);
    outbox.acknowledge(10);
    assert.deepEqual(outbox.pending(100), []);
    assert.equal(outbox.queued(), 0);
    assert.deepEqual(seqs(outbox.append([fileEvent(11)])), [11]);
  } finally {
    outbox.close();
  }
  assert.equal(Outbox.inspect(file).ackedSeq, 10, 'the acknowledgement is on disk');
});

test('a full outbox drops the oldest events and says so with a coverage_gap it does not drop', () => {
  const file = newPath();
  const outbox = Outbox.open(file, { maxEvents: 5 });
  try {
    const all = outbox.append(fileEvents(1, 5));
    const more = outbox.append(fileEvents(6, 2));
    // 7 events + the gap must fit in 5: events 1..3 go, the gap is event 8.
    assert.deepEqual(seqs(more), [6, 7, 8]);
    const gap = decode(more[2]!);
    assert.equal(gap.kind, pb.EventKind.EVENT_KIND_COVERAGE_GAP);
    assert.equal(gap.detail, 'outbox full (5 events): dropped events 1..3, oldest first');
    assert.ok(Number(gap.observedAt?.seconds) > 0, 'the gap says when');
    assert.deepEqual(seqs(outbox.pending(100)), [4, 5, 6, 7, 8]);
    assertChain([...all, ...more], Buffer.alloc(0)); // the dropped events stay in the chain
    assert.equal(outbox.queued(), 5);
    assert.equal(outbox.status().droppedTotal, 3);

    outbox.acknowledge(5);
    assert.deepEqual(seqs(outbox.append([fileEvent(9)])), [9], 'room again: nothing dropped');
    // A batch bigger than the bound keeps its newest events and the gap.
    const big = outbox.append(fileEvents(10, 7));
    assert.deepEqual(seqs(big), [13, 14, 15, 16, 17]);
    assert.equal(decode(big[4]!).detail, 'outbox full (5 events): dropped events 6..12, oldest first');
    assert.deepEqual(outbox.pending(100), big);
    assert.equal(outbox.queued(), 5);
  } finally {
    outbox.close();
  }
  const status = Outbox.inspect(file);
  assert.equal(status.droppedTotal, 3 + 7);
  assert.equal(status.queued, 5);
});

test('a large full outbox drops 1% at once, not one event and one gap per append', () => {
  const outbox = Outbox.open(newPath(), { maxEvents: 300 });
  try {
    outbox.append(fileEvents(1, 300));
    const first = outbox.append([fileEvent(301)]);
    assert.deepEqual(seqs(first), [301, 302]);
    assert.equal(decode(first[1]!).detail, 'outbox full (300 events): dropped events 1..3, oldest first');
    assert.equal(outbox.queued(), 299);
    assert.deepEqual(seqs(outbox.append([fileEvent(303)])), [303], 'the next event needs no drop');
    assert.equal(outbox.status().droppedTotal, 3);
  } finally {
    outbox.close();
  }
});

test('a reopened outbox continues the sequence and the chain, with its queue, acks and meta', () => {
  const file = newPath();
  let before;
  let lastHash;
  const a = Outbox.open(file, { maxEvents: 100 });
  try {
    const q = a.append(fileEvents(1, 3));
    lastHash = hashOf(q[2]!);
    a.acknowledge(1);
    a.setMeta('host_id', 'h-1');
    a.setMeta('host_id', 'h-2');
    before = a.pending(100);
  } finally {
    a.close();
  }
  const b = Outbox.open(file, { maxEvents: 100 });
  try {
    assert.equal(b.lastSeq, 3);
    assert.equal(b.ackedSeq, 1);
    assert.deepEqual(b.pending(100), before);
    assert.equal(b.getMeta('host_id'), 'h-2');
    assert.equal(b.getMeta('nope'), undefined);
    const next = b.append([fileEvent(4)]);
    assert.deepEqual(seqs(next), [4]);
    assertChain(next, lastHash);
    assertChain(b.pending(100), before[0] === undefined ? undefined : decode(before[0]).prevHash);
  } finally {
    b.close();
  }
});

test('inspect reads a snapshot while the daemon holds the file open, and never creates one', () => {
  const file = newPath();
  let t = Date.UTC(2024, 0, 1);
  const outbox = Outbox.open(file, { maxEvents: 100, now: () => new Date((t += 1000)) });
  try {
    outbox.append(fileEvents(1, 3)); // queued at t0 + 1 s
    outbox.acknowledge(1);
    outbox.setMeta('host_id', 'h-9');
    assert.deepEqual(Outbox.inspect(file), {
      lastSeq: 3, ackedSeq: 1, queued: 2, oldestQueuedAt: new Date(Date.UTC(2024, 0, 1) + 1000), droppedTotal: 0, meta: { host_id: 'h-9' },
    });
    outbox.append([fileEvent(4)]); // the daemon keeps writing after a status read
    assert.equal(Outbox.inspect(file).lastSeq, 4);
    assert.deepEqual(outbox.status(), Outbox.inspect(file));
  } finally {
    outbox.close();
  }
  assert.equal(Outbox.inspect(file).queued, 3, 'also with the daemon stopped');
  const missing = `${file}.absent`;
  assert.throws(() => Outbox.inspect(missing), (err: Error & { code?: string }) =>
    err.code === 'AGENT_OUTBOX_FAILED' && /does not exist/.test(err.message));
  assert.equal(existsSync(missing), false);
});

test('the file is created with mode 0600 whatever the umask, in WAL mode with synchronous=FULL', () => {
  const file = newPath();
  // With umask 0 a file created with the default mode would be 0644 (SQLite)
  // or 0666 (Node): only creating it as 0600 passes.
  const umask = process.umask(0);
  let outbox;
  const pragmas: unknown[] = [];
  try {
    outbox = Outbox.open(file, { maxEvents: 10, onConnection: (db) => {
      pragmas.push(db.pragma('journal_mode', { simple: true }), db.pragma('synchronous', { simple: true }));
    } });
  } finally {
    process.umask(umask);
  }
  try {
    // WAL, and every commit synced (FULL = 2): an appended event survives a power loss.
    assert.deepEqual(pragmas, ['wal', 2]);
    outbox.append([fileEvent(1)]);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(`${file}-wal`).mode & 0o777, 0o600, 'SQLite gives the WAL the database file\'s mode');
  } finally {
    outbox.close();
  }
});
