// The dashboard's stylesheet and script: plain files in collector/ui/static/
// (no build step), read once when the collector starts and served from
// memory under /ui/static/ with a content hash in their URL, so a new
// collector version is never mixed with a cached old script.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FILES: Record<string, string> = { 'dashboard.css': 'text/css; charset=utf-8', 'dashboard.js': 'text/javascript; charset=utf-8' };

export interface StaticAsset {
  body: Buffer;
  type: string;
  hash: string;
}

export interface StaticAssets {
  get(name: string): StaticAsset | undefined;
  /** The URL of an asset, with its content hash. */
  url(name: string): string;
}

/** Next to this module when copied there, else the sources (dist/collector/ui/ -> collector/ui/static/). */
function staticDir(): string {
  const candidates = [new URL('./static/', import.meta.url), new URL('../../../collector/ui/static/', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((d) => existsSync(`${d}dashboard.css`));
  if (found === undefined) throw new Error(`the dashboard's static files are missing (looked in ${candidates.join(', ')})`);
  return found;
}

export function loadStaticAssets(): StaticAssets {
  const dir = staticDir();
  const assets = new Map<string, StaticAsset>();
  for (const [name, type] of Object.entries(FILES)) {
    const body = readFileSync(`${dir}${name}`);
    assets.set(name, { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) });
  }
  return {
    get: (name) => assets.get(name),
    url: (name) => `/ui/static/${name}?v=${assets.get(name)?.hash ?? ''}`,
  };
}
