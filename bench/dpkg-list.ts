// Builds the file list for the MD5 floor: the dpkg-owned regular files in the
// corpus, i.e. the files drift-agent's package-integrity pass has to MD5.
// Paths are handled as latin1 strings so arbitrary filename bytes survive the
// round trip (latin1 maps each byte to one UTF-16 unit and back).
import { lstat, readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const DPKG_INFO_DIR = '/var/lib/dpkg/info';

export interface DpkgList {
  readonly path: string;
  readonly files: number;
  readonly bytes: number;
  /** The *.md5sums files read; the benchmark warms them with the corpus. */
  readonly md5sumsFiles: readonly string[];
}

// md5sums lines are "<32 hex>  <path relative to />".
const MD5SUMS_LINE = /^[0-9a-f]{32} {2}(.+)$/;

/**
 * Top-level symlinks to directories (/bin -> usr/bin, /sbin, /lib, /lib64 on
 * merged-/usr). Packages built before the merge still list bin/ls, which on
 * disk is /usr/bin/ls, and that is the path find and AIDE see.
 */
async function mergedUsrAliases(): Promise<Map<string, string>> {
  const aliases = new Map<string, string>();
  for (const name of await readdir('/')) {
    const from = `/${name}`;
    const st = await lstat(from);
    if (!st.isSymbolicLink()) continue;
    const target = resolve('/', await readlink(from));
    const targetSt = await lstat(target).catch(() => null);
    if (targetSt?.isDirectory()) aliases.set(from, target);
  }
  return aliases;
}

function canonical(path: string, aliases: Map<string, string>): string {
  const slash = path.indexOf('/', 1);
  const top = slash === -1 ? path : path.slice(0, slash);
  const target = aliases.get(top);
  return target === undefined ? path : target + path.slice(top.length);
}

function inCorpus(path: string, corpus: readonly string[]): boolean {
  return corpus.some((root) => path === root || path.startsWith(root === '/' ? '/' : `${root}/`));
}

/** Write the NUL-separated list (for `xargs -0`) to outPath. */
export async function writeDpkgCorpusList(corpus: readonly string[], outPath: string): Promise<DpkgList> {
  const aliases = await mergedUsrAliases();
  const md5sumsFiles = (await readdir(DPKG_INFO_DIR))
    .filter((f) => f.endsWith('.md5sums'))
    .sort()
    .map((f) => join(DPKG_INFO_DIR, f));
  if (md5sumsFiles.length === 0) throw new Error(`no *.md5sums files in ${DPKG_INFO_DIR}: is this a Debian system?`);

  const candidates = new Set<string>();
  for (const file of md5sumsFiles) {
    const text = await readFile(file, 'latin1');
    for (const line of text.split('\n')) {
      const rel = MD5SUMS_LINE.exec(line)?.[1];
      if (rel === undefined) continue;
      const path = canonical(`/${rel}`, aliases);
      if (inCorpus(path, corpus)) candidates.add(path);
    }
  }

  // Only files that are really there as regular files: diverted or removed
  // conffiles would make openssl fail and are not hashed by drift-agent either.
  const kept: string[] = [];
  let bytes = 0;
  for (const path of [...candidates].sort()) {
    const st = await lstat(Buffer.from(path, 'latin1')).catch(() => null);
    if (!st?.isFile()) continue;
    kept.push(path);
    bytes += st.size;
  }
  await writeFile(outPath, Buffer.from(kept.map((p) => `${p}\0`).join(''), 'latin1'));
  return { path: outPath, files: kept.length, bytes, md5sumsFiles };
}
