// A process that appends to an outbox until it is killed: the kill -9
// durability test (test/outbox.test.ts) runs it from dist. After every
// append() returns it prints one JSON line per event, {"seq", "hash"} (hex),
// so the parent knows exactly which events append() had promised when the
// SIGKILL landed. Usage: node outbox-child.js FILE
import { driftwatch } from '../../proto/gen/driftwatch.js';
import { Outbox } from '../../agent/outbox/outbox.js';

const pb = driftwatch.v1;
const file = process.argv[2];
if (file === undefined) {
  console.error('usage: outbox-child.js FILE');
  process.exit(2);
}

const outbox = Outbox.open(file, { maxEvents: 1_000_000 });
let n = 0;

function appendSome(): void {
  const batch: driftwatch.v1.IDriftEvent[] = [];
  for (let i = 0; i < 3; i++) {
    n += 1;
    batch.push({ kind: pb.EventKind.EVENT_KIND_FILE_CHANGED, path: Buffer.from(`/etc/child-${n}`), changes: [pb.Change.CHANGE_CONTENT] });
  }
  const queued = outbox.append(batch);
  const lines = queued.map((q) => JSON.stringify({ seq: q.seq, hash: Buffer.from(pb.DriftEvent.decode(q.bytes).hash).toString('hex') }));
  // Pipes are written synchronously on Linux: a printed line left this process.
  process.stdout.write(lines.join('\n') + '\n');
  setImmediate(appendSome);
}

appendSome();
