// The AWS terminators through the real SDK v3 clients, pointed by `endpoint`
// at a local stand-in that checks the wire: the query-protocol action and
// parameters, and a SigV4 signature made with the credentials of the standard
// chain (here, the environment), verified as AWS would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createTerminator } from '../collector/actions/create-terminator.js';
import type { Terminator } from '../collector/actions/terminator.js';
import type { TerminatorConfig } from '../collector/actions/action-config.js';
import { DriftwatchError } from '../common/errors.js';
import { openSqliteStore } from '../collector/store/sqlite-store.js';
import type { Store } from '../collector/store/store.js';
import {
  asgError, asgSetInstanceHealthOk, ec2Error, ec2TerminateInstancesOk, sigV4Valid, startAwsStandIn, TEST_ACCESS_KEY, TEST_SECRET_KEY,
  type AwsAnswer, type AwsStandIn,
} from './helpers/aws-stand-in.js';
import { hostRecord, terminateFailure, terminationRecord } from './helpers/termination-fixtures.js';
import { tempRoots } from './helpers/temp-tree.js';

const never = new AbortController().signal;
const INSTANCE = 'i-0abc1234def567890';
const AWS_ENV = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];
const saved = new Map(AWS_ENV.map((k) => [k, process.env[k]]));
let store: Store;
const stands: AwsStandIn[] = [];

before(async () => {
  for (const k of AWS_ENV) Reflect.deleteProperty(process.env, k);
  // The standard chain finds these first; no profile files, no instance metadata.
  process.env.AWS_ACCESS_KEY_ID = TEST_ACCESS_KEY;
  process.env.AWS_SECRET_ACCESS_KEY = TEST_SECRET_KEY;
  process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
  process.env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws-credentials';
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  store = openSqliteStore(join(tempRoots('driftwatch-aws-')(), 'c.db'));
  await store.migrate();
});

after(async () => {
  await Promise.all(stands.map((s) => s.close()));
  await store.close();
  for (const [k, v] of saved) if (v === undefined) Reflect.deleteProperty(process.env, k); else process.env[k] = v;
});

async function standIn(answer: (n: number) => AwsAnswer | null): Promise<AwsStandIn> {
  const s = await startAwsStandIn((_call, n) => answer(n));
  stands.push(s);
  return s;
}

const make = (c: TerminatorConfig): Promise<Terminator> => createTerminator(c, store);

test('aws-asg: SetInstanceHealth Unhealthy, signed SigV4 for autoscaling in the region; confirms nothing (the group replaces the host)', async () => {
  const aws = await standIn(() => asgSetInstanceHealthOk('7c6e177f-f082-11e1-ac58-3714bexample'));
  const asg = await make({ type: 'aws-asg', region: 'eu-west-1', endpoint: aws.endpoint, respectGracePeriod: true, timeoutMs: 10_000 });
  const outcome = await asg.terminate(hostRecord(), terminationRecord({ terminator: 'aws-asg' }), never);
  assert.deepEqual(outcome, {
    confirmed: false,
    detail: {
      operation: 'SetInstanceHealth', region: 'eu-west-1', instanceId: INSTANCE, healthStatus: 'Unhealthy', shouldRespectGracePeriod: true,
      requestId: '7c6e177f-f082-11e1-ac58-3714bexample',
    },
  });
  assert.equal(aws.calls.length, 1);
  const call = aws.calls[0]!;
  assert.equal(call.path, '/');
  assert.equal(call.contentType, 'application/x-www-form-urlencoded');
  assert.deepEqual(Object.fromEntries(call.params), {
    Action: 'SetInstanceHealth', Version: '2011-01-01', InstanceId: INSTANCE, HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: 'true',
  });
  assert.match(call.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDDRIFTWATCHTEST01\/\d{8}\/eu-west-1\/autoscaling\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/);
  assert.deepEqual(call.scope?.service, 'autoscaling');
  assert.ok(call.signedHeaders.includes('host') && call.signedHeaders.includes('x-amz-date'), call.signedHeaders.join(';'));
  assert.equal(call.signatureValid, true);

  const noGrace = await make({ type: 'aws-asg', region: 'eu-west-1', endpoint: aws.endpoint, respectGracePeriod: false, timeoutMs: 10_000 });
  assert.equal((await noGrace.terminate(hostRecord(), terminationRecord(), never)).detail.shouldRespectGracePeriod, false);
  assert.equal(aws.calls[1]!.params.get('ShouldRespectGracePeriod'), 'false');
});

test('the stand-in\'s SigV4 check fails for another secret, a changed body or a changed signed header', async () => {
  const aws = await standIn(() => asgSetInstanceHealthOk('r-1'));
  const asg = await make({ type: 'aws-asg', region: 'us-east-1', endpoint: aws.endpoint, respectGracePeriod: true, timeoutMs: 10_000 });
  await asg.terminate(hostRecord(), terminationRecord(), never);
  const { method, path, headers, body } = aws.calls[0]!;
  assert.equal(sigV4Valid(method, path, headers, body, TEST_SECRET_KEY), true);
  assert.equal(sigV4Valid(method, path, headers, body, 'another-secret'), false);
  assert.equal(sigV4Valid(method, path, headers, Buffer.from(body.toString().replace(INSTANCE, 'i-0000000000000000')), TEST_SECRET_KEY), false);
  assert.equal(sigV4Valid(method, path, { ...headers, host: 'autoscaling.us-east-1.amazonaws.com' }, body, TEST_SECRET_KEY), false);
});

test('aws-asg: an error answer is a TerminateError with AWS\'s code, message and request id, not retried', async () => {
  const aws = await standIn(() => asgError(400, 'Sender', 'ValidationError', `Instance Id not found - No managed instance found for instance ID: ${INSTANCE}`, 'req-err-1'));
  const asg = await make({ type: 'aws-asg', region: 'eu-west-1', endpoint: aws.endpoint, respectGracePeriod: true, timeoutMs: 10_000 });
  const err = await terminateFailure(asg.terminate(hostRecord(), terminationRecord(), never));
  assert.equal(err.message, `SetInstanceHealth failed: ValidationError: Instance Id not found - No managed instance found for instance ID: ${INSTANCE}`);
  assert.equal(err.detail.error, 'ValidationError');
  assert.equal(err.detail.httpStatus, 400);
  assert.equal(err.detail.requestId, 'req-err-1');
  assert.equal(aws.calls.length, 1);
});

test('aws-asg: a service that is unavailable for a moment is retried by the SDK', async () => {
  const aws = await standIn((n) => (n === 1 ? asgError(503, 'Receiver', 'ServiceUnavailable', 'Service is unavailable', 'req-503') : asgSetInstanceHealthOk('req-ok')));
  const asg = await make({ type: 'aws-asg', region: 'eu-west-1', endpoint: aws.endpoint, respectGracePeriod: true, timeoutMs: 10_000 });
  assert.equal((await asg.terminate(hostRecord(), terminationRecord(), never)).detail.requestId, 'req-ok');
  assert.equal(aws.calls.length, 2);
  assert.ok(aws.calls.every((c) => c.signatureValid));
});

test('aws-ec2: TerminateInstances for the instance; shutting-down confirms, another state does not', async () => {
  const aws = await standIn((n) => (n === 1
    ? ec2TerminateInstancesOk(INSTANCE, 'running', 'shutting-down', 'ec2-req-1')
    : ec2TerminateInstancesOk(INSTANCE, 'stopped', 'stopped', 'ec2-req-2')));
  const ec2 = await make({ type: 'aws-ec2', region: 'us-east-2', endpoint: aws.endpoint, timeoutMs: 10_000 });
  assert.deepEqual(await ec2.terminate(hostRecord(), terminationRecord({ terminator: 'aws-ec2' }), never), {
    confirmed: true,
    detail: { operation: 'TerminateInstances', region: 'us-east-2', instanceId: INSTANCE, currentState: 'shutting-down', previousState: 'running', requestId: 'ec2-req-1' },
  });
  const call = aws.calls[0]!;
  assert.deepEqual(Object.fromEntries(call.params), { Action: 'TerminateInstances', Version: '2016-11-15', 'InstanceId.1': INSTANCE });
  assert.deepEqual(call.scope, { accessKey: TEST_ACCESS_KEY, date: call.scope!.date, region: 'us-east-2', service: 'ec2' });
  assert.equal(call.signatureValid, true);
  const second = await ec2.terminate(hostRecord(), terminationRecord(), never);
  assert.equal(second.confirmed, false);
  assert.equal(second.detail.currentState, 'stopped');
});

test('aws-ec2: an error answer is a TerminateError', async () => {
  const aws = await standIn(() => ec2Error(400, 'OperationNotPermitted', `The instance '${INSTANCE}' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.`, 'ec2-err'));
  const ec2 = await make({ type: 'aws-ec2', region: 'us-east-2', endpoint: aws.endpoint, timeoutMs: 10_000 });
  const err = await terminateFailure(ec2.terminate(hostRecord(), terminationRecord(), never));
  assert.match(err.message, /^TerminateInstances failed: OperationNotPermitted: The instance 'i-0abc1234def567890' may not be terminated/);
  assert.equal(err.detail.httpStatus, 400);
  assert.equal(aws.calls.length, 1);
});

test('a host without an (EC2) instance id fails clearly and calls nothing', async () => {
  const aws = await standIn(() => asgSetInstanceHealthOk('never'));
  for (const c of [
    { type: 'aws-asg', region: 'eu-west-1', endpoint: aws.endpoint, respectGracePeriod: true, timeoutMs: 10_000 },
    { type: 'aws-ec2', region: 'eu-west-1', endpoint: aws.endpoint, timeoutMs: 10_000 },
  ] as const) {
    const t = await make(c);
    const none = await terminateFailure(t.terminate(hostRecord({ facts: { instanceId: '' } }), terminationRecord(), never));
    assert.match(none.message, /reported no cloud instance id: an AWS terminator cannot name it/);
    const odd = await terminateFailure(t.terminate(hostRecord({ facts: { instanceId: 'i-1&Action=TerminateInstances' } }), terminationRecord(), never));
    assert.match(odd.message, /which is not an EC2 instance id/);
  }
  assert.equal(aws.calls.length, 0);
});

test('an endpoint that does not answer is given up at the timeout', async () => {
  const aws = await standIn(() => null);
  const asg = await make({ type: 'aws-asg', region: 'eu-west-1', endpoint: aws.endpoint, respectGracePeriod: true, timeoutMs: 500 });
  const err = await terminateFailure(asg.terminate(hostRecord(), terminationRecord(), never));
  assert.equal(err.message, 'SetInstanceHealth did not answer within 0.5 s');
});

test('without a region anywhere, the collector refuses to start with an AWS terminator', async () => {
  await assert.rejects(make({ type: 'aws-ec2', timeoutMs: 1000 }), (err: unknown) => {
    assert.ok(err instanceof DriftwatchError);
    assert.equal(err.code, 'COLLECTOR_CONFIG_INVALID');
    assert.match(err.message, /terminator \(aws-ec2\): no region: set terminator\.region, or AWS_REGION/);
    return true;
  });
  process.env.AWS_REGION = 'ap-southeast-2';
  try {
    const aws = await standIn(() => ec2TerminateInstancesOk(INSTANCE, 'running', 'shutting-down', 'r'));
    const ec2 = await make({ type: 'aws-ec2', endpoint: aws.endpoint, timeoutMs: 10_000 });
    assert.equal((await ec2.terminate(hostRecord(), terminationRecord(), never)).detail.region, 'ap-southeast-2');
    assert.equal(aws.calls[0]!.scope?.region, 'ap-southeast-2');
  } finally {
    delete process.env.AWS_REGION;
  }
});
