// What judging an event costs at ingest: the policy's evaluate() on the
// built-in default policy, against a peer measured in the same run: decoding
// the same events from protobuf (decodeEvent), which ingest pays for every
// event anyway. The ratio is what the policy adds to the per-event work.
//   npm run bench:policy [-- --events N --rounds R]
import { parseArgs } from 'node:util';
import { ContentLimits } from '../collector/ingest/content-wire.js';
import { decodeEvent } from '../collector/ingest/event-json.js';
import { evaluate } from '../collector/policy/policy-evaluate.js';
import { defaultPolicy } from '../collector/policy/policy-load.js';
import { toPolicyEvent } from '../collector/policy/policy-event.js';
import { driftwatch } from '../proto/gen/driftwatch.js';

const pb = driftwatch.v1;
const { values } = parseArgs({ options: { events: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '100' } } });
const count = Number(values.events);
const rounds = Number(values.rounds);

// A mix the default policy meets in practice: config files (most rules tried), libraries, packages, logins.
const encoded: Uint8Array[] = [];
for (let i = 0; i < count; i++) {
  const kind = [pb.EventKind.EVENT_KIND_FILE_CHANGED, pb.EventKind.EVENT_KIND_FILE_ADDED, pb.EventKind.EVENT_KIND_PACKAGE_CHANGED, pb.EventKind.EVENT_KIND_LOGIN][i % 4]!;
  const path = i % 2 === 0 ? `/etc/app/conf${i}.d/x.conf` : `/usr/lib/x86_64-linux-gnu/lib${i}.so.1`;
  encoded.push(pb.DriftEvent.encode({
    seq: i + 1, kind, path: kind === pb.EventKind.EVENT_KIND_FILE_CHANGED || kind === pb.EventKind.EVENT_KIND_FILE_ADDED ? Buffer.from(path) : Buffer.alloc(0),
    changes: kind === pb.EventKind.EVENT_KIND_FILE_CHANGED ? [pb.Change.CHANGE_CONTENT] : [],
    package: { manager: 'dpkg', name: `lib${i}`, version: '1.0', arch: 'amd64' },
    login: kind === pb.EventKind.EVENT_KIND_LOGIN ? { user: 'root', tty: 'pts/0', origin: '10.0.0.5' } : null,
    hash: Buffer.alloc(32, 7),
  }).finish());
}
const policy = defaultPolicy();
const host = { imageId: 'ami-0abc', labels: { role: 'web' } };

function nsPerEvent(work: () => void): number {
  work(); // warm-up: compiled rules, JIT
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) work();
  return Number(process.hrtime.bigint() - t0) / (rounds * count);
}

const decoded = encoded.map((b) => decodeEvent(b, new ContentLimits(1 << 20)));
const decodeNs = nsPerEvent(() => { for (const b of encoded) decodeEvent(b, new ContentLimits(1 << 20)); });
const judgeNs = nsPerEvent(() => { for (const e of decoded) evaluate(toPolicyEvent(e.payload), host, policy); });
console.log(`events: ${count} x ${rounds} rounds, default policy (${policy.rules.length} rules)`);
console.log(`peer  decodeEvent (protobuf -> JSON form): ${decodeNs.toFixed(0)} ns/event`);
console.log(`policy evaluate (incl. toPolicyEvent):     ${judgeNs.toFixed(0)} ns/event  = ${(judgeNs / decodeNs).toFixed(2)}x the decode`);
