// The verdict of one event on one host under a policy: the first rule whose
// conditions all hold, else the policy's default (rule "default"). Pure.
// Ingest calls evaluate() for every event, so each policy's rules are compiled
// once (globs to one regular expression per condition) and cached per Policy
// object; explain() walks the same conditions and says why each rule did or
// did not match, for `drift-collector policy test`.
import { compileAny, compileGlob, type GlobKind } from './policy-globs.js';
import { DEFAULT_RULE } from './policy-load.js';
import type { EventVerdict, Explained, Policy, PolicyEvent, PolicyHost, PolicyRule, RuleTrace } from './policy-types.js';

interface Condition {
  test(e: PolicyEvent, h: PolicyHost): boolean;
  /** Whether it holds, and why, in words; labels give one reason per label. */
  explain(e: PolicyEvent, h: PolicyHost): { held: boolean; why: string[] };
}

interface CompiledRule {
  name: string;
  conditions: Condition[];
  verdict: Readonly<EventVerdict>;
}

interface CompiledPolicy {
  rules: CompiledRule[];
  fallback: Readonly<EventVerdict>;
}

const list = (values: readonly string[]): string => `[${values.join(', ')}]`;

/**
 * The first of the globs that matches a value, for explanations. Each glob is
 * compiled on the first explanation that needs it: evaluate() never does, and
 * `policy test` on a large check report compiles each once.
 */
function firstMatch(globs: readonly string[], kind: GlobKind): (value: string) => string | undefined {
  let each: Array<{ glob: string; re: RegExp }> | undefined;
  return (value) => {
    each ??= globs.map((glob) => ({ glob, re: compileGlob(glob, kind) }));
    return each.find(({ re }) => re.test(value))?.glob;
  };
}

/** Globs on one value of the event or host; `name` words the reasons ("path", "package", "image"). */
function globCondition(name: string, globs: readonly string[], kind: GlobKind, value: (e: PolicyEvent, h: PolicyHost) => string | undefined): Condition {
  const any = compileAny(globs, kind);
  const which = firstMatch(globs, kind);
  return {
    test: (e, h) => {
      const v = value(e, h);
      return v !== undefined && any.test(v);
    },
    explain: (e, h) => {
      const v = value(e, h);
      if (v === undefined) return { held: false, why: [`the event has no ${name}`] };
      const hit = which(v);
      return hit === undefined
        ? { held: false, why: [`${name} ${v === '' ? '""' : v} matches none of ${list(globs)}`] }
        : { held: true, why: [`${name} ${v} matches ${hit}`] };
    },
  };
}

function notPathCondition(globs: readonly string[]): Condition {
  const any = compileAny(globs, 'path');
  const which = firstMatch(globs, 'path');
  return {
    test: (e) => e.path === undefined || !any.test(e.path),
    explain: (e) => {
      if (e.path === undefined) return { held: true, why: ['the event has no path for not_path to exclude'] };
      const path = e.path;
      const hit = which(path);
      return hit === undefined
        ? { held: true, why: [`path ${path} matches none of not_path ${list(globs)}`] }
        : { held: false, why: [`path ${path} matches not_path ${hit}`] };
    },
  };
}

function kindCondition(kinds: readonly string[]): Condition {
  const set = new Set(kinds);
  return {
    test: (e) => set.has(e.kind),
    explain: (e) => (set.has(e.kind)
      ? { held: true, why: [`kind ${e.kind} is one of ${list(kinds)}`] }
      : { held: false, why: [`kind ${e.kind} is not one of ${list(kinds)}`] }),
  };
}

function changesCondition(changes: readonly string[]): Condition {
  const set = new Set(changes);
  return {
    test: (e) => e.changes?.some((c) => set.has(c)) ?? false,
    explain: (e) => {
      const have = e.changes ?? [];
      if (have.length === 0) return { held: false, why: ['the event lists no changes'] };
      const hit = have.find((c) => set.has(c));
      return hit === undefined
        ? { held: false, why: [`changes ${list(have)} include none of ${list(changes)}`] }
        : { held: true, why: [`changes ${list(have)} include ${hit}`] };
    },
  };
}

function labelOf(h: PolicyHost, key: string): string | undefined {
  // Own keys only: a label called "constructor" must not find Object's.
  return Object.hasOwn(h.labels, key) ? h.labels[key] : undefined;
}

function labelsCondition(labels: Record<string, string>): Condition {
  const wanted = Object.entries(labels).map(([key, glob]) => ({ key, glob, re: compileGlob(glob, 'name') }));
  return {
    test: (_e, h) => wanted.every(({ key, re }) => {
      const v = labelOf(h, key);
      return v !== undefined && re.test(v);
    }),
    explain: (_e, h) => {
      const why: string[] = [];
      for (const { key, glob, re } of wanted) {
        const v = labelOf(h, key);
        if (v === undefined) return { held: false, why: [`the host has no label ${key}`] };
        if (!re.test(v)) return { held: false, why: [`label ${key}=${v} does not match ${glob}`] };
        why.push(`label ${key}=${v} matches ${glob}`);
      }
      return { held: true, why };
    },
  };
}

/** The rule's conditions in a fixed order (the order explain() reports them in). */
function conditionsOf(rule: PolicyRule): Condition[] {
  const m = rule.match;
  const out: Condition[] = [];
  if (m.kinds !== undefined) out.push(kindCondition(m.kinds));
  if (m.paths !== undefined) out.push(globCondition('path', m.paths, 'path', (e) => e.path));
  if (m.notPaths !== undefined) out.push(notPathCondition(m.notPaths));
  if (m.packages !== undefined) out.push(globCondition('package', m.packages, 'name', (e) => e.package?.name));
  if (m.changes !== undefined) out.push(changesCondition(m.changes));
  if (m.images !== undefined) out.push(globCondition('image', m.images, 'name', (_e, h) => h.imageId));
  if (m.labels !== undefined) out.push(labelsCondition(m.labels));
  return out;
}

const compiled = new WeakMap<Policy, CompiledPolicy>();

function compile(policy: Policy): CompiledPolicy {
  let c = compiled.get(policy);
  if (c === undefined) {
    c = {
      rules: policy.rules.map((r) => ({
        name: r.name, conditions: conditionsOf(r), verdict: Object.freeze({ verdict: r.verdict, severity: r.severity, rule: r.name }),
      })),
      fallback: Object.freeze({ ...policy.fallback, rule: DEFAULT_RULE }),
    };
    compiled.set(policy, c);
  }
  return c;
}

/** The verdict (shared and frozen: store it, do not change it). */
export function evaluate(event: PolicyEvent, host: PolicyHost, policy: Policy): Readonly<EventVerdict> {
  const c = compile(policy);
  for (const rule of c.rules) {
    let all = true;
    for (const cond of rule.conditions) {
      if (!cond.test(event, host)) {
        all = false;
        break;
      }
    }
    if (all) return rule.verdict;
  }
  return c.fallback;
}

/** The verdict and, for every rule tried, why it matched or which condition failed first. */
export function explain(event: PolicyEvent, host: PolicyHost, policy: Policy): Explained {
  const c = compile(policy);
  const trace: RuleTrace[] = [];
  for (const rule of c.rules) {
    const held: string[] = [];
    let failed: string[] | undefined;
    for (const cond of rule.conditions) {
      const r = cond.explain(event, host);
      if (!r.held) {
        failed = r.why;
        break;
      }
      held.push(...r.why);
    }
    if (failed !== undefined) {
      trace.push({ rule: rule.name, matched: false, why: failed });
      continue;
    }
    trace.push({ rule: rule.name, matched: true, why: held.length === 0 ? ['the rule has no conditions: it matches every event'] : held });
    return { ...rule.verdict, trace };
  }
  return { ...c.fallback, trace };
}
