// A child process for the work that holds whole manifests in memory (sealing
// the baseline, verifying it, rescans) or large libraries (host facts). The daemon stays small because
// this memory goes back to the system when the child exits. The child writes
// its new view to a separate file; the daemon adopts it only after the
// events it produced are in the outbox, so a crash in between repeats events
// rather than losing them.
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { DriftwatchError } from '../../common/errors.js';
import { checkHost } from '../pipeline/check-host.js';
import { fingerprintHost } from '../pipeline/fingerprint-host.js';
import { readHostFacts } from '../sources/host-facts.js';
import type { DriftEvent, Manifest } from '../model.js';
import { ViewStore } from '../state/view-store.js';
import { STATE_FILES } from '../state/state-dir.js';
import { contentAttacher } from '../capture/attach-content.js';
import { captureBaseline } from '../capture/baseline-content.js';
import { loadBaseline, saveBaseline } from './baseline-files.js';
import type { ChildJob, ChildReply } from './rescan-protocol.js';

/**
 * What a rescan compares with: the view, else the sealed baseline. The view is
 * a cache a rescan rebuilds, so a damaged one is reported (a coverage gap) and
 * the host compared with the baseline, never left failing every rescan.
 */
async function reference(job: ChildJob): Promise<{ manifest: Manifest; gaps: DriftEvent[] }> {
  const view = join(job.stateDir, STATE_FILES.view);
  const gaps: DriftEvent[] = [];
  if (job.kind === 'rescan' && !job.fromBaseline && existsSync(view)) {
    try {
      const store = ViewStore.open(view);
      try {
        return { manifest: store.manifest(), gaps };
      } finally {
        store.close();
      }
    } catch (err) {
      const why = err instanceof DriftwatchError ? err.message : `${view}: ${err instanceof Error ? err.message : String(err)}`;
      gaps.push({ kind: 'coverage_gap', detail: `the agent's view of the host is damaged (${why}); compared with the sealed baseline instead, and rebuilt` });
    }
  }
  const baseline = await loadBaseline(job.stateDir);
  if (baseline === undefined) throw new DriftwatchError('AGENT_STATE_INVALID', 'no sealed baseline to compare with');
  return { manifest: baseline, gaps };
}

async function run(job: ChildJob): Promise<ChildReply> {
  const next = join(job.stateDir, STATE_FILES.viewNext);
  switch (job.kind) {
    case 'host-facts':
      return { kind: 'facts', facts: await readHostFacts(job.root) };
    case 'verify-baseline': {
      const b = await loadBaseline(job.stateDir);
      return b === undefined ? { kind: 'none' } : { kind: 'baseline', root: b.merkleRoot, createdAt: b.createdAt.toISOString() };
    }
    case 'seal': {
      const manifest = await fingerprintHost({ root: job.root, paths: job.paths, ignore: job.ignore });
      // Before the baseline: a seal cut short after it would leave the baseline without its contents for good.
      const { captured } = captureBaseline(job.root, manifest.files, job.capture, join(job.stateDir, STATE_FILES.baselineContent));
      saveBaseline(job.stateDir, manifest);
      ViewStore.create(next, manifest);
      return {
        kind: 'sealed', root: manifest.merkleRoot, files: manifest.files.length, packages: manifest.packages.length,
        mismatches: manifest.packageMismatches.length, contents: captured,
      };
    }
    case 'rescan': {
      const { manifest: before, gaps } = await reference(job);
      const { current, events } = await checkHost({
        root: job.root, baseline: { head: before, complete: Promise.resolve(before) }, baselineSource: 'the observed state',
        paths: job.paths, ignore: job.ignore, quick: !job.full, hashWorkers: 1, maxHashBytesPerS: job.maxHashBytesPerS,
      });
      ViewStore.create(next, current);
      return { kind: 'rescanned', events: contentAttacher(job.root, job.capture)([...gaps, ...events]), files: current.files.length };
    }
  }
}

process.once('message', (job: ChildJob) => {
  try {
    // Sealing and rescans must not starve the host; live detection in the daemon keeps its priority.
    setPriority(0, job.nice);
  } catch {
    // not permitted here (a container): run at the inherited priority
  }
  run(job).then(
    (reply) => process.send!(reply, () => process.exit(0)),
    (err: unknown) => {
      const code = err instanceof DriftwatchError ? err.code : 'AGENT_INTERNAL';
      process.send!({ kind: 'error', code, message: err instanceof Error ? err.message : String(err) } satisfies ChildReply, () => process.exit(1));
    },
  );
});
