// The synthetic host tree of the latency benchmark and the mutations made to
// it. The tree stands in for a small host: config files in many directories
// under <root>/etc (watched with chokidar by default) and a flat <root>/usr/bin
// (watched with one fs.watch per directory). Every mutation touches a file no
// other mutation touches, so each one maps to exactly one expected event.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type MutationKind = 'create' | 'modify' | 'chmod' | 'delete';
export type Area = 'etc' | 'usr/bin';

export interface TreeShape {
  readonly etcDirs: number;
  readonly filesPerEtcDir: number;
  readonly binFiles: number;
}

export const DEFAULT_TREE: TreeShape = { etcDirs: 40, filesPerEtcDir: 50, binFiles: 1500 };

export interface Tree {
  /** Absolute on-disk directories holding the files (what a bare watcher watches). */
  readonly dirs: string[];
  /** In-root paths of the existing files, per area. */
  readonly files: Record<Area, string[]>;
  readonly fileCount: number;
}

/** Writes the tree under `root`: small files of varied size, 0644 in etc, 0755 in usr/bin. */
export function buildTree(root: string, shape: TreeShape = DEFAULT_TREE): Tree {
  const dirs: string[] = [];
  const files: Record<Area, string[]> = { etc: [], 'usr/bin': [] };
  const write = (inRoot: string, mode: number): void => {
    writeFileSync(join(root, inRoot), randomBytes(64 + (files.etc.length + files['usr/bin'].length) % 4000), { mode });
  };
  for (let d = 0; d < shape.etcDirs; d++) {
    const dir = `/etc/conf-${String(d).padStart(2, '0')}.d`;
    mkdirSync(join(root, dir), { recursive: true });
    dirs.push(join(root, dir));
    for (let f = 0; f < shape.filesPerEtcDir; f++) {
      const p = `${dir}/setting-${String(f).padStart(3, '0')}.conf`;
      write(p, 0o644);
      files.etc.push(p);
    }
  }
  mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
  dirs.push(join(root, 'usr', 'bin'));
  for (let f = 0; f < shape.binFiles; f++) {
    const p = `/usr/bin/tool-${String(f).padStart(4, '0')}`;
    write(p, 0o755);
    files['usr/bin'].push(p);
  }
  return { dirs, files, fileCount: files.etc.length + files['usr/bin'].length };
}

export interface Mutation {
  readonly i: number;
  readonly kind: MutationKind;
  readonly area: Area;
  /** In-root path, as the collector reports it. */
  readonly path: string;
  /** The event kind the collector should store for it. */
  readonly expect: 'file_added' | 'file_changed' | 'file_removed';
}

const KINDS: readonly MutationKind[] = ['create', 'modify', 'chmod', 'delete'];
const EXPECT = { create: 'file_added', modify: 'file_changed', chmod: 'file_changed', delete: 'file_removed' } as const;

/**
 * `n` mutations cycling through the four kinds and, every cycle, switching
 * area, so each kind happens in both areas. Existing files are taken spread
 * over the tree (a stride through the list) and never twice.
 */
export function planMutations(tree: Tree, n: number, tag: string): Mutation[] {
  const used: Record<Area, number> = { etc: 0, 'usr/bin': 0 };
  const plan: Mutation[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const area: Area = Math.floor(i / KINDS.length) % 2 === 0 ? 'etc' : 'usr/bin';
    const list = tree.files[area];
    let path: string;
    if (kind === 'create') {
      const dir = area === 'etc' ? list[(i * 37) % list.length]!.replace(/\/[^/]+$/, '') : '/usr/bin';
      path = `${dir}/${tag}-new-${String(i).padStart(4, '0')}`;
    } else {
      const k = used[area]++;
      if (k >= list.length) throw new Error(`not enough files in ${area} for ${n} mutations`);
      // Stride 7 (coprime with the list length in the default tree) spreads them over directories.
      path = list[(k * 7) % list.length]!;
    }
    plan.push({ i, kind, area, path, expect: EXPECT[kind] });
  }
  return plan;
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** Makes the change; the caller has taken the time just before. */
export function applyMutation(root: string, m: Mutation): void {
  const abs = join(root, m.path);
  switch (m.kind) {
    case 'create': writeFileSync(abs, `created by the agent benchmark, mutation ${m.i}\n`, { mode: 0o644 }); break;
    case 'modify': writeFileSync(abs, `modified by the agent benchmark, mutation ${m.i}, ${randomBytes(8).toString('hex')}\n`); break;
    case 'chmod': chmodSync(abs, m.area === 'etc' ? 0o600 : 0o700); break;
    case 'delete': unlinkSync(abs); break;
  }
}

/** Runs the plan on a fixed schedule (mutation i at start + i × interval, so a slow one does not shift the rest); returns each write time. */
export async function runPlan(root: string, plan: readonly Mutation[], intervalMs: number): Promise<number[]> {
  const times: number[] = [];
  const start = wallNow() + 50;
  for (const m of plan) {
    const wait = start + m.i * intervalMs - wallNow();
    if (wait > 0) await sleep(wait);
    times.push(wallNow());
    applyMutation(root, m);
  }
  return times;
}
