// The set of trees every benchmarked tool walks, and the untimed work done
// on it before timing: resolving the roots, warming the page cache, counting.
import { execFile, spawn } from 'node:child_process';
import { realpath, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { shQuote } from './run-timed.js';

const execFileAsync = promisify(execFile);

export const DEFAULT_CORPUS: readonly string[] = ['/usr/bin', '/usr/sbin', '/usr/lib', '/etc'];

export interface CorpusStats {
  readonly regularFiles: number;
  readonly bytes: number;
  /** Everything find lists: files, dirs, symlinks, ... (what AIDE and the stat walk see). */
  readonly entries: number;
}

/**
 * Canonicalise the roots: find and AIDE do not descend a symlinked root, so
 * every tool gets the real directory (`--corpus /bin` becomes /usr/bin on a
 * merged-/usr system) and all of them walk exactly the same entries.
 */
export async function resolveCorpus(roots: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const root of roots) {
    if (!root.startsWith('/')) throw new Error(`corpus path must be absolute: ${root}`);
    let real: string;
    try {
      real = await realpath(root);
    } catch {
      throw new Error(`corpus path does not exist: ${root}`);
    }
    if (!(await stat(real)).isDirectory()) throw new Error(`corpus path is not a directory: ${root}`);
    if (real !== root.replace(/\/+$/, '')) console.error(`note: corpus ${root} resolved to ${real}`);
    if (!out.includes(real)) out.push(real);
  }
  return out;
}

/** A `find` argument list with the roots shell-quoted, for `sh -c` pipelines. */
export function quotedRoots(corpus: readonly string[]): string {
  return corpus.map(shQuote).join(' ');
}

/**
 * Read every regular file once so the timed runs all see a warm page cache;
 * otherwise whichever tool runs first pays for the disk and the ratios lie.
 */
export async function warmPageCache(corpus: readonly string[], extra: readonly string[]): Promise<void> {
  const script =
    `find ${quotedRoots(corpus)} -type f -print0 | xargs -0 -r -P2 -n 500 cat > /dev/null; ` +
    (extra.length > 0 ? `cat ${extra.map(shQuote).join(' ')} > /dev/null 2>&1; ` : '') +
    'exit 0';
  await new Promise<void>((resolve, reject) => {
    const child = spawn('sh', ['-c', script], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
}

export async function corpusStats(corpus: readonly string[]): Promise<CorpusStats> {
  // %y = type letter, %s = size; one line per entry.
  const { stdout } = await execFileAsync('find', [...corpus, '-printf', '%y %s\n'], {
    maxBuffer: 1 << 28,
    encoding: 'latin1',
  });
  let regularFiles = 0;
  let bytes = 0;
  let entries = 0;
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    entries += 1;
    if (line.startsWith('f ')) {
      regularFiles += 1;
      bytes += Number(line.slice(2));
    }
  }
  return { regularFiles, bytes, entries };
}
