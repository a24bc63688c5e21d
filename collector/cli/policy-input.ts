// The files `drift-collector policy test` reads: events (one event, a list,
// or `{"events": [...]}` as `drift-agent check --format json` prints) and a
// host (`{"image_id", "labels"}`, or a host as the operator API returns it).
// "-" reads standard input, so check output can be piped in.
import { readFileSync } from 'node:fs';
import { DriftwatchError, describeFsError } from '../../common/errors.js';
import { parsePolicyEvent } from '../policy/policy-event.js';
import type { PolicyEvent, PolicyHost } from '../policy/policy-types.js';

/** Check output of a large tree can be big; anything larger is not a test input. */
const MAX_INPUT_BYTES = 256 << 20;
const MAX_LABELS = 64;

const usage = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_USAGE', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw usage(`cannot read the ${what} file ${file}: ${describeFsError(err)}`);
  }
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw usage(`${file}: more than ${MAX_INPUT_BYTES} bytes`);
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw usage(`${file} is not JSON: ${(err as Error).message}`);
  }
}

export function readEvents(file: string): PolicyEvent[] {
  const json = readJson(file, 'event');
  if (isObject(json) && json.kind === undefined) {
    if (!Array.isArray(json.events)) throw usage(`${file}: expected an event, a list of events, or {"events": [...]}`);
    return json.events.map((e, i) => parsePolicyEvent(e, `${file}: events[${i}]`));
  }
  if (Array.isArray(json)) return json.map((e, i) => parsePolicyEvent(e, `${file}: [${i}]`));
  return [parsePolicyEvent(json, file)];
}

/** Without --host: a host with no image id and no labels. */
export function readHost(file: string | undefined): PolicyHost {
  if (file === undefined) return { imageId: '', labels: {} };
  const json = readJson(file, 'host');
  const host = isObject(json) && isObject(json.host) ? json.host : json;
  if (!isObject(host)) throw usage(`${file}: expected a host object {"image_id": "...", "labels": {...}}`);
  const imageId = host.image_id ?? '';
  if (typeof imageId !== 'string') throw usage(`${file}: image_id is not a string`);
  const labels = host.labels ?? {};
  if (!isObject(labels) || !Object.values(labels).every((v) => typeof v === 'string')) throw usage(`${file}: labels is not an object of strings`);
  if (Object.keys(labels).length > MAX_LABELS) throw usage(`${file}: more than ${MAX_LABELS} labels`);
  return { imageId, labels: labels as Record<string, string> };
}
