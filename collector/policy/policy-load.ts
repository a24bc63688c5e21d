// A policy from its YAML text: parsed keeping line numbers, validated against
// PolicySchema, checked further (known kinds and changes, valid globs, unique
// rule names), converted to the Policy the evaluator reads, and frozen. Every
// refusal is COLLECTOR_POLICY_INVALID as "FILE:LINE: rules[2].match.path: why".
import { durationMs, durationProblem } from '../../common/duration.js';
import { DriftwatchError } from '../../common/errors.js';
import { deepFreeze, parseConfigFile, readConfigText, settingError, validateSettings, type ConfigText, type SettingsOrigin } from '../../common/yaml-config.js';
import { EVENT_KINDS, FILE_CHANGES } from '../ingest/event-json.js';
import { DEFAULT_POLICY_SOURCE, DEFAULT_POLICY_YAML } from './default-policy.js';
import { globProblem, type GlobKind } from './policy-globs.js';
import { POLICY_VERSION, PolicySchema, SEVERITY_BY_VERDICT, WINDOW_BOUNDS, type PolicyFile } from './policy-schema.js';
import type { Policy, PolicyRule, RuleMatch } from './policy-types.js';

const CODE = 'COLLECTOR_POLICY_INVALID';
/** A policy is a page of rules, not a data set: a bigger file is a mistake. */
const MAX_POLICY_BYTES = 1 << 20;
/** The verdict of an event no rule matched is stored with this rule name, so no rule may take it. */
export const DEFAULT_RULE = 'default';
const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

type RuleFile = PolicyFile['rules'][number];
type MatchFile = RuleFile['match'];

const asList = (v: string | string[] | undefined): string[] | undefined => (v === undefined ? undefined : [v].flat());

/** Each entry of a `string | string[]` setting with the key path that names it. */
function entries(value: string | string[], at: string[]): Array<{ value: string; at: string[] }> {
  return Array.isArray(value) ? value.map((v, i) => ({ value: v, at: [...at, String(i)] })) : [{ value, at }];
}

function checkMatch(m: MatchFile, at: string[], fail: (keyPath: string[], why: string) => never): void {
  const known = (key: 'kind' | 'changes', allowed: readonly string[], what: string): void => {
    const v = m[key];
    if (v === undefined) return;
    for (const e of entries(v, [...at, key])) {
      if (!allowed.includes(e.value)) fail(e.at, `${JSON.stringify(e.value)} is not ${what}; expected one of ${allowed.join(', ')}`);
    }
  };
  known('kind', EVENT_KINDS, 'an event kind');
  known('changes', FILE_CHANGES, 'a file change');
  const globs = (key: 'path' | 'not_path' | 'package' | 'image', kind: GlobKind): void => {
    const v = m[key];
    if (v === undefined) return;
    for (const e of entries(v, [...at, key])) {
      const problem = globProblem(e.value, kind);
      if (problem !== undefined) fail(e.at, problem);
    }
  };
  globs('path', 'path');
  globs('not_path', 'path');
  globs('package', 'name');
  globs('image', 'name');
  for (const [key, glob] of Object.entries(m.labels ?? {})) {
    if (key === '' || key.length > 128) fail([...at, 'labels', key], 'a label key is 1 to 128 characters long');
    const problem = globProblem(glob, 'name');
    if (problem !== undefined) fail([...at, 'labels', key], problem);
  }
}

function toMatch(m: MatchFile): RuleMatch {
  const match: RuleMatch = {};
  const set = <K extends keyof RuleMatch>(k: K, v: RuleMatch[K] | undefined): void => {
    if (v !== undefined) match[k] = v;
  };
  set('kinds', asList(m.kind));
  set('paths', asList(m.path));
  set('notPaths', asList(m.not_path));
  set('packages', asList(m.package));
  set('changes', asList(m.changes));
  set('images', asList(m.image));
  set('labels', m.labels === undefined ? undefined : { ...m.labels });
  return match;
}

function toRules(file: PolicyFile, fail: (keyPath: string[], why: string) => never): PolicyRule[] {
  const seen = new Map<string, number>();
  return file.rules.map((r, i) => {
    const at = ['rules', String(i)];
    if (!RULE_NAME.test(r.name)) fail([...at, 'name'], `${JSON.stringify(r.name)}: a rule name is letters, digits, "_", "." and "-", starting with a letter or digit`);
    if (r.name === DEFAULT_RULE) fail([...at, 'name'], `"${DEFAULT_RULE}" names the verdict of events no rule matches; choose another name`);
    const first = seen.get(r.name);
    if (first !== undefined) fail([...at, 'name'], `${JSON.stringify(r.name)} is already the name of rules[${first}]; rule names are unique`);
    seen.set(r.name, i);
    checkMatch(r.match, [...at, 'match'], fail);
    const rule: PolicyRule = { name: r.name, match: toMatch(r.match), verdict: r.verdict, severity: r.severity ?? SEVERITY_BY_VERDICT[r.verdict] };
    if (r.description !== undefined) rule.description = r.description;
    return rule;
  });
}

/** The policy in `file` (its path names it in errors and becomes Policy.source), checked and frozen. */
export function loadPolicy(file: ConfigText): Readonly<Policy> {
  if (Buffer.byteLength(file.text) > MAX_POLICY_BYTES) throw new DriftwatchError(CODE, `${file.path}: a policy file is at most ${MAX_POLICY_BYTES} bytes`);
  const parsed = parseConfigFile(file, CODE);
  const origin: SettingsOrigin = { code: CODE, file: parsed, flags: new Map() };
  if (parsed.values.version === undefined) throw settingError(origin, ['version'], `missing: a policy file starts with "version: ${POLICY_VERSION}"`);
  const p = validateSettings(PolicySchema, parsed.values, origin);
  const fail = (keyPath: string[], why: string): never => {
    throw settingError(origin, keyPath, why, p);
  };
  if (p.version !== POLICY_VERSION) fail(['version'], `this collector reads policy version ${POLICY_VERSION}, not ${p.version}`);
  const windowMs = durationMs(p.governor.window);
  const windowProblem = durationProblem(windowMs, WINDOW_BOUNDS);
  if (windowProblem !== undefined) fail(['governor', 'window'], windowProblem);
  const g = p.governor;
  const policy: Policy = {
    rules: toRules(p, fail),
    fallback: { verdict: p.default.verdict, severity: p.default.severity ?? SEVERITY_BY_VERDICT[p.default.verdict] },
    governor: {
      dryRun: g.dry_run, windowMs, maxTerminationsPerWindow: g.max_terminations_per_window, maxGroupFraction: g.max_group_fraction,
      minHealthyPerGroup: g.min_healthy_per_group, groupLabels: [...g.group_labels], approval: g.approval, approvalAbove: g.approval_above,
    },
    source: file.path,
  };
  return deepFreeze(policy);
}

/** The policy file at `path`, read now. */
export function loadPolicyFile(path: string): Readonly<Policy> {
  return loadPolicy(readConfigText(path, CODE));
}

/** The built-in default policy (default-policy.ts). */
export function defaultPolicy(): Readonly<Policy> {
  return loadPolicy({ path: DEFAULT_POLICY_SOURCE, text: DEFAULT_POLICY_YAML });
}
