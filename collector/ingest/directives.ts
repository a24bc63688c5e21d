// The directives an acknowledgement carries to an agent. Today one: SHUTDOWN,
// for a host the `agent` terminator is terminating (actions/agent-terminator.ts),
// repeated in every Ack until the host is gone (the agent runs its command once).
// Heartbeats are the hot path (thousands a second): a host that is not
// terminating costs one comparison of the record already loaded, no query.
import type { Store, HostRecord } from '../store/store.js';
import { AGENT_DIRECTIVE_STATES, shutdownDue, shutdownReason } from '../actions/agent-terminator.js';
import { pb } from './wire.js';

export async function directivesFor(host: HostRecord, store: Store): Promise<ReturnType<typeof pb.Directive.create>[]> {
  if (host.state !== 'terminating') return [];
  // At most one termination is in flight per host (a unique index), so one row answers.
  const [t] = await store.listTerminations({ hostId: host.id, states: AGENT_DIRECTIVE_STATES, limit: 1 });
  if (t === undefined || !shutdownDue(host, t)) return [];
  return [pb.Directive.create({ kind: pb.Directive.Kind.KIND_SHUTDOWN, reason: shutdownReason(t) })];
}
