// Worker thread: recomputes one uploaded baseline's Merkle root. A host's
// manifest has ~75,000 entries (~0.5 s of CPU); on the main thread that would
// stall every other request for as long.
import { parentPort, workerData } from 'node:worker_threads';
import { manifestBytesRoot } from '../../common/manifest-root.js';

const bytes = workerData as Uint8Array;
try {
  parentPort!.postMessage({ root: manifestBytesRoot(bytes) });
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) });
}
