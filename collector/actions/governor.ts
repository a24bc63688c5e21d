// The governor: whether one requested termination may run now. A pure
// function of plain counts (governor-facts.ts gathers them from the store) and
// the policy's GovernorSettings, so every rule here is unit-tested as data.
//
// A bad rollout drifts a whole image group at once; terminating each drifted
// host would destroy the fleet. So a termination runs only while its groups
// and the fleet stay within the limits; otherwise it is held for a human
// (pending_approval) with a reason on-call understands, and on-call is paged
// once per tripped check and window (the check key says which).
import type { GovernorSettings } from '../policy/policy-types.js';

/** One group the candidate belongs to: its image group, or a label group (one per configured label key it has). */
export interface GroupFacts {
  /** Stable id of the group: "image:ami-1" or "label:role=web". */
  key: string;
  /** How on-call reads it: "of image ami-1", "labelled role=web". */
  describe: string;
  /** Hosts of the group during the window: those not terminated, and those terminated or asked to be within it. */
  hosts: number;
  /** Clean hosts of the group besides the candidate. */
  clean: number;
  /** Hosts of the group whose termination was requested or started within the window, the candidate included. */
  requested: number;
}

export interface GovernorInput {
  /** False when the collector has no terminator: nothing can be terminated. */
  terminatorConfigured: boolean;
  groups: readonly GroupFacts[];
  /** Terminations fleet-wide approved (by the governor or a human) within the window, whatever became of them. */
  startedInWindow: number;
}

export type GovernorDecision =
  | { action: 'execute' }
  | { action: 'dry_run'; reason: string }
  | { action: 'hold'; reason: string; checkKey: string };

type Hold = Extract<GovernorDecision, { action: 'hold' }>;

/** "10m", "1h30m", "45s": a window as on-call reads it (to the second; under one, in ms). */
export function formatWindow(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = Math.floor(ms / 1000);
  for (const [unit, s] of [['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= s) {
      parts.push(`${Math.floor(rest / s)}${unit}`);
      rest %= s;
    }
  }
  return parts.join('');
}

/**
 * How many hosts of a group may be terminated (or asked to be) within one
 * window: the fraction of the group, rounded down, but at least one, so a
 * small group can still lose its one drifted host (min_healthy_per_group
 * guards the group's last clean hosts). A fraction of 0 allows none.
 */
export function groupAllowance(hosts: number, maxGroupFraction: number): number {
  if (maxGroupFraction <= 0) return 0;
  // The epsilon keeps 0.29 x 100 at 29, not 28.999….
  return Math.max(1, Math.floor(hosts * maxGroupFraction + 1e-9));
}

const PAUSED = 'auto-termination paused';

function groupHold(g: GroupFacts, s: GovernorSettings, window: string): Hold | undefined {
  const allowed = groupAllowance(g.hosts, s.maxGroupFraction);
  if (g.requested > allowed) {
    return {
      action: 'hold', checkKey: `fraction:${g.key}`,
      reason: `${g.requested} of ${g.hosts} hosts ${g.describe} drifted within ${window}: ${PAUSED} `
        + `(max_group_fraction ${s.maxGroupFraction} allows ${allowed})`,
    };
  }
  if (g.clean < s.minHealthyPerGroup) {
    return {
      action: 'hold', checkKey: `healthy:${g.key}`,
      reason: `only ${g.clean} other host${g.clean === 1 ? '' : 's'} ${g.describe} ${g.clean === 1 ? 'is' : 'are'} clean: ${PAUSED} `
        + `(min_healthy_per_group ${s.minHealthyPerGroup})`,
    };
  }
  return undefined;
}

/** The first check that holds this termination back, in the order on-call most needs to hear it. */
function firstHold(input: GovernorInput, s: GovernorSettings): Hold | undefined {
  const window = formatWindow(s.windowMs);
  if (s.approval === 'always') {
    return { action: 'hold', checkKey: 'approval:always', reason: 'governor approval is "always": every termination waits for a responder' };
  }
  // A group-wide drift is the bad-rollout signal: say so before the fleet-wide counts.
  for (const g of input.groups) {
    const hold = groupHold(g, s, window);
    if (hold !== undefined) return hold;
  }
  const nth = input.startedInWindow + 1;
  if (nth > s.maxTerminationsPerWindow) {
    return {
      action: 'hold', checkKey: 'rate',
      reason: `${input.startedInWindow} terminations already started within ${window}: ${PAUSED} `
        + `(max_terminations_per_window ${s.maxTerminationsPerWindow})`,
    };
  }
  if (s.approval === 'above' && nth > s.approvalAbove) {
    return {
      action: 'hold', checkKey: 'approval:above',
      reason: `this would be termination ${nth} within ${window}, above approval_above ${s.approvalAbove}: waiting for a responder`,
    };
  }
  return undefined;
}

export function decide(input: GovernorInput, settings: GovernorSettings): GovernorDecision {
  if (!input.terminatorConfigured) return { action: 'dry_run', reason: 'no terminator configured' };
  const hold = firstHold(input, settings);
  if (settings.dryRun) {
    return { action: 'dry_run', reason: `governor dry_run is on: ${hold === undefined ? 'would have terminated' : `would have held: ${hold.reason}`}` };
  }
  return hold ?? { action: 'execute' };
}
