// Messages between the daemon and its rescan child (rescan-child.ts), and the
// daemon's side of running one. The child is forked with V8's serializer, so
// events (with BigInt times) cross as they are.
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DriftwatchError, type ErrorCode } from '../../common/errors.js';
import type { CaptureSettings } from '../capture/capture-rules.js';
import type { DriftEvent, HostFacts } from '../model.js';
import { STATE_FILES } from '../state/state-dir.js';

interface Scope {
  root: string;
  stateDir: string;
  paths: readonly string[];
  ignore: readonly string[];
  /** The child lowers its own priority to this before any work (its threads inherit it). */
  nice: number;
}

export type ChildJob =
  | ({ kind: 'verify-baseline' } & Scope)
  /** Host facts for enrollment: systeminformation is large, and only this needs it. */
  | ({ kind: 'host-facts' } & Scope)
  /** Also writes the captured contents of the baseline's files for upload (capture/baseline-content.ts). */
  | ({ kind: 'seal'; capture: CaptureSettings } & Scope)
  /** Against the view, or the baseline when `fromBaseline` (or when there is no view yet). Events carry captured content. */
  | ({ kind: 'rescan'; full: boolean; fromBaseline: boolean; maxHashBytesPerS: number; capture: CaptureSettings } & Scope);

export type ChildReply =
  | { kind: 'none' }
  | { kind: 'facts'; facts: HostFacts }
  | { kind: 'baseline'; root: string; createdAt: string }
  | { kind: 'sealed'; root: string; files: number; packages: number; mismatches: number; contents: number }
  | { kind: 'rescanned'; events: DriftEvent[]; files: number }
  | { kind: 'error'; code: ErrorCode; message: string };

/** Runs one job in a fresh child process; a failure in the child is thrown here with its code. */
export function runChild(job: ChildJob): Promise<Exclude<ChildReply, { kind: 'error' }>> {
  // Only the jobs that write a new view clear a stale one (never while another child writes it: the
  // daemon runs those one at a time).
  if (job.kind === 'seal' || job.kind === 'rescan') rmSync(join(job.stateDir, STATE_FILES.viewNext), { force: true });
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./rescan-child.js', import.meta.url), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let reply: ChildReply | undefined;
    child.once('message', (m: ChildReply) => { reply = m; });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply === undefined) reject(new DriftwatchError('AGENT_INTERNAL', `the ${job.kind} process ended without an answer (exit ${code ?? signal})`));
      else if (reply.kind === 'error') reject(new DriftwatchError(reply.code, reply.message));
      else resolve(reply);
    });
    child.send(job);
  });
}
