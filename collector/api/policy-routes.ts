// The policy on the operator API: what is in force (viewer), and a reload of
// the policy file (admin), audited whether it loads or is refused. SIGHUP
// reloads through the same auditedReload().
import type { FastifyInstance } from 'fastify';
import { DriftwatchError } from '../../common/errors.js';
import { formatDuration } from '../../common/duration.js';
import type { PolicyHolder } from '../policy/policy-holder.js';
import type { Policy, RuleMatch } from '../policy/policy-types.js';
import type { Store } from '../store/store.js';
import { principalOf } from './operator-auth.js';

/** A rule's conditions as the policy file spells them (lists always as lists). */
function matchJson(m: RuleMatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys: Array<[keyof RuleMatch, string]> = [
    ['kinds', 'kind'], ['paths', 'path'], ['notPaths', 'not_path'], ['packages', 'package'], ['changes', 'changes'], ['images', 'image'], ['labels', 'labels'],
  ];
  for (const [field, key] of keys) if (m[field] !== undefined) out[key] = m[field];
  return out;
}

/** The policy in force, for GET /api/v1/policy and the reload's answer. */
export function policyJson(policy: Readonly<Policy>, loadedAt: Date): Record<string, unknown> {
  const g = policy.governor;
  return {
    source: policy.source,
    loaded_at: loadedAt.toISOString(),
    rules: policy.rules.map((r) => ({
      name: r.name, ...(r.description === undefined ? {} : { description: r.description }), verdict: r.verdict, severity: r.severity, match: matchJson(r.match),
    })),
    default: { verdict: policy.fallback.verdict, severity: policy.fallback.severity },
    governor: {
      dry_run: g.dryRun, window: formatDuration(g.windowMs), max_terminations_per_window: g.maxTerminationsPerWindow,
      max_group_fraction: g.maxGroupFraction, min_healthy_per_group: g.minHealthyPerGroup, group_labels: g.groupLabels,
      approval: g.approval, approval_above: g.approvalAbove,
    },
  };
}

/**
 * Reloads the policy and records the attempt in the audit log (`policy.reload` by `actor`).
 * Throws COLLECTOR_POLICY_INVALID when the new policy is refused; the old one stays in force.
 */
export async function auditedReload(holder: PolicyHolder, store: Store, actor: string, now = new Date()): Promise<Readonly<Policy>> {
  const before = holder.loadedAt;
  const outcome = holder.reload(now);
  const detail = outcome.ok
    ? { source: holder.source, outcome: 'loaded', rules: outcome.policy.rules.length }
    : { source: holder.source, outcome: 'refused', error: outcome.error.message };
  await store.appendAudit({ at: now, actor, action: 'policy.reload', detail });
  if (!outcome.ok) {
    throw new DriftwatchError('COLLECTOR_POLICY_INVALID', `${outcome.error.message} (the policy loaded at ${before.toISOString()} stays in force)`);
  }
  return outcome.policy;
}

export function registerPolicyRoutes(app: FastifyInstance, store: Store, holder: PolicyHolder): void {
  app.get('/api/v1/policy', { config: { minRole: 'viewer' } }, async () => ({ policy: policyJson(holder.current, holder.loadedAt) }));
  app.post('/api/v1/policy/reload', { config: { minRole: 'admin' } }, async (req) => {
    await auditedReload(holder, store, principalOf(req).actor);
    return { policy: policyJson(holder.current, holder.loadedAt) };
  });
}
