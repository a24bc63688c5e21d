import { test } from 'node:test';
import assert from 'node:assert/strict';
import { governorPage, summaryLine, terminatedMessage, terminationFailedPage } from '../collector/actions/termination-messages.js';
import type { HostRecord } from '../collector/store/store.js';
import type { TerminationRecord } from '../collector/store/response-store.js';

const NOW = new Date(Date.UTC(2026, 0, 1, 12));
const host: HostRecord = {
  id: 'a'.repeat(32), state: 'terminating', publicKey: Buffer.alloc(32), enrolledAt: NOW, baselineRoot: 'r', baselineAt: NOW, lastSeenAt: NOW,
  ackedSeq: 3, lastEventHash: '', facts: { hostname: 'web-1\n@channel \u202eevil', machineId: 'm', instanceId: 'i-1', imageId: 'ami-1', os: '', kernel: '', labels: { role: 'web' } },
};
const t: TerminationRecord = {
  id: 7, hostId: host.id, state: 'executing', rule: 'binaries', reason: 'file_changed /usr/bin/ls', eventSeq: 3, requestedAt: NOW, holdReason: '',
  decidedBy: 'governor', decidedAt: NOW, decisionReason: '', terminator: 'aws-asg', startedAt: NOW, finishedAt: null, attempts: 3, result: {},
};

test('a terminated host resolves its incident by the host dedup key, in one printable line', () => {
  assert.deepEqual(terminatedMessage(host, t, 'the host went silent', NOW), {
    type: 'resolved', dedupKey: `driftwatch/host/${host.id}`, severity: 'info', at: NOW.toISOString(),
    host: { id: host.id, hostname: host.facts.hostname, imageId: 'ami-1', instanceId: 'i-1', labels: { role: 'web' }, state: 'terminated' },
    summary: 'web-1?@channel ?evil was terminated (file_changed /usr/bin/ls; rule binaries)',
    action: 'terminated by the aws-asg terminator (the host went silent); its auto-scaling group or scheduler replaces it',
  });
});

test('pages: the governor\'s by its check, a failed termination by its id', () => {
  const page = governorPage('42 of 50 hosts of image ami-1 drifted within 10m: auto-termination paused', 'fraction:image:ami-1',
    { start: new Date(NOW.getTime() - 600_000), end: NOW }, NOW);
  assert.deepEqual([page.type, page.dedupKey, page.severity, page.window], [
    'governor', 'driftwatch/governor/fraction:image:ami-1', 'critical', { start: '2026-01-01T11:50:00.000Z', end: '2026-01-01T12:00:00.000Z' }]);
  const failed = terminationFailedPage(host, t, 'AccessDenied', NOW);
  assert.deepEqual([failed.type, failed.dedupKey, failed.severity, failed.summary],
    ['governor', 'driftwatch/termination/7', 'critical', 'termination 7 of web-1?@channel ?evil failed after 3 attempts: AccessDenied']);
});

test('a summary is cut at 1024 characters', () => {
  const long = summaryLine('é'.repeat(2000));
  assert.equal([...long].length, 1024);
  assert.ok(long.endsWith('…'));
  assert.equal(summaryLine('short'), 'short');
});
