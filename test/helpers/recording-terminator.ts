// A Terminator of our own interface that records each call and answers as
// the test scripts it: confirm, only ask (sent), fail, or never answer.
import { TerminateError, type Terminator, type TerminatorOutcome, type TerminatorType } from '../../collector/actions/terminator.js';
import type { HostRecord } from '../../collector/store/store.js';
import type { TerminationRecord } from '../../collector/store/response-store.js';

export type Answer = 'confirm' | 'sent' | 'fail' | 'hang';

export interface RecordedCall {
  hostId: string;
  terminationId: number;
  /** The termination's state as the terminator saw it. */
  state: string;
  attempt: number;
}

export class RecordingTerminator implements Terminator {
  readonly calls: RecordedCall[] = [];
  aborted = 0;

  /** Calls answer only once this resolves (set it to hold calls in flight). */
  gate: Promise<void> = Promise.resolve();

  /** `answer(n)` for the n-th call (0-based). */
  constructor(private readonly answer: (n: number) => Answer = () => 'confirm', readonly type: TerminatorType = 'exec') {}

  async terminate(host: HostRecord, termination: TerminationRecord, signal: AbortSignal): Promise<TerminatorOutcome> {
    const n = this.calls.length;
    this.calls.push({ hostId: host.id, terminationId: termination.id, state: termination.state, attempt: termination.attempts });
    await this.gate;
    const answer = this.answer(n);
    if (answer === 'hang') {
      // Answers nothing, ever; only notes that it was told to stop.
      return new Promise(() => { signal.addEventListener('abort', () => { this.aborted++; }); });
    }
    if (answer === 'fail') throw new TerminateError(`exit status 1 on call ${n + 1}`, { exit_code: 1 });
    return { confirmed: answer === 'confirm', detail: { call: n + 1, instance: host.facts.instanceId } };
  }

  hostsCalled(): Set<string> {
    return new Set(this.calls.map((c) => c.hostId));
  }
}
