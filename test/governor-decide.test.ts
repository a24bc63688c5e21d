import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, formatWindow, groupAllowance, type GovernorInput, type GroupFacts } from '../collector/actions/governor.js';
import type { GovernorSettings } from '../collector/policy/policy-types.js';
import { DEFAULT_GOVERNOR } from './helpers/drift-fleet.js';

const image = (over: Partial<GroupFacts> = {}): GroupFacts => ({
  key: 'image:ami-X', describe: 'of image ami-X', hosts: 50, clean: 40, requested: 1, ...over,
});
const input = (over: Partial<GovernorInput> = {}): GovernorInput => ({ terminatorConfigured: true, groups: [image()], startedInWindow: 0, ...over });
const settings = (over: Partial<GovernorSettings> = {}): GovernorSettings => ({ ...DEFAULT_GOVERNOR, ...over });

test('within every limit, with the defaults, a termination runs', () => {
  assert.deepEqual(decide(input(), settings()), { action: 'execute' });
  assert.deepEqual(decide(input({ groups: [] }), settings()), { action: 'execute' }, 'a host in no group has only the fleet limits');
});

test('without a terminator nothing is terminated, whatever the limits say', () => {
  const reason = 'no terminator configured';
  assert.deepEqual(decide(input({ terminatorConfigured: false }), settings()), { action: 'dry_run', reason });
  assert.deepEqual(decide(input({ terminatorConfigured: false, startedInWindow: 99 }), settings({ approval: 'always' })), { action: 'dry_run', reason });
});

test('dry_run records what the governor would have done', () => {
  assert.deepEqual(decide(input(), settings({ dryRun: true })), { action: 'dry_run', reason: 'governor dry_run is on: would have terminated' });
  const d = decide(input({ startedInWindow: 10 }), settings({ dryRun: true }));
  assert.equal(d.action, 'dry_run');
  assert.equal(d.action === 'dry_run' && d.reason,
    'governor dry_run is on: would have held: 10 terminations already started within 10m: auto-termination paused (max_terminations_per_window 10)');
});

test('approval "always" holds every termination for a responder', () => {
  assert.deepEqual(decide(input(), settings({ approval: 'always' })), {
    action: 'hold', checkKey: 'approval:always', reason: 'governor approval is "always": every termination waits for a responder',
  });
});

test('the fleet-wide rate limit counts the terminations started within the window, this one included', () => {
  assert.deepEqual(decide(input({ startedInWindow: 9 }), settings()), { action: 'execute' });
  assert.deepEqual(decide(input({ startedInWindow: 10 }), settings()), {
    action: 'hold', checkKey: 'rate',
    reason: '10 terminations already started within 10m: auto-termination paused (max_terminations_per_window 10)',
  });
  assert.equal(decide(input({ startedInWindow: 2 }), settings({ maxTerminationsPerWindow: 2, windowMs: 300_000 })).action, 'hold');
});

test('a mass drift of one image group trips the group fraction, with the reason on-call reads', () => {
  assert.deepEqual(decide(input({ groups: [image({ requested: 12 })] }), settings()), { action: 'execute' }, '12 of 50 is within 0.25');
  assert.deepEqual(decide(input({ groups: [image({ requested: 13 })] }), settings()).action, 'hold');
  assert.deepEqual(decide(input({ groups: [image({ requested: 42, clean: 8 })] }), settings()), {
    action: 'hold', checkKey: 'fraction:image:ami-X',
    reason: '42 of 50 hosts of image ami-X drifted within 10m: auto-termination paused (max_group_fraction 0.25 allows 12)',
  });
});

test('a small group may still lose its one drifted host, but never a second within the window', () => {
  assert.deepEqual(decide(input({ groups: [image({ hosts: 2, clean: 1, requested: 1 })] }), settings()), { action: 'execute' });
  const d = decide(input({ groups: [image({ hosts: 2, clean: 0, requested: 2 })] }), settings());
  assert.equal(d.action === 'hold' && d.checkKey, 'fraction:image:ami-X');
});

test('a group is never left with fewer clean hosts than min_healthy_per_group', () => {
  assert.deepEqual(decide(input({ groups: [image({ hosts: 4, clean: 0, requested: 1 })] }), settings()), {
    action: 'hold', checkKey: 'healthy:image:ami-X',
    reason: 'only 0 other hosts of image ami-X are clean: auto-termination paused (min_healthy_per_group 1)',
  });
  const one = decide(input({ groups: [image({ hosts: 9, clean: 1 })] }), settings({ minHealthyPerGroup: 2 }));
  assert.equal(one.action === 'hold' && one.reason, 'only 1 other host of image ami-X is clean: auto-termination paused (min_healthy_per_group 2)');
  assert.deepEqual(decide(input({ groups: [image({ hosts: 1, clean: 0 })] }), settings({ minHealthyPerGroup: 0 })), { action: 'execute' });
});

test('every group of the host is checked: a label group trips on its own counts', () => {
  const web: GroupFacts = { key: 'label:role=web', describe: 'labelled role=web', hosts: 8, clean: 3, requested: 3 };
  assert.deepEqual(decide(input({ groups: [image(), web] }), settings()), {
    action: 'hold', checkKey: 'fraction:label:role=web',
    reason: '3 of 8 hosts labelled role=web drifted within 10m: auto-termination paused (max_group_fraction 0.25 allows 2)',
  });
});

test('approval "above" holds once the window would hold more than approval_above terminations', () => {
  assert.deepEqual(decide(input({ startedInWindow: 4 }), settings({ approval: 'above' })), { action: 'execute' });
  assert.deepEqual(decide(input({ startedInWindow: 5 }), settings({ approval: 'above' })), {
    action: 'hold', checkKey: 'approval:above',
    reason: 'this would be termination 6 within 10m, above approval_above 5: waiting for a responder',
  });
  assert.deepEqual(decide(input({ startedInWindow: 5 }), settings({ approval: 'never' })), { action: 'execute' });
});

test('when several checks trip, the first says what on-call most needs: approval, then the group, then the fleet', () => {
  const all = input({ groups: [image({ requested: 42, clean: 0 })], startedInWindow: 10 });
  const key = (s: GovernorSettings): string | false => { const d = decide(all, s); return d.action === 'hold' && d.checkKey; };
  assert.equal(key(settings({ approval: 'always' })), 'approval:always');
  assert.equal(key(settings({ approval: 'above' })), 'fraction:image:ami-X');
  assert.equal(key(settings({ maxGroupFraction: 1 })), 'healthy:image:ami-X');
  assert.equal(key(settings({ maxGroupFraction: 1, minHealthyPerGroup: 0, approval: 'above' })), 'rate');
  assert.equal(key(settings({ maxGroupFraction: 1, minHealthyPerGroup: 0, maxTerminationsPerWindow: 100, approval: 'above' })), 'approval:above');
});

test('group allowance: the fraction rounded down, at least one, none for a fraction of 0', () => {
  assert.deepEqual([[50, 0.25], [3, 0.25], [100, 0.29], [10, 0.3], [1, 0.25], [7, 1], [7, 0]].map(([h, f]) => groupAllowance(h!, f!)),
    [12, 1, 29, 3, 1, 7, 0]);
  const d = decide(input({ groups: [image({ requested: 1 })] }), settings({ maxGroupFraction: 0 }));
  assert.equal(d.action === 'hold' && d.reason, '1 of 50 hosts of image ami-X drifted within 10m: auto-termination paused (max_group_fraction 0 allows 0)');
});

test('windows read the way on-call writes them', () => {
  assert.deepEqual([600_000, 300_000, 5_400_000, 3_600_000, 45_000, 90_000, 500].map(formatWindow), ['10m', '5m', '1h30m', '1h', '45s', '1m30s', '500ms']);
});
