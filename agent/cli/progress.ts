// A one-line progress display on stderr, only when stderr is a terminal.
import type { ScanProgress } from '../sources/files/scan-files.js';

const INTERVAL_MS = 150;

export interface Progress {
  update: (p: ScanProgress) => void;
  done: () => void;
}

export function progressLine(label: string): Progress | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < INTERVAL_MS) return;
      last = now;
      const mb = (p.bytesHashed / 1e6).toFixed(0);
      process.stderr.write(`\r\x1b[K${label}: ${p.entries} entries, ${p.filesHashed} files hashed, ${mb} MB`);
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}
