// Gives file events the content of their `after` file, or the reason they
// have none: used where events are made (the daemon's live path, the rescan
// child). Content is attached only where the content is new (file_added,
// file_changed in content or type), and at most BATCH_BUDGET_BYTES of it per
// batch, so a change of thousands of files at once cannot hold their contents
// in memory together.
import type { DriftEvent } from '../model.js';
import { captureFile } from './capture-file.js';
import { captureRules, type CaptureSettings } from './capture-rules.js';

/** Compressed bytes attached to one batch of events, at most (then: CaptureSkip budget). */
export const BATCH_BUDGET_BYTES = 4 << 20;

function newContent(e: DriftEvent): boolean {
  if (e.after?.type !== 'file') return false;
  if (e.kind === 'file_added') return true;
  return e.kind === 'file_changed' && (e.changes ?? []).some((c) => c === 'content' || c === 'type');
}

export type Attach = (events: readonly DriftEvent[]) => DriftEvent[];

/** A function that returns the events, those with new content given it (or a skip reason). */
export function contentAttacher(root: string, settings: CaptureSettings, budgetBytes = BATCH_BUDGET_BYTES): Attach {
  const decide = captureRules(settings);
  return (events) => {
    let budget = budgetBytes;
    return events.map((e) => {
      if (!newContent(e)) return e;
      const after = e.after!;
      const verdict = decide(after.path);
      if (verdict !== 'capture') return { ...e, captureSkip: verdict };
      if (after.error !== '') return { ...e, captureSkip: 'unreadable' };
      if (after.size > settings.maxBytes) return { ...e, captureSkip: 'too_large' };
      if (budget <= 0) return { ...e, captureSkip: 'budget' };
      const outcome = captureFile(root, after.path, after.sha256, settings.maxBytes);
      if ('skip' in outcome) return { ...e, captureSkip: outcome.skip };
      budget -= outcome.content.compressed.length;
      return { ...e, content: outcome.content };
    });
  };
}
