// The policy file's shape (snake_case) as one TypeBox schema with its
// defaults; unknown keys are refused. What a schema cannot say (known event
// kinds, valid globs, unique rule names, the window's range) policy-load.ts
// checks, naming the line.
import { Type, type Static } from '@sinclair/typebox';
import { DurationSchema, type DurationBounds } from '../../common/duration.js';
import { SEVERITIES, VERDICTS, type Severity, type Verdict } from './policy-types.js';

/** The policy format this collector reads. */
export const POLICY_VERSION = 1;

const oneOf = <T extends string>(values: readonly T[], options: { default?: NoInfer<T> } = {}) => Type.Union(values.map((v) => Type.Literal(v)), options);

/** A string, or a non-empty list of them: `kind: login` and `kind: [login]` mean the same. */
const OneOrMany = (maxLength: number, what: string) => Type.Union([
  Type.String({ minLength: 1, maxLength }),
  Type.Array(Type.String({ minLength: 1, maxLength }), { minItems: 1, maxItems: 256 }),
], { description: `${what}, or a non-empty list of them` });

const MatchSchema = Type.Object({
  kind: Type.Optional(OneOrMany(64, 'an event kind')),
  path: Type.Optional(OneOrMany(4096, 'a path glob')),
  not_path: Type.Optional(OneOrMany(4096, 'a path glob')),
  package: Type.Optional(OneOrMany(256, 'a package name glob')),
  changes: Type.Optional(OneOrMany(32, 'a change (content, mode, uid, gid, type, target, capabilities)')),
  image: Type.Optional(OneOrMany(256, 'an image id glob')),
  labels: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 1024 }), { maxProperties: 64 })),
}, { additionalProperties: false });

const RuleSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 64 }),
  description: Type.Optional(Type.String({ maxLength: 1024 })),
  match: MatchSchema,
  verdict: oneOf(VERDICTS),
  severity: Type.Optional(oneOf(SEVERITIES)),
}, { additionalProperties: false });

export const GovernorSchema = Type.Object({
  dry_run: Type.Boolean({ default: false }),
  window: DurationSchema('10m'),
  max_terminations_per_window: Type.Integer({ minimum: 0, maximum: 100_000, default: 10 }),
  max_group_fraction: Type.Number({ minimum: 0, maximum: 1, default: 0.25 }),
  min_healthy_per_group: Type.Integer({ minimum: 0, maximum: 100_000, default: 1 }),
  group_labels: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 16, default: [] }),
  approval: oneOf(['never', 'always', 'above'] as const, { default: 'never' }),
  approval_above: Type.Integer({ minimum: 0, maximum: 100_000, default: 5 }),
}, { additionalProperties: false, default: {} });

/** The governor's window: at least a second, at most a week. */
export const WINDOW_BOUNDS: DurationBounds = { minMs: 1000, maxMs: 7 * 24 * 3_600_000 };

export const PolicySchema = Type.Object({
  version: Type.Integer({ description: `the policy format, ${POLICY_VERSION}` }),
  rules: Type.Array(RuleSchema, { maxItems: 1000, default: [] }),
  default: Type.Object({
    verdict: oneOf(VERDICTS, { default: 'alert' }),
    severity: Type.Optional(oneOf(SEVERITIES)),
  }, { additionalProperties: false, default: {} }),
  governor: GovernorSchema,
}, { additionalProperties: false });

/** The policy as written in its file (snake_case), defaults filled. */
export type PolicyFile = Static<typeof PolicySchema>;

/** The severity of a rule (or the default) that names none: how loud its verdict usually is. */
export const SEVERITY_BY_VERDICT: Readonly<Record<Verdict, Severity>> = {
  ignore: 'info', flag: 'low', alert: 'medium', terminate: 'critical',
};
