// The `aws-asg` terminator: marks the instance Unhealthy in its Auto Scaling
// group (SetInstanceHealth). The group then terminates and replaces it on its
// own schedule, so the answer confirms nothing: the termination is done when
// the host goes silent. Loaded only when configured (create-terminator.ts),
// so a collector without it never loads the SDK.
import { AutoScalingClient, SetInstanceHealthCommand } from '@aws-sdk/client-auto-scaling';
import type { TerminatorConfig } from './action-config.js';
import { awsClientConfig, callAws, instanceIdOf, requireRegion } from './aws-call.js';
import type { Terminator } from './terminator.js';

type AsgConfig = Extract<TerminatorConfig, { type: 'aws-asg' }>;

export async function createAsgTerminator(config: AsgConfig): Promise<Terminator> {
  const client = new AutoScalingClient(awsClientConfig(config));
  const region = await requireRegion(() => client.config.region(), config.type);
  return {
    type: 'aws-asg',
    async terminate(host, _termination, signal) {
      const instanceId = instanceIdOf(host);
      const input = { InstanceId: instanceId, HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: config.respectGracePeriod };
      const out = await callAws('SetInstanceHealth', config.timeoutMs, signal, (abortSignal) => client.send(new SetInstanceHealthCommand(input), { abortSignal }));
      return {
        confirmed: false,
        detail: {
          operation: 'SetInstanceHealth', region, instanceId, healthStatus: 'Unhealthy',
          shouldRespectGracePeriod: config.respectGracePeriod, requestId: out.$metadata.requestId,
        },
      };
    },
  };
}
