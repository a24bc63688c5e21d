// The dashboard benchmark's fleet, written straight into a fresh SQLite
// store as ingest would leave it: hosts in image groups (a few outliers),
// sealed, some drifted with events spread over the last 24 hours and their
// verdicts, and terminations held for approval.
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { EventVerdict } from '../collector/policy/policy-types.js';

const VERDICTS: readonly EventVerdict[] = [
  { verdict: 'alert', severity: 'medium', rule: 'default' }, { verdict: 'flag', severity: 'low', rule: 'python-bytecode' },
  { verdict: 'ignore', severity: 'info', rule: 'volatile' }, { verdict: 'terminate', severity: 'critical', rule: 'binaries' },
];

export interface FleetShape {
  hosts: number;
  /** Events per drifted host. */
  eventsPerHost: number;
  /** One host in this many drifts. */
  driftEvery: number;
}

export async function fillFleet(file: string, shape: FleetShape, now = Date.now()): Promise<{ events: number; drifted: number }> {
  const store = openSqliteStore(file);
  await store.migrate();
  let events = 0;
  let drifted = 0;
  try {
    for (let i = 0; i < shape.hosts; i++) {
      const image = `ami-${(i % 4).toString().padStart(4, '0')}`;
      const host = await store.createHost({
        hostname: `web-${String(i + 1).padStart(4, '0')}`, machineId: (i + 1).toString(16).padStart(32, '0'), instanceId: `i-${(i + 1).toString(16).padStart(17, '0')}`,
        imageId: image, os: 'debian 12', kernel: '6.1.0-18-amd64', labels: { role: i % 3 === 0 ? 'db' : 'web', zone: `eu-west-1${'abc'[i % 3]!}` },
      }, Buffer.alloc(32, 7), new Date(now - 30 * 86_400_000));
      // Every 97th host booted different from its siblings: an outlier.
      const root = (i % 97 === 5 ? 'ee' : (i % 4).toString(16).padStart(2, '0')).repeat(32);
      await store.sealBaseline(host.id, new Uint8Array(2000), root, new Date(now - 30 * 86_400_000));
      if (i % shape.driftEvery !== 0) continue;
      drifted++;
      const batch = Array.from({ length: shape.eventsPerHost }, (_, k) => {
        const seq = k + 1;
        // The terminate verdict only on the last event of one drifted host in five.
        const verdict = k === shape.eventsPerHost - 1 && drifted % 5 === 0 ? VERDICTS[3]! : VERDICTS[(i + k) % 3]!;
        const path = `/etc/app/conf-${k}.yaml`;
        return {
          hostId: host.id, seq, kind: 'file_changed', path, changes: ['content'], receivedAt: new Date(now - ((i * 7919 + k * 104_729) % 86_000_000)),
          payload: { kind: 'file_changed', path, changes: ['content'] }, hash: seq.toString(16).padStart(64, '0'), verdict,
        };
      });
      await store.appendEvents(host.id, batch, batch.length, batch.at(-1)!.hash, 'drifted');
      events += batch.length;
    }
    while ((await store.foldNewVerdicts(new Date(now), 60_000, 500)) === 500) { /* drain */ }
    for (const t of await store.listTerminations({ states: ['requested'], limit: 10_000 })) {
      await store.transitionTermination(t.id, ['requested'], 'pending_approval', { holdReason: 'governor approval is "always"' },
        { at: new Date(now), actor: 'governor', action: 'termination.hold', detail: { termination_id: t.id, host_id: t.hostId } });
    }
  } finally {
    await store.close();
  }
  return { events, drifted };
}
