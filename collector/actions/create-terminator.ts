// The configured terminator, built once at start. The AWS terminators (and
// with them the AWS SDK, a large dependency tree) are imported here, only when
// configured: a collector with an exec or agent terminator, or none, never
// loads them (test/terminator-lazy-load.test.ts fails if a static import creeps in).
import type { Store } from '../store/store.js';
import type { TerminatorConfig } from './action-config.js';
import { createAgentTerminator } from './agent-terminator.js';
import { createExecTerminator } from './exec-terminator.js';
import type { Terminator } from './terminator.js';

/** Throws COLLECTOR_CONFIG_INVALID when an AWS terminator has no region to call. */
export async function createTerminator(config: TerminatorConfig, store: Store): Promise<Terminator> {
  switch (config.type) {
    case 'exec':
      return createExecTerminator(config);
    case 'aws-asg':
      return (await import('./aws-asg-terminator.js')).createAsgTerminator(config);
    case 'aws-ec2':
      return (await import('./aws-ec2-terminator.js')).createEc2Terminator(config);
    case 'agent':
      return createAgentTerminator(store);
  }
}
