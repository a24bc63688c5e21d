// Lists a directory tree without following symlinks, a few directories at a
// time so that a walk over tens of thousands of directories neither blocks the
// event loop nor keeps more than a handful of listings in memory.
import { readdir } from 'node:fs/promises';
import { errnoCode } from '../../common/errors.js';
import { decodePathBytes, fsPath } from '../../common/path-bytes.js';
import { childPath } from './watch-plan.js';

// readdir runs on libuv's 4 threads; more in flight only queues there.
const CONCURRENCY = 8;

export interface DirVisitor {
  /** Called before a directory is listed; false skips it and its subtree. */
  enter(dir: string): boolean;
  /** Whether to descend into a child directory at all. */
  descend(dir: string): boolean;
  /** Every entry of every listed directory, when the walk reports what it finds. */
  entry?(path: string): void;
  /** The listing succeeded. */
  listed(dir: string): void;
  /** The listing failed for a reason other than the directory having gone. */
  listFailed(dir: string, err: unknown): void;
}

interface Child {
  readonly name: string;
  readonly isDir: boolean;
}

async function listChildren(dir: string): Promise<Child[]> {
  const entries = await readdir(fsPath(dir), { withFileTypes: true });
  // Node turns bytes that are not UTF-8 into U+FFFD; re-read such a directory as
  // raw bytes so those names keep the project's escaped form (common/path-bytes).
  if (!entries.some((e) => e.name.includes('\ufffd'))) {
    return entries.map((e) => ({ name: e.name, isDir: e.isDirectory() }));
  }
  const raw = await readdir(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
  return raw.map((e) => ({ name: decodePathBytes(e.name), isDir: e.isDirectory() }));
}

/** Walk the tree under top (top included); resolves when every listing has finished. */
export function walkDirs(top: string, visitor: DirVisitor): Promise<void> {
  const stack = [top];
  let active = 0;
  return new Promise<void>((resolve) => {
    const visit = (dir: string): void => {
      active++;
      listChildren(dir)
        .then(
          (children) => {
            visitor.listed(dir);
            for (const child of children) {
              const path = childPath(dir, child.name);
              visitor.entry?.(path);
              if (child.isDir && visitor.descend(path)) stack.push(path);
            }
          },
          (err: unknown) => {
            const code = errnoCode(err);
            // Gone since it was entered: its parent's watcher reports that.
            if (code !== 'ENOENT' && code !== 'ENOTDIR') visitor.listFailed(dir, err);
          },
        )
        .catch((err: unknown) => visitor.listFailed(dir, err))
        .finally(() => {
          active--;
          pump();
        });
    };
    const pump = (): void => {
      while (active < CONCURRENCY && stack.length > 0) {
        const dir = stack.pop()!;
        if (visitor.enter(dir)) visit(dir);
      }
      if (active === 0 && stack.length === 0) resolve();
    };
    pump();
  });
}
