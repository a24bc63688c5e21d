import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { put, REPO_ROOT, tempRoots } from './helpers/temp-tree.js';
import { waitFor } from './helpers/watch-events.js';

const tempRoot = tempRoots('driftwatch-watch-gaps-');
const NOBODY = 65534;

interface Line {
  change?: string;
  gap?: string;
  reason?: string;
  ready?: { directories: number; chokidarTrees: number; gaps: number };
}

/**
 * Root may watch and list any directory, so the unreadable directory is met by
 * a watcher running as nobody (or as the test's own user when it is not root).
 */
function watchAsOtherUser(opts: { paths: string[]; chokidarPaths: string[]; retryMs: number }) {
  const asRoot = process.getuid?.() === 0;
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/test/helpers/watch-child.js'), JSON.stringify(opts)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  const lines: Line[] = [];
  createInterface({ input: child.stdout }).on('line', (l) => lines.push(JSON.parse(l) as Line));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    lines,
    async stop(): Promise<number | null> {
      child.stdin.end();
      return exited;
    },
  };
}

test('a directory that cannot be watched is a coverage gap, and is watched and reported once it can be', async (t) => {
  const root = tempRoot();
  chmodSync(root, 0o755);
  put(root, 'lib/ok/f', 'x');
  put(root, 'lib/locked/deeper/secret', 'x');
  put(root, 'etc/locked/shadow', 'x');
  chmodSync(join(root, 'lib/locked'), 0o000);
  chmodSync(join(root, 'etc/locked'), 0o000);
  t.after(() => {
    chmodSync(join(root, 'lib/locked'), 0o755);
    chmodSync(join(root, 'etc/locked'), 0o755);
  });

  const child = watchAsOtherUser({ paths: [join(root, 'lib'), join(root, 'etc')], chokidarPaths: [join(root, 'etc')], retryMs: 100 });
  t.after(() => child.stop());
  await waitFor(() => child.lines.some((l) => l.ready), `the watcher to be ready; saw ${JSON.stringify(child.lines)}`);
  const gapAt = (path: string): Line | undefined => child.lines.find((l) => l.gap === path);
  await waitFor(() => gapAt(join(root, 'lib/locked')) !== undefined, `a gap for lib/locked; saw ${JSON.stringify(child.lines)}`);
  assert.match(gapAt(join(root, 'lib/locked'))?.reason ?? '', /EACCES/);
  await waitFor(() => gapAt(join(root, 'etc/locked')) !== undefined, `a gap for etc/locked (chokidar); saw ${JSON.stringify(child.lines)}`);
  const ready = child.lines.find((l) => l.ready)?.ready;
  assert.equal(ready?.directories, 2, 'lib and lib/ok are watched');

  // Readable again: the retry watches it and reports what is in it, since anything may have changed meanwhile.
  chmodSync(join(root, 'lib/locked'), 0o755);
  const secret = join(root, 'lib/locked/deeper/secret');
  await waitFor(() => child.lines.some((l) => l.change === secret), `the recovered subtree reported; saw ${JSON.stringify(child.lines)}`);
  const added = join(root, 'lib/locked/deeper/added');
  await waitFor(() => {
    writeFileSync(added, 'y');
    return child.lines.some((l) => l.change === added);
  }, 'a change inside the recovered directory');
  assert.equal(child.lines.filter((l) => l.gap === join(root, 'lib/locked')).length, 1, 'one gap per directory, not one per retry');
  assert.equal(await child.stop(), 0);
});
