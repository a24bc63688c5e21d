// Host and termination records as the store returns them, for terminator tests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TerminateError, type TerminatorOutcome } from '../../collector/actions/terminator.js';
import type { HostRecord } from '../../collector/store/store.js';
import type { TerminationRecord } from '../../collector/store/response-store.js';

export function hostRecord(over: Omit<Partial<HostRecord>, 'facts'> & { facts?: Partial<HostRecord['facts']> } = {}): HostRecord {
  const { facts, ...rest } = over;
  return {
    id: '0123456789abcdef0123456789abcdef', publicKey: Buffer.alloc(32), state: 'terminating',
    enrolledAt: new Date('2026-01-01T00:00:00Z'), baselineRoot: 'ab'.repeat(32), baselineAt: new Date('2026-01-01T00:01:00Z'),
    lastSeenAt: new Date('2026-01-01T01:00:00Z'), ackedSeq: 7, lastEventHash: '',
    ...rest,
    facts: {
      hostname: 'web-1', machineId: 'f'.repeat(32), instanceId: 'i-0abc1234def567890', imageId: 'ami-0123456789abcdef0',
      os: 'Debian 12', kernel: '6.1.0', labels: { role: 'web' }, ...facts,
    },
  };
}

export function terminationRecord(over: Partial<TerminationRecord> = {}): TerminationRecord {
  return {
    id: 42, hostId: '0123456789abcdef0123456789abcdef', state: 'executing', rule: 'binaries', reason: 'file_added /usr/bin/nc', eventSeq: 7,
    requestedAt: new Date('2026-01-01T01:00:00Z'), holdReason: '', decidedBy: 'governor', decidedAt: new Date('2026-01-01T01:00:01Z'),
    decisionReason: 'within limits', terminator: 'exec', startedAt: new Date('2026-01-01T01:00:02Z'), finishedAt: null, attempts: 1, result: {},
    ...over,
  };
}

/** Whether a process is running (a zombie, killed but not yet reaped, is not). */
export function processRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The TerminateError a terminate() call fails with; fails the test if it succeeds or throws something else. */
export async function terminateFailure(p: Promise<TerminatorOutcome>): Promise<TerminateError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof TerminateError, String(err));
    return err;
  }
  return assert.fail('terminate() succeeded');
}
