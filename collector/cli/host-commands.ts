// drift-collector hosts | host ID | events HOST_ID: the fleet as a running
// collector's operator API shows it. Tables for people (control characters
// escaped: hostnames and paths come from hosts), --json (the API's own JSON)
// for scripts.
import { parseArgs } from 'node:util';
import { CONNECTION_HELP, operatorClient } from './operator-client.js';
import { HOST_ID, helpShown, labelArg, onePositional, OPERATOR_OPTIONS, printAnswer, shortTime, timeArg, usage } from './operator-args.js';
import { textTable } from './text-table.js';

const STATES = ['pending', 'clean', 'drifted', 'terminating', 'terminated', 'silent'];

export const HOSTS_HELP = `Usage: drift-collector hosts [--state STATE] [--image ID] [--label KEY=VALUE] [--json] [--url URL] [--token T]

List the enrolled hosts: state, image, when last heard from, and the
termination in flight, if any. STATE is one of ${STATES.join(', ')}.

Options:
  --state STATE      only hosts in this state
  --image ID         only hosts of this image
  --label KEY=VALUE  only hosts with this label
  --json             print the API's JSON instead of a table
${CONNECTION_HELP}
  -h, --help         show this help`;

export const HOST_HELP = `Usage: drift-collector host ID [--json] [--url URL] [--token T]

Show one host: its facts, state, sealed baseline and termination in flight.

Options:
  --json         print the API's JSON instead of text
${CONNECTION_HELP}
  -h, --help     show this help`;

export const EVENTS_HELP = `Usage: drift-collector events HOST_ID [--kind KIND] [--since TIME] [--limit N] [--json] [--url URL] [--token T]

List a host's drift events, oldest first, with the policy's verdict, severity
and the rule that matched.

Options:
  --kind KIND    only events of this kind (file_changed, package_added, …)
  --since TIME   only events received at or after TIME (ISO 8601)
  --limit N      at most N (1..1000, default 100)
  --json         print the API's JSON instead of a table
${CONNECTION_HELP}
  -h, --help     show this help`;

const HOST_NEEDED = 'needs the host ID (32 hex digits; see drift-collector hosts)';

interface Termination { id: number; state: string; hold_reason: string }
interface HostJson {
  id: string; hostname: string; state: string; image_id: string; instance_id: string; machine_id: string; os: string; kernel: string;
  labels: Record<string, string>; enrolled_at: string; baseline_root: string; baseline_at: string | null; last_seen_at: string | null;
  acked_seq: number; termination: Termination | null;
}

const terminationText = (t: Termination | null): string => (t === null ? '-' : `${t.id} ${t.state}${t.hold_reason === '' ? '' : `: ${t.hold_reason}`}`);

export async function hostsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: { state: { type: 'string' }, image: { type: 'string' }, label: { type: 'string' }, ...OPERATOR_OPTIONS },
  });
  if (helpShown(values, HOSTS_HELP)) return 0;
  if (values.state !== undefined && !STATES.includes(values.state)) throw usage(`--state must be one of ${STATES.join(', ')}`);
  const answer = await operatorClient(values).get('/api/v1/hosts', { state: values.state, image: values.image, label: labelArg(values.label) });
  const hosts = answer.hosts as HostJson[];
  printAnswer(values.json, answer, () => (hosts.length === 0 ? 'no hosts' : textTable([
    ['ID', 'HOSTNAME', 'STATE', 'IMAGE', 'LAST SEEN', 'TERMINATION'],
    ...hosts.map((h) => [h.id, h.hostname, h.state, h.image_id, shortTime(h.last_seen_at), terminationText(h.termination)]),
  ])));
  return 0;
}

export async function hostCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: { ...OPERATOR_OPTIONS } });
  if (helpShown(values, HOST_HELP)) return 0;
  const id = onePositional(positionals, HOST_ID, `host ${HOST_NEEDED}`);
  const answer = await operatorClient(values).get(`/api/v1/hosts/${id}`);
  const h = answer.host as HostJson;
  const labels = Object.entries(h.labels).map(([k, v]) => `${k}=${v}`).join(', ');
  printAnswer(values.json, answer, () => textTable([
    ['FIELD', 'VALUE'],
    ['id', h.id], ['hostname', h.hostname], ['state', h.state], ['image', h.image_id], ['instance', h.instance_id],
    ['machine id', h.machine_id], ['os', h.os], ['kernel', h.kernel], ['labels', labels === '' ? '-' : labels],
    ['enrolled', shortTime(h.enrolled_at)], ['baseline', h.baseline_root === '' ? 'not sealed' : `${h.baseline_root} sealed ${shortTime(h.baseline_at)}`],
    ['last seen', shortTime(h.last_seen_at)], ['events stored', String(h.acked_seq)], ['termination', terminationText(h.termination)],
  ]));
  return 0;
}

interface EventJson {
  seq: number; received_at: string; kind: string; path?: string; changes?: string[]; detail?: string;
  package?: { name?: string; version?: string }; verdict: string | null; severity: string | null; rule: string | null;
}

function subject(e: EventJson): string {
  if (e.path !== undefined && e.path !== '') return e.path;
  if (e.package !== undefined) return `${e.package.name ?? ''} ${e.package.version ?? ''}`.trim();
  return e.detail ?? '';
}

export async function eventsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { kind: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, ...OPERATOR_OPTIONS },
  });
  if (helpShown(values, EVENTS_HELP)) return 0;
  const id = onePositional(positionals, HOST_ID, `events ${HOST_NEEDED}`);
  const answer = await operatorClient(values).get(`/api/v1/hosts/${id}/events`, {
    kind: values.kind, since: timeArg(values.since, 'since'), limit: values.limit,
  });
  const events = answer.events as EventJson[];
  printAnswer(values.json, answer, () => (events.length === 0 ? 'no events' : textTable([
    ['SEQ', 'RECEIVED', 'KIND', 'SUBJECT', 'CHANGES', 'VERDICT', 'SEVERITY', 'RULE'],
    ...events.map((e) => [String(e.seq), shortTime(e.received_at), e.kind, subject(e), (e.changes ?? []).join(',') || '-',
      e.verdict ?? '-', e.severity ?? '-', e.rule ?? '-']),
  ])));
  return 0;
}
