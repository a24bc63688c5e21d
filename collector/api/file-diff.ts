// What the diff of one file event is: a unified diff of the sealed baseline's
// content against the content the event carried (docs/collector-api.md,
// "Diffs"), or why there is none. Pure: the contents come in as text.
//
// "Baseline" is the sealed baseline, never the previous event: a file changed
// three times shows, at each event, everything that differs from what was
// sealed, so no single diff hides an earlier change.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** Why an event's `after` file has no content, from its JSON `not_captured` (the agent's CaptureSkip). */
const NOT_CAPTURED: Record<string, string> = {
  not_matched: 'not captured: outside the capture globs',
  denylisted: 'not captured: denylisted',
  too_large: 'not captured: too large',
  binary: 'not captured: binary',
  unreadable: 'not captured: unreadable or changing while read',
  budget: 'not captured: too many files changed at once',
};

/** A diff never takes longer than this (it then says so): the API has other callers to serve. */
const DIFF_TIMEOUT_MS = 1000;
const CONTEXT_LINES = 3;

export interface Side {
  text: string;
  redacted: boolean;
}

export interface DiffInput {
  kind: string;
  seq: number;
  path: string;
  changes: readonly string[];
  /** The event's `not_captured` reason, if it gave one. */
  notCaptured: string | undefined;
  /** The content the event carried; undefined when it carried none. */
  after: Side | undefined;
  /** The sealed baseline's content of the path; undefined when unknown. */
  baseline: Side | undefined;
}

export interface DiffResult {
  /** Unified diff (`---`/`+++` headers, hunks with 3 lines of context), or null. */
  diff: string | null;
  /** Either side had credential values replaced before it left the host. */
  redacted: boolean;
  /** Why `diff` is null, or what an empty diff means; null for a plain diff. */
  reason: string | null;
}

function notCapturedReason(notCaptured: string | undefined): string {
  return (notCaptured === undefined ? undefined : NOT_CAPTURED[notCaptured]) ?? 'not captured';
}

export function fileDiff(d: DiffInput): DiffResult {
  const none = (reason: string): DiffResult => ({ diff: null, redacted: false, reason });
  if (d.kind === 'file_changed' && !d.changes.includes('content') && !d.changes.includes('type')) return none('content unchanged');
  let old: Side | undefined = d.baseline;
  let now: Side | undefined = d.after;
  if (d.kind === 'file_added') old = { text: '', redacted: false };
  else if (now === undefined && d.kind !== 'file_removed') return none(notCapturedReason(d.notCaptured));
  if (d.kind === 'file_removed') now = { text: '', redacted: false };
  if (old === undefined || now === undefined) return none('baseline content unknown');
  const redacted = old.redacted || now.redacted;
  const oldName = d.kind === 'file_added' ? '/dev/null' : d.path;
  const newName = d.kind === 'file_removed' ? '/dev/null' : d.path;
  const patch = createTwoFilesPatch(oldName, newName, old.text, now.text, 'baseline', `seq ${d.seq}`, {
    context: CONTEXT_LINES, headerOptions: FILE_HEADERS_ONLY, timeout: DIFF_TIMEOUT_MS,
  });
  if (patch === undefined) return { diff: null, redacted, reason: 'too many differences to show' };
  if (patch.includes('\n@@ ')) return { diff: patch, redacted, reason: null };
  // No hunk: the content is back to the baseline's, or only values hidden on both sides differ.
  return { diff: patch, redacted, reason: redacted ? 'only redacted values differ from the baseline' : 'identical to the baseline' };
}
