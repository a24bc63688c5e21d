// A local HTTP server standing in for an AWS query-protocol API (Auto Scaling,
// EC2): it parses the form-encoded request, verifies its SigV4 signature
// against the test secret the way AWS does, records the call, and answers
// with what a test gives (the real XML formats, below).
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_ACCESS_KEY = 'AKIDDRIFTWATCHTEST01';
export const TEST_SECRET_KEY = 'drift/watch+test+secret+key+0123456789ab';

export interface AwsCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  contentType: string;
  params: URLSearchParams;
  authorization: string;
  /** From the Authorization header's credential scope. */
  scope: { accessKey: string; date: string; region: string; service: string } | undefined;
  signedHeaders: string[];
  /** The signature recomputed here with TEST_SECRET_KEY matches the one sent. */
  signatureValid: boolean;
}

export interface AwsAnswer { status: number; body: string; requestId?: string }

export interface AwsStandIn {
  endpoint: string;
  calls: AwsCall[];
  close(): Promise<void>;
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** Verifies a SigV4 signature (Signature Version 4, header form) over the request as received. */
export function sigV4Valid(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer, secret: string): boolean {
  const m = AUTH.exec(String(headers.authorization ?? ''));
  if (m === null) return false;
  const [, , date, region, service, signed, signature] = m as unknown as string[];
  const names = signed!.split(';');
  const [rawPath, query = ''] = path.split('?');
  const canonicalQuery = query === '' ? '' : query.split('&').sort().join('&');
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  // The SDK also sends the body's hash as a header; AWS holds it to the body.
  const payloadHash = sha256(body);
  const claimed = headers['x-amz-content-sha256'];
  if (claimed !== undefined && claimed !== payloadHash) return false;
  const canonical = [method, rawPath, canonicalQuery, canonicalHeaders, signed, payloadHash].join('\n');
  const amzDate = String(headers['x-amz-date'] ?? '');
  if (!amzDate.startsWith(date!)) return false;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/${region}/${service}/aws4_request`, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date!), region!), service!), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

/** `answer` null: never answer (a hung endpoint). */
export async function startAwsStandIn(answer: (call: AwsCall, n: number) => AwsAnswer | null): Promise<AwsStandIn> {
  const calls: AwsCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const authorization = String(req.headers.authorization ?? '');
      const m = AUTH.exec(authorization);
      const call: AwsCall = {
        method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, contentType: String(req.headers['content-type'] ?? ''), params: new URLSearchParams(body.toString('utf8')), authorization,
        scope: m === null ? undefined : { accessKey: m[1]!, date: m[2]!, region: m[3]!, service: m[4]! },
        signedHeaders: m === null ? [] : m[5]!.split(';'),
        signatureValid: sigV4Valid(req.method ?? '', req.url ?? '', req.headers, body, TEST_SECRET_KEY),
      };
      calls.push(call);
      const a = answer(call, calls.length);
      if (a === null) return;
      res.writeHead(a.status, { 'content-type': 'text/xml;charset=UTF-8', ...(a.requestId === undefined ? {} : { 'x-amzn-requestid': a.requestId }) });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

// The answers, as the APIs write them (awsQuery for Auto Scaling, ec2Query for EC2).
const ASG_NS = 'http://autoscaling.amazonaws.com/doc/2011-01-01/';

export function asgSetInstanceHealthOk(requestId: string): AwsAnswer {
  return {
    status: 200, requestId,
    body: `<SetInstanceHealthResponse xmlns="${ASG_NS}">\n  <ResponseMetadata>\n    <RequestId>${requestId}</RequestId>\n  </ResponseMetadata>\n</SetInstanceHealthResponse>\n`,
  };
}

export function asgError(status: number, type: 'Sender' | 'Receiver', code: string, message: string, requestId: string): AwsAnswer {
  return {
    status, requestId,
    body: `<ErrorResponse xmlns="${ASG_NS}">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`,
  };
}

const EC2_STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };

export function ec2TerminateInstancesOk(instanceId: string, previous: string, current: string, requestId: string): AwsAnswer {
  const state = (tag: string, name: string): string => `<${tag}><code>${EC2_STATE_CODES[name]}</code><name>${name}</name></${tag}>`;
  return {
    status: 200, requestId,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<TerminateInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">\n  <requestId>${requestId}</requestId>\n`
      + `  <instancesSet>\n    <item>\n      <instanceId>${instanceId}</instanceId>\n      ${state('currentState', current)}\n      ${state('previousState', previous)}\n    </item>\n  </instancesSet>\n</TerminateInstancesResponse>\n`,
  };
}

export function ec2Error(status: number, code: string, message: string, requestId: string): AwsAnswer {
  return {
    status, requestId,
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>\n`,
  };
}
