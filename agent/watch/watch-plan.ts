// Which watched path goes to which mechanism. chokidar keeps per-file state,
// so it only gets the config trees named by chokidarPaths; everything else is
// watched one fs.watch per directory. A path belongs to exactly one of them.
import { normalizeScanPaths } from '../sources/files/walk.js';

export interface WatchPlan {
  /** Tops of the subtrees watched with one fs.watch per directory. */
  readonly fsRoots: readonly string[];
  /** Tops of the subtrees watched with chokidar. */
  readonly chokidarTrees: readonly string[];
  /** Whether a path lies in a chokidar prefix, and so is never watched with fs.watch. */
  readonly underChokidar: (path: string) => boolean;
  /** Whether a path lies in one of the fs.watch subtrees and outside every chokidar prefix. */
  readonly inFsDomain: (path: string) => boolean;
}

export function isAtOrUnder(path: string, top: string): boolean {
  return path === top || top === '/' || path.startsWith(`${top}/`);
}

export function childPath(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function planWatch(paths: readonly string[], chokidarPaths: readonly string[]): WatchPlan {
  const roots = normalizeScanPaths(paths);
  const prefixes = normalizeScanPaths(chokidarPaths);
  const underChokidar = (path: string): boolean => prefixes.some((p) => isAtOrUnder(path, p));

  const fsRoots: string[] = [];
  const trees: string[] = [];
  for (const root of roots) {
    if (underChokidar(root)) {
      trees.push(root);
      continue;
    }
    fsRoots.push(root);
    // A config prefix inside a large tree is carved out of it and handed to chokidar.
    for (const p of prefixes) if (p !== root && isAtOrUnder(p, root)) trees.push(p);
  }
  return {
    fsRoots,
    chokidarTrees: normalizeScanPaths(trees),
    underChokidar,
    inFsDomain: (path) => !underChokidar(path) && fsRoots.some((r) => isAtOrUnder(path, r)),
  };
}
