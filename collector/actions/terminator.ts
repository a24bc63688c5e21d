// What every terminator is: one way to make a host go away. The governor
// decides whether; the termination runner calls `terminate` and records the
// outcome. A terminator never decides and never retries by itself.
import type { HostRecord } from '../store/store.js';
import type { TerminationRecord } from '../store/response-store.js';

export type TerminatorType = 'exec' | 'aws-asg' | 'aws-ec2' | 'agent';

export interface TerminatorOutcome {
  /**
   * True when the terminator knows the host is gone or going (a command that
   * exited 0, EC2 answering shutting-down): the termination is done. False when
   * it only asked (ASG health, an agent directive): done once the host goes silent.
   */
  confirmed: boolean;
  /** What happened, for the record (exit code, bounded output, API request id); never secrets. */
  detail: Record<string, unknown>;
}

export interface Terminator {
  readonly type: TerminatorType;
  /** Throws TerminateError when the termination failed. */
  terminate(host: HostRecord, termination: TerminationRecord, signal: AbortSignal): Promise<TerminatorOutcome>;
}

export class TerminateError extends Error {
  constructor(message: string, readonly detail: Record<string, unknown> = {}) {
    super(message);
    this.name = 'TerminateError';
  }
}
