// The agent's state directory: its key, its identity at the collector, the
// sealed baseline and the last observed state. Everything here is private to
// the agent (directory 0700, files 0600) and written atomically (temp file,
// fsync, rename, fsync of the directory), so a crash or power loss leaves
// either the old file or the new one, never half of one.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { generateKeyPairSync, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import { DriftwatchError, describeFsError, errnoCode } from '../../common/errors.js';

export const STATE_FILES = {
  key: 'agent.key',
  identity: 'identity.json',
  baseline: 'baseline.pb',
  /** The sealed baseline's captured contents, until the collector has them. */
  baselineContent: 'baseline-content.pb',
  view: 'view.db',
  viewNext: 'view.db.next',
  outbox: 'outbox.db',
  sealRequest: 'seal-request',
  pid: 'agent.pid',
} as const;

function stateError(what: string, err: unknown): DriftwatchError {
  return new DriftwatchError('AGENT_STATE_INVALID', `${what}: ${describeFsError(err)}`);
}

/** Creates the directory 0700 if needed; refuses one that others can write or read into. */
export function ensureStateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    if (!st.isDirectory()) throw new DriftwatchError('AGENT_STATE_INVALID', `state directory ${dir} is not a directory`);
    if ((st.mode & 0o077) !== 0) {
      throw new DriftwatchError('AGENT_STATE_INVALID',
        `state directory ${dir} is accessible to other users (mode ${(st.mode & 0o777).toString(8)}): it holds the agent's private key; chmod 700 it`);
    }
  } catch (err) {
    if (err instanceof DriftwatchError) throw err;
    throw stateError(`cannot create state directory ${dir}`, err);
  }
}

/** Temporary file, fsync, rename, fsync of the directory: the old file or the new one, never half of one. Throws fs errors. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w', 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
    const dirFd = openSync(dirname(file), 'r');
    try { fsyncSync(dirFd); } finally { closeSync(dirFd); }
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* never created, or already renamed */ }
    throw err;
  }
}

export function writeStateFile(dir: string, name: string, data: string | Uint8Array): void {
  const file = join(dir, name);
  try {
    writeFileAtomic(file, data);
  } catch (err) {
    throw stateError(`cannot write ${file}`, err);
  }
}

/** The file's bytes, or undefined if it does not exist. */
export function readStateFile(dir: string, name: string): Buffer | undefined {
  try {
    return readFileSync(join(dir, name));
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw stateError(`cannot read ${join(dir, name)}`, err);
  }
}

export function removeStateFile(dir: string, name: string): void {
  try {
    unlinkSync(join(dir, name));
  } catch (err) {
    if (errnoCode(err) !== 'ENOENT') throw stateError(`cannot remove ${join(dir, name)}`, err);
  }
}

/** The host's Ed25519 key: generated once into the state directory (0600), reused on every restart. */
export function loadOrCreateKey(dir: string): { privateKey: KeyObject; publicKey: KeyObject } {
  const pem = readStateFile(dir, STATE_FILES.key);
  if (pem === undefined) {
    const pair = generateKeyPairSync('ed25519');
    writeStateFile(dir, STATE_FILES.key, pair.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    return pair;
  }
  const mode = statSync(join(dir, STATE_FILES.key)).mode;
  if ((mode & 0o077) !== 0) {
    throw new DriftwatchError('AGENT_STATE_INVALID', `${join(dir, STATE_FILES.key)} is readable by other users (mode ${(mode & 0o777).toString(8)}): treat the key as leaked`);
  }
  try {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`a ${privateKey.asymmetricKeyType ?? 'unknown'} key`);
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch (err) {
    throw new DriftwatchError('AGENT_STATE_INVALID', `${join(dir, STATE_FILES.key)} is not an Ed25519 private key: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export interface Identity {
  hostId: string;
  collector: string;
  enrolledAt: string;
}

export function readIdentity(dir: string): Identity | undefined {
  const raw = readStateFile(dir, STATE_FILES.identity);
  if (raw === undefined) return undefined;
  try {
    const v = JSON.parse(raw.toString('utf8')) as Partial<Identity>;
    if (typeof v.hostId !== 'string' || !/^[0-9a-f]{32}$/.test(v.hostId) || typeof v.collector !== 'string') throw new Error('missing fields');
    return { hostId: v.hostId, collector: v.collector, enrolledAt: String(v.enrolledAt ?? '') };
  } catch (err) {
    throw new DriftwatchError('AGENT_STATE_INVALID', `${join(dir, STATE_FILES.identity)} is damaged (${err instanceof Error ? err.message : String(err)}); remove it to enroll again`);
  }
}

export function writeIdentity(dir: string, identity: Identity): void {
  writeStateFile(dir, STATE_FILES.identity, `${JSON.stringify(identity, null, 1)}\n`);
}
