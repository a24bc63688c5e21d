// Recomputes an uploaded baseline's Merkle root off the main thread, one
// upload at a time: a burst of enrolling hosts queues here instead of
// spawning a thread per upload. Small manifests are done inline, where a
// thread would cost more than the work.
import { Worker } from 'node:worker_threads';
import { manifestBytesRoot } from '../../common/manifest-root.js';

const INLINE_MAX_BYTES = 64 * 1024;
let queue: Promise<unknown> = Promise.resolve();

function inWorker(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./baseline-root-worker.js', import.meta.url), { workerData: bytes });
    worker.once('message', (m: { root?: string; error?: string }) => {
      if (m.root !== undefined) resolve(m.root);
      else reject(new Error(m.error ?? 'no result'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`baseline root worker exited with code ${code}`)));
  });
}

/** Hex Merkle root of the manifest's entries; rejects if an entry is malformed or out of order. */
export function recomputeBaselineRoot(bytes: Uint8Array): Promise<string> {
  if (bytes.length <= INLINE_MAX_BYTES) {
    try {
      return Promise.resolve(manifestBytesRoot(bytes));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }
  const run = queue.then(() => inWorker(bytes));
  queue = run.catch(() => undefined);
  return run;
}
