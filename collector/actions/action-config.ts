// The collector config's `alerts`, `notifiers` and `terminator` sections, as
// the code uses them (camelCase, defaults applied). Parsed from the YAML by
// parseActionSettings, which names the file and line of a bad setting.
import type { Severity } from '../policy/policy-types.js';
import type { TerminatorType } from './terminator.js';

interface NotifierBase {
  /** Unique; names the notifier in deliveries and logs. Never a URL. */
  name: string;
  minSeverity: Severity;
  timeoutMs: number;
}

export type NotifierConfig =
  | (NotifierBase & { type: 'webhook'; url: string; secret: string })
  | (NotifierBase & { type: 'slack'; url: string })
  | (NotifierBase & { type: 'pagerduty'; url: string; routingKey: string });

export type TerminatorConfig =
  | { type: Extract<TerminatorType, 'exec'>; command: string[]; timeoutMs: number }
  | { type: Extract<TerminatorType, 'aws-asg'>; region?: string; endpoint?: string; respectGracePeriod: boolean; timeoutMs: number }
  | { type: Extract<TerminatorType, 'aws-ec2'>; region?: string; endpoint?: string; timeoutMs: number }
  | { type: Extract<TerminatorType, 'agent'> };

export interface AlertSettings {
  /** Events of one host within this window make one alert. */
  groupWindowMs: number;
  /** A delivery not made by then is given up (expired) and logged. */
  deliveryTtlMs: number;
}
