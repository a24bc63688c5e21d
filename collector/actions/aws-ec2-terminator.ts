// The `aws-ec2` terminator: EC2 TerminateInstances for the host's instance.
// EC2 answers with the instance's new state: shutting-down or terminated
// confirms the termination; anything else (an instance already stopping, say)
// only asked, and the termination is done when the host goes silent. Loaded
// only when configured (create-terminator.ts).
import { EC2Client, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import type { TerminatorConfig } from './action-config.js';
import { awsClientConfig, callAws, instanceIdOf, requireRegion } from './aws-call.js';
import type { Terminator } from './terminator.js';

type Ec2Config = Extract<TerminatorConfig, { type: 'aws-ec2' }>;

const GOING: ReadonlySet<string> = new Set(['shutting-down', 'terminated']);

export async function createEc2Terminator(config: Ec2Config): Promise<Terminator> {
  const client = new EC2Client(awsClientConfig(config));
  const region = await requireRegion(() => client.config.region(), config.type);
  return {
    type: 'aws-ec2',
    async terminate(host, _termination, signal) {
      const instanceId = instanceIdOf(host);
      const out = await callAws('TerminateInstances', config.timeoutMs, signal,
        (abortSignal) => client.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] }), { abortSignal }));
      const change = out.TerminatingInstances?.find((i) => i.InstanceId === instanceId);
      const currentState = change?.CurrentState?.Name ?? '';
      return {
        confirmed: GOING.has(currentState),
        detail: {
          operation: 'TerminateInstances', region, instanceId, currentState,
          previousState: change?.PreviousState?.Name ?? '', requestId: out.$metadata.requestId,
        },
      };
    },
  };
}
