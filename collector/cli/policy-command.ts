// drift-collector policy test|check|default: try a policy on events before it
// is in force, validate a policy file, print the built-in default policy.
// Nothing here touches a database or a running collector.
import { parseArgs } from 'node:util';
import { DriftwatchError } from '../../common/errors.js';
import { DEFAULT_POLICY_YAML } from '../policy/default-policy.js';
import { explain } from '../policy/policy-evaluate.js';
import { defaultPolicy, loadPolicyFile } from '../policy/policy-load.js';
import type { Explained, Policy, PolicyEvent, PolicyHost } from '../policy/policy-types.js';
import { readEvents, readHost } from './policy-input.js';

export const POLICY_HELP = `Usage: drift-collector policy test [--policy FILE] --event FILE [--host FILE] [--json]
       drift-collector policy check FILE
       drift-collector policy default

  test     show, for each event, the verdict and which rule gives it and why:
           every rule tried, with the first condition that failed, or all the
           conditions of the rule that matched
  check    validate a policy file: "policy ok", exit 0; or the refusal with
           FILE:LINE, exit 2
  default  print the built-in default policy (the one in force without --policy)

Options:
  --policy FILE   the policy to test (default: the built-in default policy)
  --event FILE    JSON: one event as in docs/events.md, a list of them, or
                  {"events": [...]} as 'drift-agent check --format json' prints;
                  "-" reads standard input
  --host FILE     JSON {"image_id": "...", "labels": {"role": "web"}}, or a host
                  as GET /api/v1/hosts/:id returns it (default: no image, no labels)
  --json          print {"policy", "results": [{"event", "verdict", "severity",
                  "rule", "trace": [{"rule", "matched", "why"}]}]}
  -h, --help      show this help`;

const usage = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_USAGE', message);

function describeEvent(e: PolicyEvent): string {
  const parts: string[] = [e.kind];
  if (e.path !== undefined) parts.push(e.path);
  if (e.package?.name !== undefined) parts.push(`package ${e.package.name}${e.package.version === undefined ? '' : ` ${e.package.version}`}`);
  if (e.login?.user !== undefined) parts.push(`user ${e.login.user}`);
  if (e.changes !== undefined && e.changes.length > 0) parts.push(`(${e.changes.join(', ')})`);
  return parts.join(' ');
}

function describeHost(h: PolicyHost): string {
  const labels = Object.entries(h.labels).map(([k, v]) => `${k}=${v}`).join(', ');
  return `image ${h.imageId === '' ? '(none)' : h.imageId}, labels ${labels === '' ? '(none)' : labels}`;
}

function textReport(policy: Policy, host: PolicyHost, results: Array<{ event: PolicyEvent; verdict: Explained }>): string {
  const lines = [`policy: ${policy.source} (${policy.rules.length} rules)`, `host: ${describeHost(host)}`];
  results.forEach(({ event, verdict }, i) => {
    lines.push('', `event ${i + 1}: ${describeEvent(event)}`);
    for (const t of verdict.trace) lines.push(`  ${t.matched ? '+' : '-'} ${t.rule}: ${t.matched ? 'matches' : 'no'}: ${t.why.join('; ')}`);
    const by = verdict.rule === 'default' ? 'default (no rule matched)' : `rule ${verdict.rule}`;
    lines.push(`  => ${verdict.verdict}, severity ${verdict.severity}, by ${by}`);
  });
  return lines.join('\n');
}

function testCommand(values: { policy?: string; event?: string; host?: string; json?: boolean }): number {
  if (values.event === undefined) throw usage('policy test needs --event FILE (try drift-collector policy --help)');
  const policy = values.policy === undefined ? defaultPolicy() : loadPolicyFile(values.policy);
  const events = readEvents(values.event);
  const host = readHost(values.host);
  const results = events.map((event) => ({ event, verdict: explain(event, host, policy) }));
  if (values.json === true) {
    console.log(JSON.stringify({ policy: policy.source, results: results.map((r) => ({ event: r.event, ...r.verdict })) }, null, 1));
  } else {
    console.log(textReport(policy, host, results));
  }
  return 0;
}

export async function policyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: {
      policy: { type: 'string' }, event: { type: 'string' }, host: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(POLICY_HELP);
    return 0;
  }
  const [sub, ...rest] = positionals;
  // The options are test's: elsewhere they would be silently ignored.
  const noOptions = (): void => {
    const given = (['policy', 'event', 'host', 'json'] as const).find((f) => values[f] !== undefined);
    if (given !== undefined) throw usage(`--${given} is an option of policy test only`);
  };
  switch (sub) {
    case 'test':
      if (rest.length > 0) throw usage(`unexpected argument ${JSON.stringify(rest[0])}`);
      return testCommand(values);
    case 'check': {
      noOptions();
      if (rest.length !== 1) throw usage('policy check needs exactly one FILE');
      const policy = loadPolicyFile(rest[0]!);
      console.log(`policy ok: ${policy.rules.length} rules in ${policy.source}`);
      return 0;
    }
    case 'default':
      noOptions();
      if (rest.length > 0) throw usage(`unexpected argument ${JSON.stringify(rest[0])}`);
      process.stdout.write(DEFAULT_POLICY_YAML);
      return 0;
    default:
      throw usage(`policy needs test, check or default${sub === undefined ? '' : `, not ${JSON.stringify(sub)}`} (try drift-collector policy --help)`);
  }
}
