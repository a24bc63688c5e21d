// Temp directory trees for tests: real files on the real filesystem.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
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

/** A maker of temp roots for one test file; all of them are removed after it. */
export function tempRoots(prefix: string): () => string {
  const made: string[] = [];
  after(() => { for (const d of made) removeTempDir(d); });
  return () => {
    const dir = makeTempDir(prefix);
    made.push(dir);
    return dir;
  };
}

/** Create one file (and its directories) under root. */
export function put(root: string, rel: string, content: string | Buffer): void {
  writeTree(root, { [rel]: content });
}
