// A fleet with a story to report, made through the store as ingest and the
// governor would leave it: a config change that alerted, files and packages
// with hostile names (HTML, Markdown, spreadsheet formulas), two binaries
// that asked for terminations which the governor held, one approved and one
// denied by a responder (with the audit rows the API writes), and an event
// from before there was a policy.
import { pino } from 'pino';
import { createTerminationRunner } from '../../collector/actions/termination-runner.js';
import type { EventVerdict } from '../../collector/policy/policy-types.js';
import type { HostRecord, Store } from '../../collector/store/store.js';
import { addHosts, DEFAULT_GOVERNOR } from './drift-fleet.js';
import { RecordingTerminator } from './recording-terminator.js';

export const T0 = Date.parse('2024-05-01T10:00:00Z');
export const SCRIPT_NAME = '/tmp/<script>alert(1)</script>';
export const PIPE_NAME = '/etc/a|b`c`';
export const FORMULA_PACKAGE = '=HYPERLINK("http://evil")';
export const APPROVE_REASON = 'rootkit confirmed (INC-9)';
export const DENY_REASON = 'known hotfix CHG-7';

export interface ReportFleet {
  web1: HostRecord;
  web2: HostRecord;
  db1: HostRecord;
  approvedId: number;
  deniedId: number;
}

interface Ev { kind: string; path: string; changes?: string[]; payload?: Record<string, unknown>; verdict?: EventVerdict; atMs: number }

async function append(store: Store, host: HostRecord, events: Ev[]): Promise<void> {
  let seq = (await store.getHost(host.id))!.ackedSeq;
  for (const e of events) {
    seq += 1;
    const hash = seq.toString(16).padStart(64, '0');
    await store.appendEvents(host.id, [{
      hostId: host.id, seq, kind: e.kind, path: e.path, changes: e.changes ?? [], receivedAt: new Date(T0 + e.atMs),
      payload: { kind: e.kind, ...(e.path === '' ? {} : { path: e.path }), ...e.payload }, hash, ...(e.verdict === undefined ? {} : { verdict: e.verdict }),
    }], seq, hash, 'drifted');
  }
}

const file = (sha: string, mode = '0644'): Record<string, unknown> => ({ type: 'file', mode, uid: 0, gid: 0, size: 120, sha256: sha.repeat(64) });

/**
 * `responder` is the token id that decides the held terminations. `approve`
 * false leaves web-2's held (a running collector would act on an approval).
 */
export async function seedReportFleet(store: Store, responder: string, approve = true): Promise<ReportFleet> {
  const at = new Date(T0);
  const [web1, web2] = await addHosts(store, 2, at, { imageId: 'ami-web', labels: { role: 'web' } });
  const [db1] = await addHosts(store, 1, at, { imageId: 'ami-db', labels: { role: 'db' }, prefix: 'db' });
  await append(store, web1!, [
    { kind: 'file_changed', path: '/etc/hosts', changes: ['content'], atMs: 60_000,
      payload: { changes: ['content'], before: file('a'), after: file('b') }, verdict: { verdict: 'alert', severity: 'high', rule: 'etc-config' } },
    { kind: 'file_added', path: SCRIPT_NAME, atMs: 120_000, payload: { after: file('c') }, verdict: { verdict: 'flag', severity: 'low', rule: 'tmp-files' } },
    { kind: 'file_added', path: PIPE_NAME, atMs: 180_000, payload: { after: file('d') }, verdict: { verdict: 'flag', severity: 'low', rule: 'etc-config' } },
    { kind: 'package_added', path: '', atMs: 240_000, payload: { package: { manager: 'dpkg', name: FORMULA_PACKAGE, version: '1', arch: 'all' } },
      verdict: { verdict: 'alert', severity: 'medium', rule: 'packages' } },
  ]);
  await append(store, web2!, [
    { kind: 'file_changed', path: '/usr/bin/ls', changes: ['content', 'mode'], atMs: 300_000,
      payload: { changes: ['content', 'mode'], before: file('e'), after: file('f', '4755') }, verdict: { verdict: 'terminate', severity: 'critical', rule: 'binaries' } },
  ]);
  await append(store, db1!, [
    { kind: 'file_changed', path: '/etc/motd', changes: ['content'], atMs: 30_000, payload: { changes: ['content'] } },
    { kind: 'package_changed', path: '', atMs: 360_000, verdict: { verdict: 'terminate', severity: 'critical', rule: 'no-upgrades' },
      payload: { package: { manager: 'dpkg', name: 'openssl', version: '3.0.14-1', arch: 'amd64' }, previous: { manager: 'dpkg', name: 'openssl', version: '3.0.13-1', arch: 'amd64' } } },
  ]);
  const now = new Date(T0 + 400_000);
  while ((await store.foldNewVerdicts(now, 60_000, 500)) === 500) { /* drain */ }
  const runner = createTerminationRunner(store, new RecordingTerminator(), () => ({ ...DEFAULT_GOVERNOR, approval: 'always' }), [],
    { silentAfterMs: 90_000, alertTtlMs: 3_600_000 }, pino({ level: 'silent' }));
  await runner.tick(now);
  await runner.stop();
  const held = await store.listTerminations({ states: ['pending_approval'], limit: 10, oldestFirst: true });
  const [approved, denied] = [held.find((t) => t.hostId === web2!.id)!, held.find((t) => t.hostId === db1!.id)!];
  const decide = async (id: number, hostId: string, to: 'approved' | 'denied', reason: string, ms: number): Promise<void> => {
    const when = new Date(T0 + ms);
    const ok = await store.transitionTermination(id, ['pending_approval'], to, { decidedBy: responder, decidedAt: when, decisionReason: reason }, {
      at: when, actor: responder, action: `termination.${to === 'approved' ? 'approve' : 'deny'}`,
      detail: { termination_id: id, host_id: hostId, reason, role: 'responder' },
    });
    if (!ok) throw new Error(`termination ${id} was not pending approval`);
  };
  if (approve) await decide(approved.id, web2!.id, 'approved', APPROVE_REASON, 450_000);
  await decide(denied.id, db1!.id, 'denied', DENY_REASON, 460_000);
  return { web1: web1!, web2: web2!, db1: db1!, approvedId: approved.id, deniedId: denied.id };
}
