// A fleet set up straight through the store, as ingest would leave it: hosts
// enrolled and sealed (clean), then events with a policy verdict appended
// (the host drifted) and folded into termination requests.
import { join } from 'node:path';
import { openSqliteStore } from '../../collector/store/sqlite-store.js';
import type { EventVerdict, GovernorSettings } from '../../collector/policy/policy-types.js';
import type { HostFactsRecord, HostRecord, Store } from '../../collector/store/store.js';
import { makeTempDir, removeTempDir } from './temp-tree.js';

/** The governor's documented defaults (policy file absent). */
export const DEFAULT_GOVERNOR: GovernorSettings = Object.freeze({
  dryRun: false, windowMs: 600_000, maxTerminationsPerWindow: 10, maxGroupFraction: 0.25, minHealthyPerGroup: 1,
  groupLabels: [], approval: 'never', approvalAbove: 5,
});

export const TERMINATE: EventVerdict = { verdict: 'terminate', severity: 'critical', rule: 'binaries' };

/** A migrated store on a fresh file, closed and removed after fn. */
export async function withStore<T>(fn: (store: Store, file: string) => Promise<T>): Promise<T> {
  const dir = makeTempDir();
  const file = join(dir, 'collector.db');
  const store = openSqliteStore(file);
  try {
    await store.migrate();
    return await fn(store, file);
  } finally {
    await store.close();
    removeTempDir(dir);
  }
}

export async function addHosts(
  store: Store, count: number, now: Date, over: Partial<HostFactsRecord> & { prefix?: string } = {},
): Promise<HostRecord[]> {
  const { prefix = 'web', ...facts } = over;
  const hosts: HostRecord[] = [];
  for (let i = 0; i < count; i++) {
    const host = await store.createHost({
      hostname: `${prefix}-${i + 1}`, machineId: 'm'.repeat(32), instanceId: `i-${prefix}${i + 1}`, imageId: 'ami-1',
      os: 'debian 12', kernel: '6.1.0', labels: {}, ...facts,
    }, Buffer.alloc(32, 7), now);
    await store.sealBaseline(host.id, new Uint8Array([1]), 'ab'.repeat(32), now);
    hosts.push((await store.getHost(host.id))!);
  }
  return hosts;
}

/**
 * One event per host with this verdict (null: none), a changed binary unless `kind` says otherwise,
 * the host drifted; then folded into alerts and termination requests.
 */
export async function drift(
  store: Store, hosts: readonly HostRecord[], now: Date, verdict: EventVerdict | null = TERMINATE, kind = 'file_changed',
): Promise<void> {
  for (const h of hosts) {
    const seq = (await store.getHost(h.id))!.ackedSeq + 1;
    const hash = seq.toString(16).padStart(64, '0');
    await store.appendEvents(h.id, [{
      hostId: h.id, seq, kind, path: kind === 'agent_stopped' ? '' : '/usr/bin/ls', changes: kind === 'file_changed' ? ['content'] : [],
      receivedAt: now, payload: { kind }, hash, ...(verdict === null ? {} : { verdict }),
    }], seq, hash, kind === 'agent_stopped' ? undefined : 'drifted');
  }
  while ((await store.foldNewVerdicts(now, 60_000, 500)) === 500) { /* drain */ }
}

/** Milliseconds after a fixed start, as a Date. */
export function clockAt(start: number): (ms: number) => Date {
  return (ms) => new Date(start + ms);
}
