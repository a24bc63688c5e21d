// The agent's drift events as driftwatch.v1.DriftEvent messages for the
// outbox, without seq and chain fields (the outbox assigns those). A package
// checksum mismatch has no field of its own on the wire: it travels as the
// package plus a detail line naming the algorithm and both digests.
import { encodePath } from '../../common/path-bytes.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import type { CapturedFile, CaptureSkipReason, DriftEvent, EventKind, FileChange } from '../model.js';
import { fileToProto } from './proto-convert.js';

const pb = driftwatch.v1;
const KIND: Record<EventKind, driftwatch.v1.EventKind> = {
  file_added: pb.EventKind.EVENT_KIND_FILE_ADDED,
  file_removed: pb.EventKind.EVENT_KIND_FILE_REMOVED,
  file_changed: pb.EventKind.EVENT_KIND_FILE_CHANGED,
  package_added: pb.EventKind.EVENT_KIND_PACKAGE_ADDED,
  package_removed: pb.EventKind.EVENT_KIND_PACKAGE_REMOVED,
  package_changed: pb.EventKind.EVENT_KIND_PACKAGE_CHANGED,
  package_file_modified: pb.EventKind.EVENT_KIND_PACKAGE_FILE_MODIFIED,
  login: pb.EventKind.EVENT_KIND_LOGIN,
  coverage_gap: pb.EventKind.EVENT_KIND_COVERAGE_GAP,
  agent_stopped: pb.EventKind.EVENT_KIND_AGENT_STOPPED,
};
const CHANGE: Record<FileChange, driftwatch.v1.Change> = {
  content: pb.Change.CHANGE_CONTENT, mode: pb.Change.CHANGE_MODE, uid: pb.Change.CHANGE_UID, gid: pb.Change.CHANGE_GID,
  type: pb.Change.CHANGE_TYPE, target: pb.Change.CHANGE_TARGET, capabilities: pb.Change.CHANGE_CAPABILITIES,
};

const SKIP: Record<CaptureSkipReason, driftwatch.v1.CaptureSkip> = {
  not_matched: pb.CaptureSkip.CAPTURE_SKIP_NOT_MATCHED, denylisted: pb.CaptureSkip.CAPTURE_SKIP_DENYLISTED,
  too_large: pb.CaptureSkip.CAPTURE_SKIP_TOO_LARGE, binary: pb.CaptureSkip.CAPTURE_SKIP_BINARY,
  unreadable: pb.CaptureSkip.CAPTURE_SKIP_UNREADABLE, budget: pb.CaptureSkip.CAPTURE_SKIP_BUDGET,
};

export function contentToProto(c: CapturedFile): driftwatch.v1.ICapturedContent {
  return { sha256: Buffer.from(c.sha256, 'hex'), compressed: c.compressed, size: c.size, redacted: c.redacted };
}

/** A login seen in utmp, for the `login` event. */
export interface LoginFacts {
  user: string;
  tty: string;
  origin: string;
}

// The collector refuses a batch holding any field beyond its bounds, and the
// outbox would resend that batch forever: fields are cut to fit here.
const MAX_DETAIL = 4000;
const MAX_SHORT = 256;
const MAX_PATH_BYTES = 4096;

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function eventToProto(e: DriftEvent, observedAt: Date, login?: LoginFacts): driftwatch.v1.IDriftEvent {
  const ms = observedAt.getTime();
  const out: driftwatch.v1.IDriftEvent = {
    kind: KIND[e.kind],
    observedAt: { seconds: Math.floor(ms / 1000), nanos: (((ms % 1000) + 1000) % 1000) * 1e6 },
  };
  let note = '';
  if (e.path !== undefined) {
    const path = encodePath(e.path);
    if (path.length <= MAX_PATH_BYTES) out.path = path;
    else note = `path longer than ${MAX_PATH_BYTES} bytes: ${e.path.slice(0, 200)}…`;
  }
  if (e.changes !== undefined) out.changes = e.changes.map((c) => CHANGE[c]);
  if (e.package !== undefined) out.package = e.package;
  if (e.previous !== undefined) out.previous = e.previous;
  if (e.before !== undefined) out.before = fileToProto(e.before);
  if (e.after !== undefined) out.after = fileToProto(e.after);
  if (e.content !== undefined) out.content = contentToProto(e.content);
  if (e.captureSkip !== undefined) out.captureSkip = SKIP[e.captureSkip];
  if (login !== undefined) out.login = { user: cut(login.user, MAX_SHORT), tty: cut(login.tty, MAX_SHORT), origin: cut(login.origin, MAX_SHORT) };
  const parts = [
    e.mismatch === undefined ? '' : `${e.mismatch.algorithm} expected ${e.mismatch.expected}, found ${e.mismatch.actual}`,
    e.detail ?? '', note,
  ].filter((x) => x !== '');
  if (parts.length > 0) out.detail = cut(parts.join('; '), MAX_DETAIL);
  return out;
}
