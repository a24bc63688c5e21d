// What the two AWS terminators share: the client settings (region, endpoint
// override, few attempts, a request timeout; credentials from the SDK's
// standard chain, never from our config), the instance id a host reported,
// and one call bounded by the terminator's timeout whose failure becomes a
// TerminateError carrying AWS's error code and request id. Nothing here
// imports the SDK: this module loads with the terminator that needs it.
import { DriftwatchError } from '../../common/errors.js';
import type { HostRecord } from '../store/store.js';
import { TerminateError } from './terminator.js';

/** One try and two retries (the SDK's backoff between them): a termination is retried by its runner, not here. */
export const AWS_MAX_ATTEMPTS = 3;
/** Connecting must not take a share of the timeout worth waiting for. */
const CONNECT_TIMEOUT_MS = 5000;

interface AwsSettings {
  region?: string;
  endpoint?: string;
  timeoutMs: number;
}

/** The constructor settings of an SDK v3 client. */
export function awsClientConfig(s: AwsSettings) {
  return {
    ...(s.region === undefined ? {} : { region: s.region }),
    ...(s.endpoint === undefined ? {} : { endpoint: s.endpoint }),
    maxAttempts: AWS_MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, s.timeoutMs), requestTimeout: s.timeoutMs },
  };
}

/**
 * A region must be set here or found by the SDK (AWS_REGION, the profile):
 * a collector that could never terminate anything refuses to start, rather
 * than find out at its first termination.
 */
export async function requireRegion(resolve: () => Promise<string>, type: string): Promise<string> {
  try {
    return await resolve();
  } catch {
    throw new DriftwatchError('COLLECTOR_CONFIG_INVALID', `terminator (${type}): no region: set terminator.region, or AWS_REGION / a profile region for the SDK`);
  }
}

// An EC2 instance id as AWS writes it; the host reported it, so it is checked before it reaches an API.
const INSTANCE_ID = /^i-[0-9a-f]{8,32}$/;

export function instanceIdOf(host: HostRecord): string {
  const id = host.facts.instanceId;
  if (id === '') throw new TerminateError(`host ${host.id} (${host.facts.hostname}) reported no cloud instance id: an AWS terminator cannot name it`, { hostId: host.id });
  if (!INSTANCE_ID.test(id)) {
    throw new TerminateError(`host ${host.id} reported instance id ${JSON.stringify(id.slice(0, 64))}, which is not an EC2 instance id`, { hostId: host.id });
  }
  return id;
}

interface AwsErrorShape {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown; requestId?: unknown; attempts?: unknown };
}

/** Runs one SDK call within timeoutMs (all attempts), or until `signal` (the collector stopping). */
export async function callAws<T>(operation: string, timeoutMs: number, signal: AbortSignal, call: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await call(AbortSignal.any([signal, timeout]));
  } catch (err) {
    const e = (typeof err === 'object' && err !== null ? err : {}) as AwsErrorShape;
    const detail: Record<string, unknown> = {
      operation, error: typeof e.name === 'string' ? e.name : 'Error', message: typeof e.message === 'string' ? e.message.slice(0, 1024) : String(err),
      httpStatus: e.$metadata?.httpStatusCode, requestId: e.$metadata?.requestId, attempts: e.$metadata?.attempts,
    };
    // Unknown whether AWS acted: the call may have arrived. Both calls are idempotent, so a retry is safe.
    if (timeout.aborted) throw new TerminateError(`${operation} did not answer within ${timeoutMs / 1000} s`, detail);
    if (signal.aborted) throw new TerminateError(`${operation} abandoned: the collector is stopping`, detail);
    throw new TerminateError(`${operation} failed: ${String(detail.error)}: ${String(detail.message)}`, detail);
  }
}
