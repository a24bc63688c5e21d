// The paths of a sealed manifest whose regular-file entry has one of the
// given SHA-256s, read straight from the stored manifest's bytes: only the
// path, type and sha256 fields of each entry are looked at, none is decoded
// whole. Used once per batch of baseline content (a host's life), not per
// request of the API.
import { decodePathBytes } from '../../common/path-bytes.js';
import { topLevelFields } from '../../common/protobuf-fields.js';

const FILES_FIELD = 5;
const PATH_FIELD = 1;
const TYPE_FIELD = 2;
const SHA256_FIELD = 10;
const TYPE_FILE = 1;

/** hex SHA-256 -> the paths (in manifest order) of the regular files that have it. */
export function pathsByDigest(manifest: Uint8Array, wanted: ReadonlySet<string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  if (wanted.size === 0) return found;
  for (const f of topLevelFields(manifest)) {
    if (f.field !== FILES_FIELD || f.wireType !== 2) continue;
    const entry = manifest.subarray(f.valueStart, f.end);
    let path: Uint8Array | undefined;
    let sha: Uint8Array | undefined;
    let type = 0;
    for (const g of topLevelFields(entry)) {
      if (g.field === PATH_FIELD && g.wireType === 2) path = entry.subarray(g.valueStart, g.end);
      else if (g.field === SHA256_FIELD && g.wireType === 2) sha = entry.subarray(g.valueStart, g.end);
      else if (g.field === TYPE_FIELD && g.wireType === 0) type = g.end - g.valueStart === 1 ? entry[g.valueStart]! : 0;
    }
    if (type !== TYPE_FILE || path === undefined || sha === undefined || sha.length !== 32) continue;
    const hex = Buffer.from(sha.buffer, sha.byteOffset, sha.byteLength).toString('hex');
    if (!wanted.has(hex)) continue;
    const paths = found.get(hex);
    const name = decodePathBytes(path);
    if (paths === undefined) found.set(hex, [name]);
    else paths.push(name);
  }
  return found;
}
