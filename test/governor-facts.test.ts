import { test } from 'node:test';
import assert from 'node:assert/strict';
import { governorInput, type WindowFacts } from '../collector/actions/governor-facts.js';
import type { HostRecord, HostState } from '../collector/store/store.js';
import type { TerminationRecord, TerminationState } from '../collector/store/response-store.js';
import { DEFAULT_GOVERNOR } from './helpers/drift-fleet.js';

const T = Date.UTC(2026, 0, 1, 12);
const WINDOW_START = new Date(T - 600_000);

function host(id: string, state: HostState, imageId = 'ami-1', labels: Record<string, string> = {}): HostRecord {
  return {
    id, state, publicKey: Buffer.alloc(32), enrolledAt: new Date(0), baselineRoot: 'r', baselineAt: new Date(0), lastSeenAt: null,
    ackedSeq: 0, lastEventHash: '', facts: { hostname: id, machineId: '', instanceId: '', imageId, os: '', kernel: '', labels },
  };
}

let nextId = 1;
function term(hostId: string, state: TerminationState, requestedAgoMs: number, decidedAgoMs?: number): TerminationRecord {
  return {
    id: nextId++, hostId, state, rule: 'r', reason: 'x', eventSeq: 1, requestedAt: new Date(T - requestedAgoMs), holdReason: '', decidedBy: '',
    decidedAt: decidedAgoMs === undefined ? null : new Date(T - decidedAgoMs), decisionReason: '', terminator: '', startedAt: null,
    finishedAt: null, attempts: 0, result: {},
  };
}

function facts(hosts: HostRecord[], terms: TerminationRecord[]): WindowFacts {
  return { hosts: new Map(hosts.map((h) => [h.id, h])), terminations: new Map(terms.map((t) => [t.id, t])), windowStart: WINDOW_START };
}

test('the candidate is counted in its image group: hosts, other clean hosts, and hosts asked to go', () => {
  const hosts = [host('c', 'drifted'), host('a', 'clean'), host('b', 'clean'), host('d', 'drifted'), host('z', 'clean', 'ami-2')];
  const got = governorInput(hosts[0]!, facts(hosts, [term('c', 'requested', 0), term('d', 'pending_approval', 1000, 500)]), DEFAULT_GOVERNOR, true);
  assert.deepEqual(got, {
    terminatorConfigured: true, startedInWindow: 0,
    groups: [{ key: 'image:ami-1', describe: 'of image ami-1', hosts: 4, clean: 2, requested: 2 }],
  });
});

test('requests before the window do not count; terminations started within it do, whenever requested', () => {
  const hosts = ['c', 'old', 'late', 'done', 'held'].map((id) => host(id, 'drifted'));
  const terms = [
    term('old', 'denied', 3_600_000, 3_000_000), // requested and decided an hour ago
    term('late', 'approved', 3_600_000, 60_000), // requested an hour ago, approved by a human a minute ago
    term('done', 'done', 120_000, 110_000),
    term('held', 'pending_approval', 3_600_000, 60_000), // held within the window: not started
  ];
  const got = governorInput(hosts[0]!, facts(hosts, terms), DEFAULT_GOVERNOR, true);
  assert.equal(got.startedInWindow, 2);
  assert.equal(got.groups[0]!.requested, 3, 'the candidate, late and done');
});

test('a terminated host leaves its group, unless it was terminated within the window', () => {
  const hosts = [host('c', 'drifted'), host('gone-long-ago', 'terminated'), host('gone-now', 'terminated'), host('a', 'clean')];
  const got = governorInput(hosts[0]!, facts(hosts, [term('gone-now', 'done', 60_000, 60_000)]), DEFAULT_GOVERNOR, true);
  assert.deepEqual(got.groups[0], { key: 'image:ami-1', describe: 'of image ami-1', hosts: 3, clean: 1, requested: 2 });
  assert.equal(got.startedInWindow, 1);
});

test('label groups: one per configured key the host carries; no image group without an image id', () => {
  const c = host('c', 'drifted', '', { role: 'web', env: 'prod' });
  const hosts = [c, host('w', 'clean', 'ami-1', { role: 'web' }), host('db', 'clean', '', { role: 'db', env: 'prod' })];
  const got = governorInput(c, facts(hosts, []), { ...DEFAULT_GOVERNOR, groupLabels: ['role', 'zone', 'env'] }, false);
  assert.equal(got.terminatorConfigured, false);
  assert.deepEqual(got.groups, [
    { key: 'label:role=web', describe: 'labelled role=web', hosts: 2, clean: 1, requested: 1 },
    { key: 'label:env=prod', describe: 'labelled env=prod', hosts: 2, clean: 1, requested: 1 },
  ]);
});
