// The `agent` terminator, for fleets without a cloud API: the host's own agent
// runs its configured shutdown_command when told to. The telling is a
// SHUTDOWN directive in every acknowledgement the host receives while it is
// terminating and its termination (run by this terminator) is executing or
// sent (ingest/directives.ts). So the record the runner keeps is the
// directive; terminate() checks that it is in place and confirms nothing: the
// host is done when it goes silent, and its scheduler replaces it.
import type { HostRecord, Store } from '../store/store.js';
import type { TerminationRecord, TerminationState } from '../store/response-store.js';
import { TerminateError, type Terminator } from './terminator.js';

/** States of a termination whose host is told to shut down. */
export const AGENT_DIRECTIVE_STATES: readonly TerminationState[] = ['executing', 'sent'];

/** The directive's reason is bounded: the termination's reason quotes a path. */
const REASON_MAX = 1024;

export function shutdownReason(t: TerminationRecord): string {
  const full = `termination ${t.id} by rule ${t.rule}: ${t.reason}`;
  return full.length <= REASON_MAX ? full : full.slice(0, REASON_MAX).replace(/[\uD800-\uDBFF]$/, '');
}

/** Whether acknowledgements to this host carry a shutdown directive for this termination. */
export function shutdownDue(host: Pick<HostRecord, 'id' | 'state'>, t: TerminationRecord): boolean {
  return host.state === 'terminating' && t.hostId === host.id && t.terminator === 'agent' && AGENT_DIRECTIVE_STATES.includes(t.state);
}

export function createAgentTerminator(store: Store): Terminator {
  return {
    type: 'agent',
    async terminate(host, termination) {
      // Re-read: the directive follows what is stored, not the runner's copy.
      const [current, now] = await Promise.all([store.getTermination(termination.id), store.getHost(host.id)]);
      if (current === undefined || now === undefined || !shutdownDue(now, current)) {
        throw new TerminateError(
          'no shutdown directive would reach the agent: the host must be terminating and the termination executing or sent with terminator "agent"',
          { hostState: now?.state ?? 'unknown', terminationState: current?.state ?? 'unknown', terminator: current?.terminator ?? '' },
        );
      }
      return {
        confirmed: false,
        detail: { directive: 'shutdown', reason: shutdownReason(current), hostLastSeenAt: now.lastSeenAt?.toISOString() ?? null },
      };
    },
  };
}
