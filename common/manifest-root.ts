// The Merkle root of a protobuf Manifest's bytes, computed from its file
// entries (field 5) alone: the collector recomputes the root an agent claims
// for its baseline, so image-group comparison by root cannot be fooled by a
// manifest whose entries say otherwise. Throws on a malformed entry.
import { driftwatch } from '../proto/gen/driftwatch.js';
import { fileFromProto } from './file-entry-proto.js';
import type { FileEntry } from './file-entry.js';
import { merkleRoot } from './merkle.js';
import { topLevelFields } from './protobuf-fields.js';

const FILES_FIELD = 5;

export function manifestBytesRoot(bytes: Uint8Array): string {
  const files: FileEntry[] = [];
  for (const f of topLevelFields(bytes)) {
    if (f.field === FILES_FIELD && f.wireType === 2) {
      files.push(fileFromProto(driftwatch.v1.FileEntry.decode(bytes.subarray(f.valueStart, f.end))));
    }
  }
  return merkleRoot(files);
}
