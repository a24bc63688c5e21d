// Getting to a working relationship with the collector: enrollment (once per
// state directory) and the baseline handshake at every start. The collector's
// copy of the baseline is canonical: a local baseline that differs from it
// was edited (or damaged) on the host, and is replaced, not trusted.
import type { KeyObject } from 'node:crypto';
import type { Logger } from 'pino';
import { DriftwatchError } from '../../common/errors.js';
import { rawPublicKey } from '../../common/request-signing.js';
import type { HostFacts, Manifest } from '../model.js';
import { CollectorError, type CollectorClient } from '../report/collector-client.js';
import { join } from 'node:path';
import { readIdentity, STATE_FILES, writeIdentity } from '../state/state-dir.js';
import { Backoff, sleep } from './backoff.js';
import { replaceBaseline, verifiedManifest } from './baseline-files.js';

export interface LinkContext {
  client: CollectorClient;
  stateDir: string;
  collectorUrl: string;
  enrollToken: string | undefined;
  key: { privateKey: KeyObject; publicKey: KeyObject };
  hostFacts: () => Promise<HostFacts>;
  log: Logger;
  signal: AbortSignal;
}

/** Runs `op` until it succeeds, backing off on failures retrying can fix; rethrows the others. Undefined if stopped. */
export async function retrying<T>(ctx: LinkContext, what: string, op: () => Promise<T>): Promise<T | undefined> {
  const backoff = new Backoff();
  while (!ctx.signal.aborted) {
    try {
      return await op();
    } catch (err) {
      if (err instanceof CollectorError && !err.retriable) throw err;
      const delay = backoff.next();
      ctx.log.warn({ err: err instanceof Error ? err.message : String(err), retryInMs: delay }, `${what} failed; retrying`);
      await sleep(delay, ctx.signal);
    }
  }
  return undefined;
}

/** Enrolls unless this state directory already has a host id at this collector; false if stopped first. */
export async function ensureEnrolled(ctx: LinkContext): Promise<boolean> {
  const known = readIdentity(ctx.stateDir);
  if (known !== undefined && known.collector === ctx.collectorUrl) {
    ctx.client.identity = { hostId: known.hostId, key: ctx.key.privateKey };
    return true;
  }
  if (ctx.enrollToken === undefined) {
    throw new DriftwatchError('AGENT_CONFIG_INVALID', 'this agent is not enrolled yet: give the fleet enrollment token (--enroll-token, enroll_token or enroll_token_file)');
  }
  const token = ctx.enrollToken;
  const facts = await ctx.hostFacts();
  let hostId: string | undefined;
  try {
    hostId = await retrying(ctx, 'enrollment', () => ctx.client.enroll(token, facts, rawPublicKey(ctx.key.publicKey)));
  } catch (err) {
    throw new DriftwatchError('AGENT_ENROLL_REFUSED', err instanceof Error ? err.message : String(err));
  }
  if (hostId === undefined) return false;
  writeIdentity(ctx.stateDir, { hostId, collector: ctx.collectorUrl, enrolledAt: new Date().toISOString() });
  ctx.client.identity = { hostId, key: ctx.key.privateKey };
  ctx.log.info({ hostId, collector: ctx.collectorUrl }, 'enrolled');
  return true;
}

export interface Reconciled {
  /** The local baseline differed from the collector's and was replaced by it. */
  replaced: boolean;
  detail?: string;
  ackedSeq: number;
}

/**
 * Uploads the local baseline (root `localRoot`, verified at start) if the
 * collector has none; otherwise checks it against the collector's copy.
 */
export async function reconcileBaseline(ctx: LinkContext, localRoot: string): Promise<Reconciled | undefined> {
  for (;;) {
    const state = await retrying(ctx, 'reading the collector state', () => ctx.client.state());
    if (state === undefined) return undefined;
    const theirs = Buffer.from(state.baselineRoot).toString('hex');
    if (theirs === '') {
      try {
        // The file verified at start is streamed as it is on disk; the collector recomputes its root,
        // which must then be the one verified here (else the file changed in between).
        const file = join(ctx.stateDir, STATE_FILES.baseline);
        const uploaded = await retrying(ctx, 'uploading the baseline', () => ctx.client.uploadBaselineFile(file).then(() => true));
        if (uploaded === undefined) return undefined;
        const after = await retrying(ctx, 'reading the collector state', () => ctx.client.state());
        if (after === undefined) return undefined;
        if (Buffer.from(after.baselineRoot).toString('hex') !== localRoot) {
          throw new DriftwatchError('AGENT_BASELINE_CORRUPT', `${file} changed between its verification and its upload`);
        }
        ctx.log.info({ root: localRoot }, 'baseline uploaded');
        return { replaced: false, ackedSeq: after.ackedSeq };
      } catch (err) {
        // Sealed meanwhile (another start of this agent): read the state again and compare.
        if (err instanceof CollectorError && err.code === 'COLLECTOR_BASELINE_SEALED') continue;
        throw err;
      }
    }
    if (theirs === localRoot) return { replaced: false, ackedSeq: state.ackedSeq };
    const canonical = await fetchCanonicalBaseline(ctx, theirs);
    if (canonical === undefined) return undefined;
    const detail = `the local baseline (root ${localRoot.slice(0, 16)}…) differs from the collector's sealed copy ` +
      `(root ${theirs.slice(0, 16)}…): it was altered on this host; replaced by the collector's copy`;
    ctx.log.error({ localRoot, collectorRoot: theirs }, 'local baseline differs from the collector\'s: replaced');
    return { replaced: true, detail, ackedSeq: state.ackedSeq };
  }
}

/** Fetches, verifies and stores the collector's copy of the baseline (`root`: what it reported, if known). */
export async function fetchCanonicalBaseline(ctx: LinkContext, root?: string): Promise<Manifest | undefined> {
  const bytes = await retrying(ctx, 'fetching the canonical baseline', () => ctx.client.fetchBaseline());
  if (bytes === undefined) return undefined;
  const manifest = await verifiedManifest(Buffer.from(bytes), 'the collector\'s baseline');
  if (root !== undefined && manifest.merkleRoot !== root) {
    throw new DriftwatchError('AGENT_BASELINE_CORRUPT', 'the collector sent a baseline whose root is not the one it reported');
  }
  replaceBaseline(ctx.stateDir, bytes);
  return manifest;
}
