// The collector config's `terminator:` mapping: its `type` picks the schema
// the rest is checked against, so a wrong setting is named as what it is
// ("terminator.respect_grace_period: Expected boolean", at its line) instead
// of "Expected union value". Checks a schema cannot make (an executable
// program, an endpoint URL) follow, located the same way.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { commandProblem } from '../../common/bounded-command.js';
import { settingError, validateSettings, type SettingsOrigin } from '../../common/yaml-config.js';
import type { TerminatorConfig } from './action-config.js';
import type { TerminatorType } from './terminator.js';

const KEY = 'terminator';
const Region = Type.String({ pattern: '^[a-z0-9-]{1,64}$', description: 'an AWS region such as eu-west-1' });
const Endpoint = Type.String({ minLength: 1, maxLength: 2048 });
// An API call, retries included, is given up after this; a command is killed.
const Timeout = (fallback: number, max: number) => Type.Integer({ minimum: 1, maximum: max, default: fallback });

const SCHEMAS = {
  exec: Type.Object({
    type: Type.Literal('exec'),
    command: Type.Array(Type.String({ minLength: 1, maxLength: 4096 }), { minItems: 1, maxItems: 64 }),
    timeout_seconds: Timeout(60, 3600),
  }, { additionalProperties: false }),
  'aws-asg': Type.Object({
    type: Type.Literal('aws-asg'),
    region: Type.Optional(Region),
    endpoint: Type.Optional(Endpoint),
    respect_grace_period: Type.Boolean({ default: true }),
    timeout_seconds: Timeout(30, 600),
  }, { additionalProperties: false }),
  'aws-ec2': Type.Object({
    type: Type.Literal('aws-ec2'),
    region: Type.Optional(Region),
    endpoint: Type.Optional(Endpoint),
    timeout_seconds: Timeout(30, 600),
  }, { additionalProperties: false }),
  agent: Type.Object({ type: Type.Literal('agent') }, { additionalProperties: false }),
} as const satisfies Record<TerminatorType, TSchema>;

export const TERMINATOR_TYPES = Object.keys(SCHEMAS) as TerminatorType[];

function isType(v: unknown): v is TerminatorType {
  return typeof v === 'string' && Object.hasOwn(SCHEMAS, v);
}

/** Validated against its type's schema, wrapped so errors name `terminator.<key>` at its line. */
function validated<S extends TSchema>(schema: S, value: Record<string, unknown>, origin: SettingsOrigin): Static<S> {
  const wrapped = validateSettings(Type.Object({ terminator: schema }) as TSchema, { [KEY]: value }, origin) as { terminator: Static<S> };
  return wrapped.terminator;
}

/** An http(s) endpoint override (a VPC endpoint, LocalStack), without credentials, query or fragment. */
function checkEndpoint(origin: SettingsOrigin, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw settingError(origin, [KEY, 'endpoint'], 'is not a URL (expected e.g. https://autoscaling.eu-west-1.amazonaws.com)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw settingError(origin, [KEY, 'endpoint'], `must be an http:// or https:// URL, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') {
    throw settingError(origin, [KEY, 'endpoint'], 'must not carry credentials: AWS credentials come from the standard chain (environment, profile, instance role)');
  }
  if (url.search !== '' || url.hash !== '') throw settingError(origin, [KEY, 'endpoint'], 'must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

function aws(c: { region?: string; endpoint?: string }, origin: SettingsOrigin): { region?: string; endpoint?: string } {
  return {
    ...(c.region === undefined ? {} : { region: c.region }),
    ...(c.endpoint === undefined ? {} : { endpoint: checkEndpoint(origin, c.endpoint) }),
  };
}

export function parseTerminator(value: unknown, origin: SettingsOrigin): TerminatorConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw settingError(origin, [KEY], `expected a mapping with a type (${TERMINATOR_TYPES.join(', ')})`);
  }
  const settings = value as Record<string, unknown>;
  if (!isType(settings.type)) {
    const where = settings.type === undefined ? [KEY] : [KEY, 'type'];
    throw settingError(origin, where, `type: expected one of ${TERMINATOR_TYPES.join(', ')}`);
  }
  switch (settings.type) {
    case 'exec': {
      const c = validated(SCHEMAS['exec'], settings, origin);
      const bad = commandProblem(c.command);
      if (bad !== undefined) throw settingError(origin, [KEY, 'command', String(bad.index)], bad.problem);
      return { type: 'exec', command: [...c.command], timeoutMs: c.timeout_seconds * 1000 };
    }
    case 'aws-asg': {
      const c = validated(SCHEMAS['aws-asg'], settings, origin);
      return { type: 'aws-asg', ...aws(c, origin), respectGracePeriod: c.respect_grace_period, timeoutMs: c.timeout_seconds * 1000 };
    }
    case 'aws-ec2': {
      const c = validated(SCHEMAS['aws-ec2'], settings, origin);
      return { type: 'aws-ec2', ...aws(c, origin), timeoutMs: c.timeout_seconds * 1000 };
    }
    case 'agent':
      validated(SCHEMAS['agent'], settings, origin);
      return { type: 'agent' };
  }
}
