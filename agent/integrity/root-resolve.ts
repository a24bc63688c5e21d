// Resolve directory paths inside a root as if the process were chrooted there.
// Package databases list files by the path the package shipped them under, but
// the file may live elsewhere: on merged-/usr systems (Debian 12) /bin is a
// symlink to usr/bin, so dpkg lists /bin/ls while the file is /usr/bin/ls. When
// the root is not "/" an absolute link target like "/usr" means ROOT/usr, and
// no link or ".." may lead outside the root, exactly like the kernel's chroot.

import { lstatSync, readlinkSync, type Stats } from 'node:fs';
import { decodePathBytes, fsPath } from '../../common/path-bytes.js';

/** Symlinks followed per lookup before giving up, as Linux does (ELOOP). */
export const MAX_SYMLINKS = 40;

export interface RootResolver {
  /**
   * The real location inside the root (absolute, e.g. "/usr/bin") of a directory path
   * (e.g. "/bin"), every symlink in it followed; undefined when a component is missing,
   * is not a directory, or the links loop.
   */
  resolveDir(dirPath: string): string | undefined;
}

/** `null` marks a lookup that ran out of link budget: not a property of the path, so never cached. */
type Resolution = string | undefined | null;

export function createRootResolver(root: string): RootResolver {
  const prefix = root.replace(/\/+$/, ''); // "" for "/", so prefix + "/x" is a host path
  // Keyed by normalised path inside the root. Every result is a fact about the tree, so
  // thousands of files in one directory cost one lookup.
  const cache = new Map<string, string | undefined>([['/', '/']]);

  const resolve = (path: string, budget: { links: number }): Resolution => {
    const hit = cache.get(path);
    if (hit !== undefined || cache.has(path)) return hit;
    const slash = path.lastIndexOf('/');
    const parent = resolve(slash === 0 ? '/' : path.slice(0, slash), budget);
    if (parent === undefined || parent === null) return parent;
    const name = path.slice(slash + 1);
    let result: Resolution;
    if (name === '..') {
      // ".." applies to the real parent (after its links), and stops at the root.
      result = parent === '/' ? '/' : parent.slice(0, parent.lastIndexOf('/')) || '/';
    } else {
      const candidate = parent === '/' ? `/${name}` : `${parent}/${name}`;
      const host = prefix + candidate;
      const hostPath = SURROGATE.test(host) ? fsPath(host) : host;
      let stat: Stats | undefined;
      try {
        stat = lstatSync(hostPath, { throwIfNoEntry: false });
      } catch {
        stat = undefined; // EACCES, ENOTDIR, ...: as good as missing for us
      }
      if (stat?.isDirectory() === true) {
        result = candidate;
      } else if (stat?.isSymbolicLink() === true) {
        if (++budget.links > MAX_SYMLINKS) return null;
        let target: string;
        try {
          target = decodePathBytes(readlinkSync(hostPath, { encoding: 'buffer' }));
        } catch {
          return undefined;
        }
        // An absolute target starts again from the root; a relative one from the link's directory.
        result = resolve(normalize(target.startsWith('/') ? target : `${parent}/${target}`), budget);
      } else {
        result = undefined;
      }
    }
    if (result !== null) cache.set(path, result);
    return result;
  };

  return {
    resolveDir(dirPath: string): string | undefined {
      const hit = cache.get(dirPath);
      if (hit !== undefined) return hit;
      // Paths from package lists are already normal; skip re-splitting them.
      const path = NOT_NORMAL.test(dirPath) ? normalize(dirPath) : dirPath;
      return resolve(path, { links: 0 }) ?? undefined;
    },
  };
}

/** A path holding raw (non-UTF-8) bytes; the rest can go to node:fs as they are. */
const SURROGATE = /[\ud800-\udfff]/;

/** Empty or relative, or holding "//", a "." component or a trailing "/". */
const NOT_NORMAL = /^(?!\/)|\/\/|\/\.(?:\/|$)|.\/$/;

/**
 * "/" followed by the non-empty, non-"." components of `path` (relative paths are taken
 * from the root). ".." is kept: it can only be applied once the links before it are known.
 */
function normalize(path: string): string {
  const parts = path.split('/').filter((c) => c !== '' && c !== '.');
  return `/${parts.join('/')}`;
}
