// A real HTTP server on 127.0.0.1 standing in for Slack, PagerDuty or a
// webhook receiver: it records every request (method, path, headers, raw
// body) and answers what the test says, request by request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Answer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface Receiver {
  /** http://127.0.0.1:PORT plus the path a test gives. */
  url(path?: string): string;
  readonly requests: ReceivedRequest[];
  /** The body of every request, parsed as JSON. */
  json(): unknown[];
  close(): Promise<void>;
}

/** `answer` sees the request and how many came before it (0 for the first); 'hang': no answer until close(). */
export async function startReceiver(
  answer: (req: ReceivedRequest, index: number) => Answer | 'hang' = () => ({ status: 200, body: 'ok' }),
): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: ReceivedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const a = answer(r, requests.length);
      requests.push(r);
      if (a === 'hang') return;
      res.writeHead(a.status, a.headers ?? {});
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    requests,
    json: () => requests.map((r) => JSON.parse(r.body) as unknown),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
