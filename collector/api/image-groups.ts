// Hosts booted from one image should have sealed the same baseline. Within an
// image group, the Merkle root held by a strict majority of sealed hosts is the
// norm, and a host whose root differs is an outlier: it booted different from
// its siblings. Without a strict majority no host is called an outlier.
import { comparePaths, decodePathBytes } from '../../common/path-bytes.js';
import { driftwatch } from '../../proto/gen/driftwatch.js';
import type { HostRecord } from '../store/store.js';

export interface ImageGroup {
  imageId: string;
  hosts: number;
  sealed: number;
  /** Root held by more than half of the sealed hosts; null when none is. */
  majorityRoot: string | null;
  outliers: string[];
}

export function imageGroups(hosts: readonly HostRecord[]): ImageGroup[] {
  const byImage = new Map<string, HostRecord[]>();
  for (const h of hosts) {
    if (h.facts.imageId === '') continue;
    const list = byImage.get(h.facts.imageId) ?? [];
    list.push(h);
    byImage.set(h.facts.imageId, list);
  }
  return [...byImage].sort(([a], [b]) => (a < b ? -1 : 1)).map(([imageId, members]) => {
    const sealed = members.filter((h) => h.baselineRoot !== '');
    const counts = new Map<string, number>();
    for (const h of sealed) counts.set(h.baselineRoot, (counts.get(h.baselineRoot) ?? 0) + 1);
    const top = [...counts].find(([, n]) => n * 2 > sealed.length);
    const majorityRoot = top?.[0] ?? null;
    return {
      imageId, hosts: members.length, sealed: sealed.length, majorityRoot,
      outliers: majorityRoot === null ? [] : sealed.filter((h) => h.baselineRoot !== majorityRoot).map((h) => h.id).sort(),
    };
  });
}

const MAX_PATHS = 1000;

function identity(f: driftwatch.v1.IFileEntry): string {
  const hex = (b: Uint8Array | null | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('hex');
  return [f.type ?? 0, f.mode ?? 0, f.uid ?? 0, f.gid ?? 0, hex(f.sha256), hex(f.target), hex(f.capabilities), f.error ?? ''].join('|');
}

/** Paths whose entry differs (or exists on one side only) between two baselines, in order, at most MAX_PATHS. */
export function differingPaths(a: Uint8Array, b: Uint8Array): { paths: string[]; truncated: boolean } {
  const index = (bytes: Uint8Array): Map<string, string> =>
    new Map(driftwatch.v1.Manifest.decode(bytes).files.map((f) => [decodePathBytes(Buffer.from(f.path ?? new Uint8Array())), identity(f)]));
  const left = index(a);
  const right = index(b);
  const out = new Set<string>();
  for (const [path, id] of left) if (right.get(path) !== id) out.add(path);
  for (const path of right.keys()) if (!left.has(path)) out.add(path);
  const paths = [...out].sort(comparePaths);
  return { paths: paths.slice(0, MAX_PATHS), truncated: paths.length > MAX_PATHS };
}
