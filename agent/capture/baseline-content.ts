// At seal time, in the seal child: the content of every captured file of the
// new baseline, written record by record to the state directory for the
// daemon to upload (content-file.ts). One file's bytes at a time in memory.
// A content shared by several paths is written once: the collector keys the
// baseline's contents by SHA-256 and finds every path of the sealed manifest
// that has it.
import type { CaptureSkipReason, FileEntry } from '../model.js';
import { contentToProto } from '../codec/event-proto.js';
import { captureFile } from './capture-file.js';
import { captureRules, type CaptureSettings } from './capture-rules.js';
import { ContentFileWriter } from './content-file.js';

export interface BaselineCapture {
  /** Contents written (distinct SHA-256s). */
  captured: number;
  /** Files matched by the capture globs but not captured, by reason. */
  skipped: Partial<Record<CaptureSkipReason, number>>;
}

export function captureBaseline(root: string, files: readonly FileEntry[], settings: CaptureSettings, file: string): BaselineCapture {
  const decide = captureRules(settings);
  const seen = new Set<string>();
  const result: BaselineCapture = { captured: 0, skipped: {} };
  const skip = (why: CaptureSkipReason): void => { result.skipped[why] = (result.skipped[why] ?? 0) + 1; };
  const writer = new ContentFileWriter(file);
  try {
    for (const f of files) {
      if (f.type !== 'file') continue;
      const verdict = decide(f.path);
      if (verdict === 'not_matched') continue;
      if (verdict === 'denylisted') skip('denylisted');
      else if (f.error !== '' || f.sha256 === '') skip('unreadable');
      else if (f.size > settings.maxBytes) skip('too_large');
      else if (!seen.has(f.sha256)) {
        const outcome = captureFile(root, f.path, f.sha256, settings.maxBytes);
        if ('skip' in outcome) {
          skip(outcome.skip);
          continue;
        }
        seen.add(f.sha256);
        writer.append(contentToProto(outcome.content));
        result.captured++;
      }
    }
    writer.commit();
  } catch (err) {
    writer.abort();
    throw err;
  }
  return result;
}
