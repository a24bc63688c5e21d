// A watched path's own creation, removal or replacement is visible only in its
// parent directory, which is not otherwise watched (/usr for /usr/lib). Each
// root gets an "anchor": a watch on its parent that passes on events for the
// root's name only. That is how a root that is a file or a symlink is watched,
// how a root that does not exist yet is picked up when it appears, and how a
// root directory that is removed and recreated gets watched again.
import { watch, type FSWatcher } from 'node:fs';
import { decodePathBytes, fsPath } from '../../common/path-bytes.js';
import { baseName, childPath, parentPath } from './watch-plan.js';

interface Anchor {
  readonly watcher: FSWatcher;
  /** Names in this directory that are roots. */
  readonly names: Set<string>;
}

export class RootAnchors {
  private readonly anchors = new Map<string, Anchor>();
  /** Roots whose parent could not be watched (usually: it does not exist); retried by retry(). */
  private readonly unanchored = new Set<string>();
  private closed = false;

  /**
   * rootEvent: the root at this path changed; replaced when it may have been
   * created, removed or replaced (rather than only written or chmod-ed).
   */
  constructor(private readonly rootEvent: (root: string, replaced: boolean) => void) {}

  get pending(): number { return this.unanchored.size; }

  add(root: string): void {
    if (root === '/' || this.closed) return;
    const parent = parentPath(root);
    const name = baseName(root);
    const existing = this.anchors.get(parent);
    if (existing !== undefined) {
      existing.names.add(name);
      return;
    }
    let watcher: FSWatcher;
    try {
      watcher = watch(fsPath(parent), { persistent: true, encoding: 'buffer' }, (type, raw) => {
        this.onEvent(parent, type === 'rename', raw === null ? null : decodePathBytes(raw));
      });
    } catch {
      this.unanchored.add(root);
      return;
    }
    watcher.on('error', () => this.reanchor(parent));
    this.anchors.set(parent, { watcher, names: new Set([name]) });
    this.unanchored.delete(root);
  }

  /** Try again to anchor the roots whose parent was missing; an anchored root is checked at once. */
  retry(): void {
    for (const root of [...this.unanchored]) {
      this.unanchored.delete(root);
      this.add(root);
      if (!this.unanchored.has(root)) this.rootEvent(root, true);
    }
  }

  close(): void {
    this.closed = true;
    for (const a of this.anchors.values()) a.watcher.close();
    this.anchors.clear();
    this.unanchored.clear();
  }

  private onEvent(parent: string, renamed: boolean, name: string | null): void {
    const anchor = this.anchors.get(parent);
    if (this.closed || anchor === undefined) return;
    if (name === null) {
      for (const n of anchor.names) this.rootEvent(childPath(parent, n), renamed);
      return;
    }
    if (anchor.names.has(name)) this.rootEvent(childPath(parent, name), renamed);
    // The parent itself was removed, replaced or moved away: its watch is dead from now on.
    if (name === baseName(parent)) this.reanchor(parent);
  }

  /** Re-establish the anchor on whatever is at parent now, and have its roots checked. */
  private reanchor(parent: string): void {
    const anchor = this.anchors.get(parent);
    if (anchor === undefined) return;
    this.anchors.delete(parent);
    for (const n of anchor.names) this.add(childPath(parent, n));
    // Closed after the new watch exists, in case it is on the same directory.
    anchor.watcher.close();
    for (const n of anchor.names) this.rootEvent(childPath(parent, n), true);
  }
}
