// A decoded DriftEvent as the operator API shows it: the same shape as
// `drift-agent check --format json` (docs/events.md), validated and bounded.
import { decodePathBytes } from '../../common/path-bytes.js';
import type { driftwatch } from '../../proto/gen/driftwatch.js';
import type { ContentRecord } from '../store/content-store.js';
import { eventContent, type ContentLimits } from './content-wire.js';
import { boundedBytes, boundedString, invalid, LIMITS, pb } from './wire.js';

/** The event kinds of docs/events.md, in the order of the protobuf enum. */
export const EVENT_KINDS = ['file_added', 'file_removed', 'file_changed', 'package_added', 'package_removed', 'package_changed',
  'package_file_modified', 'login', 'coverage_gap', 'agent_stopped'] as const;
/** What a file_changed event may list as changed, in the order of the protobuf enum. */
export const FILE_CHANGES = ['content', 'mode', 'uid', 'gid', 'type', 'target', 'capabilities'] as const;
const FILE_TYPES = ['file', 'dir', 'symlink', 'fifo', 'socket', 'char', 'block'] as const;

export type EventKindName = typeof EVENT_KINDS[number];

export interface DecodedEvent {
  seq: number;
  kind: EventKindName;
  path: string;
  changes: string[];
  payload: Record<string, unknown>;
  prevHash: Buffer;
  hash: Buffer;
  /** The captured content of the `after` file, checked (content-wire.ts). */
  content?: ContentRecord;
}

function pkg(p: driftwatch.v1.IPackage | null | undefined, field: string): Record<string, string> | undefined {
  if (p === null || p === undefined) return undefined;
  return {
    manager: boundedString(p.manager, `${field}.manager`), name: boundedString(p.name, `${field}.name`),
    version: boundedString(p.version, `${field}.version`), arch: boundedString(p.arch, `${field}.arch`),
  };
}

function file(f: driftwatch.v1.IFileEntry | null | undefined, field: string): Record<string, unknown> | undefined {
  if (f === null || f === undefined) return undefined;
  const type = FILE_TYPES[(f.type ?? 0) - 1];
  if (type === undefined) throw invalid(`${field}.type ${f.type ?? 0} is not a file type`);
  const o: Record<string, unknown> = {
    type, mode: (f.mode ?? 0).toString(8).padStart(4, '0'), uid: f.uid ?? 0, gid: f.gid ?? 0, size: f.size ?? 0,
  };
  const sha = boundedBytes(f.sha256, `${field}.sha256`, 32);
  if (sha.length > 0) o.sha256 = sha.toString('hex');
  if (type === 'symlink') o.target = decodePathBytes(boundedBytes(f.target, `${field}.target`, LIMITS.pathBytes));
  const caps = boundedBytes(f.capabilities, `${field}.capabilities`, 1024);
  if (caps.length > 0) o.capabilities = caps.toString('hex');
  const error = boundedString(f.error, `${field}.error`, LIMITS.detail);
  if (error !== '') o.error = error;
  return o;
}

/** `limits`: captured content larger than limits.maxBytes (inflated) is dropped from the event; shared by a request's events. */
export function decodeEvent(bytes: Uint8Array, limits: ContentLimits): DecodedEvent {
  const e = pb.DriftEvent.decode(bytes);
  const kind = EVENT_KINDS[e.kind - 1];
  if (kind === undefined) throw invalid(`event kind ${e.kind} is unknown`);
  if (!Number.isSafeInteger(e.seq) || e.seq < 1) throw invalid(`event seq ${e.seq} is not a positive integer`);
  if (e.changes.length > FILE_CHANGES.length) throw invalid('too many changes');
  const changes = e.changes.map((c) => {
    const name = FILE_CHANGES[c - 1];
    if (name === undefined) throw invalid(`change ${c} is unknown`);
    return name;
  });
  const path = decodePathBytes(boundedBytes(e.path, 'path', LIMITS.pathBytes));
  const payload: Record<string, unknown> = { kind };
  if (path !== '') payload.path = path;
  if (kind === 'file_changed') payload.changes = changes;
  const entries: Array<[string, unknown]> = [
    ['package', pkg(e.package, 'package')], ['previous', pkg(e.previous, 'previous')],
    ['before', file(e.before, 'before')], ['after', file(e.after, 'after')],
  ];
  for (const [k, v] of entries) if (v !== undefined) payload[k] = v;
  if (e.login !== null && e.login !== undefined) {
    payload.login = { user: boundedString(e.login.user, 'login.user'), tty: boundedString(e.login.tty, 'login.tty'), origin: boundedString(e.login.origin, 'login.origin') };
  }
  const detail = boundedString(e.detail, 'detail', LIMITS.detail);
  if (detail !== '') payload.detail = detail;
  const { content, json } = eventContent(e, kind, limits);
  Object.assign(payload, json);
  const prevHash = boundedBytes(e.prevHash, 'prev_hash', 32);
  const hash = boundedBytes(e.hash, 'hash', 32);
  if (hash.length !== 32) throw invalid(`event ${e.seq} has no 32-byte hash`);
  return { seq: e.seq, kind, path, changes, payload, prevHash, hash, ...(content === undefined ? {} : { content }) };
}
