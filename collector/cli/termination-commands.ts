// drift-collector terminations | approve | deny: the governor's held
// terminations, from a running collector's operator API. Tables for people,
// --json (the API's own JSON) for scripts.
import { parseArgs } from 'node:util';
import { reasonProblem } from '../api/termination-routes.js';
import { TERMINATION_STATES } from '../store/response-store.js';
import { CONNECTION_HELP, operatorClient } from './operator-client.js';
import { helpShown, onePositional, OPERATOR_OPTIONS, printAnswer, shortTime, usage } from './operator-args.js';
import { printable, textTable } from './text-table.js';

export const TERMINATIONS_HELP = `Usage: drift-collector terminations [--state STATE] [--host ID] [--limit N] [--json] [--url URL] [--token T]

List terminations, newest first: what asked for each, what the governor
decided and why. STATE is one of ${TERMINATION_STATES.join(', ')};
pending_approval lists the ones waiting for a responder.

Options:
  --state STATE  only terminations in this state
  --host ID      only terminations of this host
  --limit N      at most N (1..1000, default 100)
  --json         print the API's JSON instead of a table
${CONNECTION_HELP}
  -h, --help     show this help`;

const decisionHelp = (verb: 'approve' | 'deny'): string => `Usage: drift-collector ${verb} ID --reason TEXT [--json] [--url URL] [--token T]

${verb === 'approve'
    ? 'Approve a termination the governor held (pending_approval): the collector\nterminates the host on its next tick.'
    : 'Deny a termination the governor held (pending_approval): the host keeps\nrunning (a later terminate verdict asks again).'}
Needs a token with role responder or admin. The decision, who made it and
the reason go into the audit log.

Options:
  --reason TEXT  why (required; one line, at most 500 characters)
  --json         print the termination as JSON
${CONNECTION_HELP}
  -h, --help     show this help`;

export const APPROVE_HELP = decisionHelp('approve');
export const DENY_HELP = decisionHelp('deny');

interface TerminationJson {
  id: number;
  hostname: string | null;
  host_id: string;
  state: string;
  rule: string;
  reason: string;
  requested_at: string;
  hold_reason: string;
  decided_by: string;
  decision_reason: string;
  result: { error?: unknown };
}

/** What a person most needs to read about each: why it is held, why a human decided, or why it failed. */
function why(t: TerminationJson): string {
  if (t.state === 'failed' && typeof t.result.error === 'string') return t.result.error;
  if (t.decided_by !== 'governor' && t.decision_reason !== '') return `${t.decided_by}: ${t.decision_reason}`;
  return t.hold_reason;
}

function table(list: TerminationJson[]): string {
  return textTable([['ID', 'STATE', 'HOST', 'REQUESTED', 'RULE', 'EVENT', 'WHY'], ...list.map((t) => [
    String(t.id), t.state, t.hostname ?? t.host_id, shortTime(t.requested_at), t.rule, t.reason, why(t),
  ])]);
}

export async function terminationsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: { state: { type: 'string' }, host: { type: 'string' }, limit: { type: 'string' }, ...OPERATOR_OPTIONS },
  });
  if (helpShown(values, TERMINATIONS_HELP)) return 0;
  if (values.state !== undefined && !(TERMINATION_STATES as readonly string[]).includes(values.state)) {
    throw usage(`--state must be one of ${TERMINATION_STATES.join(', ')}`);
  }
  const client = operatorClient(values);
  const answer = await client.get('/api/v1/terminations', { state: values.state, host: values.host, limit: values.limit });
  const list = answer.terminations as TerminationJson[];
  printAnswer(values.json, answer, () => (list.length === 0 ? 'no terminations' : table(list)));
  return 0;
}

async function decisionCommand(verb: 'approve' | 'deny', args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { reason: { type: 'string' }, ...OPERATOR_OPTIONS },
  });
  if (helpShown(values, decisionHelp(verb))) return 0;
  const id = onePositional(positionals, /^[1-9][0-9]{0,14}$/, `${verb} needs the termination ID (a number; see drift-collector terminations)`);
  if (values.reason === undefined) throw usage(`${verb} needs --reason TEXT: the audit log records why`);
  const problem = reasonProblem(values.reason);
  if (problem !== undefined) throw usage(`--${problem}`);
  const client = operatorClient(values);
  const answer = await client.post(`/api/v1/terminations/${id}/${verb}`, { reason: values.reason });
  const t = answer.termination as TerminationJson;
  printAnswer(values.json, answer, () => {
    const host = printable(t.hostname ?? t.host_id);
    return verb === 'approve'
      ? `approved termination ${t.id} of ${host}: the collector terminates it on its next tick`
      : `denied termination ${t.id} of ${host}: the host keeps running`;
  });
  return 0;
}

export const approveCommand = (args: string[]): Promise<number> => decisionCommand('approve', args);
export const denyCommand = (args: string[]): Promise<number> => decisionCommand('deny', args);
