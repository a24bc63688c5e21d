// The counts the governor decides on, from plain records: the fleet's hosts
// and the terminations requested or decided within the window. Pure, so the
// runner can gather once per tick and keep the counts current itself as it
// decides one termination after another.
import type { GovernorSettings } from '../policy/policy-types.js';
import type { HostRecord } from '../store/store.js';
import type { TerminationRecord, TerminationState } from '../store/response-store.js';
import type { GovernorInput, GroupFacts } from './governor.js';

/** States of a termination that went ahead (approved by the governor or a human), whatever became of it since. */
export const STARTED_STATES: readonly TerminationState[] = ['approved', 'executing', 'sent', 'done', 'failed'];

export interface WindowFacts {
  /** Every host, terminated ones included (their requests still count within the window). */
  hosts: ReadonlyMap<string, HostRecord>;
  /** Terminations requested or decided within the window, by id. */
  terminations: ReadonlyMap<number, TerminationRecord>;
  windowStart: Date;
}

interface Group {
  key: string;
  describe: string;
  has: (h: HostRecord) => boolean;
}

/** The candidate's groups: its image, and one group per configured label key it carries. */
function groupsOf(host: HostRecord, groupLabels: readonly string[]): Group[] {
  const groups: Group[] = [];
  const image = host.facts.imageId;
  // A host that reported no image id has no image group; its label groups and the fleet limit still apply.
  if (image !== '') groups.push({ key: `image:${image}`, describe: `of image ${image}`, has: (h) => h.facts.imageId === image });
  for (const label of groupLabels) {
    const value = host.facts.labels[label];
    if (value === undefined) continue;
    groups.push({ key: `label:${label}=${value}`, describe: `labelled ${label}=${value}`, has: (h) => h.facts.labels[label] === value });
  }
  return groups;
}

function started(t: TerminationRecord, windowStart: Date): boolean {
  return STARTED_STATES.includes(t.state) && t.decidedAt !== null && t.decidedAt >= windowStart;
}

/** Hosts whose termination was requested or started within the window. */
function affectedHosts(facts: WindowFacts): Set<string> {
  const out = new Set<string>();
  for (const t of facts.terminations.values()) {
    if (t.requestedAt >= facts.windowStart || started(t, facts.windowStart)) out.add(t.hostId);
  }
  return out;
}

export function governorInput(
  candidate: HostRecord, facts: WindowFacts, settings: GovernorSettings, terminatorConfigured: boolean,
): GovernorInput {
  const affected = affectedHosts(facts);
  affected.add(candidate.id);
  const groups: GroupFacts[] = groupsOf(candidate, settings.groupLabels).map((g) => {
    let hosts = 0;
    let clean = 0;
    let requested = 0;
    for (const h of facts.hosts.values()) {
      if (!g.has(h)) continue;
      const hit = affected.has(h.id);
      if (h.state !== 'terminated' || hit) hosts++;
      if (hit) requested++;
      if (h.state === 'clean' && h.id !== candidate.id) clean++;
    }
    return { key: g.key, describe: g.describe, hosts, clean, requested };
  });
  let startedInWindow = 0;
  for (const t of facts.terminations.values()) if (started(t, facts.windowStart)) startedInWindow++;
  return { terminatorConfigured, groups, startedInWindow };
}
