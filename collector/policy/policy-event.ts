// What the policy reads of an event: its JSON form (docs/events.md), as the
// operator API shows it and `drift-agent check --format json` prints it.
// toPolicyEvent takes the fields from a stored payload (built by ingest, so
// well-formed); parsePolicyEvent checks an event an operator wrote by hand.
import { DriftwatchError } from '../../common/errors.js';
import { EVENT_KINDS } from '../ingest/event-json.js';
import type { PolicyEvent } from './policy-types.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function strings(o: Record<string, unknown>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = str(o[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

/** The policy's view of an event's JSON form; fields of another type are left out. */
export function toPolicyEvent(json: Readonly<Record<string, unknown>>): PolicyEvent {
  const e: PolicyEvent = { kind: str(json.kind) ?? '' };
  const path = str(json.path);
  if (path !== undefined && path !== '') e.path = path;
  if (Array.isArray(json.changes)) e.changes = json.changes.filter((c): c is string => typeof c === 'string');
  if (isObject(json.package)) e.package = strings(json.package, ['manager', 'name', 'version', 'arch']);
  if (isObject(json.login)) e.login = strings(json.login, ['user', 'tty', 'origin']);
  return e;
}

/** An event from a file (`policy test --event`): refused, naming `where`, unless it has the shape of docs/events.md. */
export function parsePolicyEvent(value: unknown, where: string): PolicyEvent {
  const bad = (why: string): DriftwatchError => new DriftwatchError('COLLECTOR_USAGE', `${where}: ${why}`);
  if (!isObject(value)) throw bad('an event is a JSON object such as {"kind": "file_changed", "path": "/usr/bin/ls", "changes": ["content"]}');
  if (typeof value.kind !== 'string' || !(EVENT_KINDS as readonly string[]).includes(value.kind)) {
    throw bad(`kind ${JSON.stringify(value.kind)} is not an event kind; expected one of ${EVENT_KINDS.join(', ')}`);
  }
  if (value.path !== undefined && typeof value.path !== 'string') throw bad('path is not a string');
  if (value.changes !== undefined && !(Array.isArray(value.changes) && value.changes.every((c) => typeof c === 'string'))) {
    throw bad('changes is not a list of strings');
  }
  for (const key of ['package', 'login'] as const) {
    const v = value[key];
    if (v !== undefined && !(isObject(v) && Object.values(v).every((f) => typeof f === 'string'))) throw bad(`${key} is not an object of strings`);
  }
  return toPolicyEvent(value);
}
