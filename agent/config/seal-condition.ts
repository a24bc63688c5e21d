// When to seal the baseline. "auto" means: wait for cloud-init's boot-finished
// marker where cloud-init runs (its first boot is the host's initialisation),
// and seal at once elsewhere. Pure: the caller passes how to test for a file, so
// the decision is testable without a cloud-init host.
import { join } from 'node:path';
import type { AgentConfig } from './agent-config-schema.js';

export type SealCondition =
  | { kind: 'immediate' }
  /** path: as seen inside the root; hostPath: root-joined, the file to wait for. */
  | { kind: 'file'; path: string; hostPath: string }
  | { kind: 'manual' };

/** Signs of cloud-init under the root (its state directory, or its binary). */
const CLOUD_INIT_MARKERS = ['/var/lib/cloud', '/usr/bin/cloud-init'];

/**
 * Resolve seal.when to a concrete condition. `exists` is called with root-joined
 * paths (what fs.existsSync would take).
 */
export function resolveSealCondition(config: Pick<AgentConfig, 'root' | 'seal'>, exists: (path: string) => boolean): SealCondition {
  const file: SealCondition = { kind: 'file', path: config.seal.file, hostPath: join(config.root, config.seal.file) };
  switch (config.seal.when) {
    case 'immediate': return { kind: 'immediate' };
    case 'manual': return { kind: 'manual' };
    case 'file': return file;
    case 'auto':
      return CLOUD_INIT_MARKERS.some((m) => exists(join(config.root, m))) ? file : { kind: 'immediate' };
  }
}
