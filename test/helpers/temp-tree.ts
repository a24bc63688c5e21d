// Temp directory trees for tests: real files on the real filesystem.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (tests run compiled from dist/test/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Data from real systems, beside the checkout; absent in a user's fresh clone (tests skip then). */
export const TESTDATA = join(REPO_ROOT, '..', 'shared', 'testdata');

export function makeTempDir(prefix = 'driftwatch-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Create files from a map of relative path -> content. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}
