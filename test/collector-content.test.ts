// Captured content at the collector through inject(): events carrying
// content, the baseline's contents, every refusal (a decompression bomb
// among them), deduplication, and GET /api/v1/hosts/:id/events/:seq/diff.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { ADMIN_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import { captured, sha256, storedContents } from './helpers/content.js';
import { checkContent, ContentLimits, REQUEST_INFLATE_BUDGET } from '../collector/ingest/content-wire.js';
import { DriftwatchError } from '../common/errors.js';

const pb = driftwatch.v1;
const K = pb.EventKind;
const APP_V1 = 'listen = 0.0.0.0\nport = 8080\nworkers = 4\n';
const APP_V2 = 'listen = 0.0.0.0\nport = 9090\nworkers = 4\n';
let collector: TestCollector;
let app: FastifyInstance;
const send: SendFn = (method, url, body, headers) => collector.send(method, url, body, headers);

before(async () => {
  collector = await startTestCollector({ maxContentBytes: 4096 });
  app = collector.app;
});
after(async () => collector.close());

async function api<T>(url: string): Promise<{ status: number; json: T }> {
  const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  return { status: r.statusCode, json: JSON.parse(r.body) as T };
}

function refusal(r: { status: number; body: Buffer }): [number, string, string] {
  const e = (JSON.parse(r.body.toString()) as { error: { code: string; message: string } }).error;
  return [r.status, e.code, e.message];
}

const file = (path: string, content: string, mode = 0o644): driftwatch.v1.IFileEntry => ({ path: Buffer.from(path), type: 1, mode, sha256: sha256(content), size: content.length });

/** An enrolled host sealed with these files. */
async function sealedHost(files: Record<string, string>): Promise<FakeAgent> {
  const agent = new FakeAgent(send);
  await agent.enroll();
  const entries = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, c]) => file(p, c));
  assert.equal((await agent.post('/api/v1/agent/baseline', FakeAgent.baseline(entries))).status, 200);
  return agent;
}

function changedEvent(agent: FakeAgent, path: string, before: string, after: string, extra: Partial<driftwatch.v1.IDriftEvent> = {}): Uint8Array {
  return agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, path, { changes: [pb.Change.CHANGE_CONTENT], before: file(path, before), after: file(path, after), ...extra });
}

test('an event\'s content is checked, stored once however many hosts send it, and described in the event JSON', async () => {
  const hosts = [await sealedHost({ '/etc/app.conf': APP_V1 }), await sealedHost({ '/etc/app.conf': APP_V1 })];
  for (const h of hosts) {
    const r = await h.post('/api/v1/agent/events', FakeAgent.batch([changedEvent(h, '/etc/app.conf', APP_V1, APP_V2, { content: captured(APP_V2) })]));
    assert.equal(r.status, 200, r.body.toString());
  }
  const { json } = await api<{ events: Array<Record<string, unknown>> }>(`/api/v1/hosts/${hosts[0]!.hostId}/events`);
  assert.deepEqual(json.events[0]!.content, { sha256: sha256(APP_V2).toString('hex'), size: APP_V2.length, redacted: false });
  const stored = storedContents(collector.dbFile);
  assert.equal(stored.contents.filter((c) => c === APP_V2).length, 1, 'one row for one content');
  assert.deepEqual(stored.events.filter((e) => hosts.some((h) => h.hostId === e.host_id)).length, 2);
});

test('a decompression bomb, a lying size or digest, and content where none belongs are refused with nothing stored', async () => {
  const h = await sealedHost({ '/etc/app.conf': APP_V1 });
  /** The host's first event (each refused, so each is the first again). */
  const first = (kind: number, path: string, extra: Partial<driftwatch.v1.IDriftEvent>): Uint8Array => FakeAgent.chained(1, Buffer.alloc(0), kind, path, extra).bytes;
  const changed = (extra: Partial<driftwatch.v1.IDriftEvent>): Uint8Array => first(K.EVENT_KIND_FILE_CHANGED, '/etc/app.conf', {
    changes: [pb.Change.CHANGE_CONTENT], before: file('/etc/app.conf', APP_V1), after: file('/etc/app.conf', APP_V2), ...extra,
  });
  const zeros = Buffer.alloc(64 << 20);
  const latin1 = Buffer.from('caf\xe9\n', 'latin1');
  const cases: Array<[Uint8Array, string, RegExp]> = [
    // 64 MiB of zeros in 65 KB of deflate, declared as 4000 bytes: refused before inflating.
    [changed({ content: { sha256: sha256(zeros), compressed: deflateRawSync(zeros, { level: 9 }), size: 4000 } }),
      'COLLECTOR_CONTENT_INVALID', /compressed bytes for 4000 bytes of content/],
    // 1 MiB of zeros in 1 KB, declared as 1100 bytes: inflation stops at 1101.
    [changed({ content: { sha256: sha256('x'), compressed: deflateRawSync(zeros.subarray(0, 1 << 20), { level: 9 }), size: 1100 } }),
      'COLLECTOR_CONTENT_INVALID', /inflates to more than the declared 1100 bytes/],
    [changed({ content: { ...captured(APP_V2), size: APP_V2.length + 5 } }), 'COLLECTOR_CONTENT_INVALID', /inflates to 41 bytes, not the declared 46/],
    [changed({ content: { ...captured(APP_V2), compressed: Buffer.from('not deflate at all') } }), 'COLLECTOR_CONTENT_INVALID', /not deflate-raw data/],
    [changed({ content: { ...captured(APP_V2), sha256: sha256('something else') } }), 'COLLECTOR_CONTENT_INVALID', /does not match its sha256 and is not marked redacted/],
    [changed({ content: { ...captured(APP_V2), sha256: Buffer.alloc(16) } }), 'COLLECTOR_CONTENT_INVALID', /sha256 is not 32 bytes/],
    [changed({ content: captured('another file\n') }), 'COLLECTOR_CONTENT_INVALID', /sha256 is not the after entry's/],
    [changed({ after: { ...file('/etc/app.conf', 'x'), sha256: sha256(latin1) }, content: { sha256: sha256(latin1), compressed: deflateRawSync(latin1), size: latin1.length } }),
      'COLLECTOR_CONTENT_INVALID', /not UTF-8 text/],
    [changed({ content: captured('a\u0000b\n', APP_V2) }), 'COLLECTOR_CONTENT_INVALID', /not UTF-8 text/],
    [changed({ content: captured(APP_V2), captureSkip: pb.CaptureSkip.CAPTURE_SKIP_BINARY }), 'COLLECTOR_INGEST_INVALID', /content and capture_skip together/],
    [first(K.EVENT_KIND_LOGIN, '', { content: captured(APP_V2) }), 'COLLECTOR_INGEST_INVALID', /a login event carries no content/],
  ];
  for (const [event, code, message] of cases) {
    const [status, got, text] = refusal(await h.post('/api/v1/agent/events', FakeAgent.batch([event])));
    assert.deepEqual([status, got], [422, code], text);
    assert.match(text, message);
  }
  assert.equal((await collector.store.getHost(h.hostId))!.ackedSeq, 0);
  assert.equal(storedContents(collector.dbFile).events.filter((e) => e.host_id === h.hostId).length, 0);
});

test('all the contents of one request together inflate to no more than its budget', () => {
  const text = `${'abc\n'.repeat(1000)}`;
  const limits = new ContentLimits(8192, 10_000);
  assert.ok('content' in checkContent(captured(text), 'contents[0]', limits));
  assert.ok('content' in checkContent(captured(text), 'contents[1]', limits));
  assert.equal(limits.left, 2000);
  assert.throws(() => checkContent(captured(text), 'contents[2]', limits),
    (err: unknown) => err instanceof DriftwatchError && err.code === 'COLLECTOR_CONTENT_INVALID' && /contents\[2\]: .*more than/.test(err.message));
  assert.equal(new ContentLimits(1).left, REQUEST_INFLATE_BUDGET);
});

test('content beyond max_content_bytes is dropped, its event kept and saying why', async () => {
  const big = `${'x'.repeat(5000)}\n`;
  const h = await sealedHost({ '/etc/big.conf': APP_V1 });
  const r = await h.post('/api/v1/agent/events', FakeAgent.batch([changedEvent(h, '/etc/big.conf', APP_V1, big, { content: captured(big) })]));
  assert.equal(r.status, 200);
  const { json } = await api<{ events: Array<Record<string, unknown>> }>(`/api/v1/hosts/${h.hostId}/events`);
  assert.equal(json.events[0]!.not_captured, 'too_large');
  assert.equal(json.events[0]!.content, undefined);
  assert.equal(await collector.store.getEventContent(h.hostId, 1), undefined);
});

test('the baseline\'s contents are kept for the sealed paths that have them, once, and not before a baseline', async () => {
  const early = new FakeAgent(send);
  await early.enroll();
  const upload = (contents: driftwatch.v1.ICapturedContent[]): Uint8Array => pb.ContentUpload.encode({ contents }).finish();
  const [status, code] = refusal(await early.post('/api/v1/agent/content', upload([captured(APP_V1)])));
  assert.deepEqual([status, code], [409, 'COLLECTOR_CONFLICT']);

  const h = await sealedHost({ '/etc/app.conf': APP_V1, '/etc/copy.conf': APP_V1, '/etc/other.conf': 'other\n' });
  const body = upload([captured(APP_V1), captured('not in the baseline\n'), captured('password = [redacted]\n', 'password = x\n')]);
  assert.equal((await h.post('/api/v1/agent/content', body)).status, 200);
  assert.equal((await h.post('/api/v1/agent/content', body)).status, 200, 'a resend is fine');
  const mine = storedContents(collector.dbFile).baseline.filter((b) => b.host_id === h.hostId).map((b) => b.path);
  assert.deepEqual(mine, ['/etc/app.conf', '/etc/copy.conf']);
  assert.equal((await collector.store.getBaselineContent(h.hostId, '/etc/copy.conf'))?.sha256, sha256(APP_V1).toString('hex'));
  const bomb = upload([{ sha256: sha256('x'), compressed: deflateRawSync(Buffer.alloc(1 << 20)), size: 1100 }]);
  assert.deepEqual(refusal(await h.post('/api/v1/agent/content', bomb)).slice(0, 2), [422, 'COLLECTOR_CONTENT_INVALID']);
});

interface Diff { kind: string; path: string; before: unknown; after: unknown; diff: string | null; redacted: boolean; reason: string | null }

test('the diff of a file event: against the sealed baseline, or the attributes and why there is no diff', async () => {
  const secretV1 = 'user = app\npassword = [redacted]\n';
  const h = await sealedHost({ '/etc/app.conf': APP_V1, '/etc/db.conf': 'user = app\npassword = one\n', '/etc/shadow': 'root:x\n', '/etc/gone.conf': 'bye\n' });
  const upload = pb.ContentUpload.encode({ contents: [captured(APP_V1), captured(secretV1, 'user = app\npassword = one\n'), captured('bye\n')] }).finish();
  assert.equal((await h.post('/api/v1/agent/content', upload)).status, 200);
  const APP_V3 = 'listen = 0.0.0.0\nport = 9091\nworkers = 4\n';
  const events = [
    changedEvent(h, '/etc/app.conf', APP_V1, APP_V2, { content: captured(APP_V2) }),
    changedEvent(h, '/etc/app.conf', APP_V2, APP_V3, { content: captured(APP_V3) }),
    changedEvent(h, '/etc/shadow', 'root:x\n', 'root:y\n', { captureSkip: pb.CaptureSkip.CAPTURE_SKIP_DENYLISTED }),
    changedEvent(h, '/etc/db.conf', 'user = app\npassword = one\n', 'user = app\npassword = two\n', { content: captured(secretV1, 'user = app\npassword = two\n') }),
    h.nextEvent(K.EVENT_KIND_FILE_ADDED, '/etc/new.conf', { after: file('/etc/new.conf', 'a\nb\n'), content: captured('a\nb\n') }),
    h.nextEvent(K.EVENT_KIND_FILE_REMOVED, '/etc/gone.conf', { before: file('/etc/gone.conf', 'bye\n') }),
    h.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/app.conf', { changes: [pb.Change.CHANGE_MODE], before: file('/etc/app.conf', APP_V3), after: file('/etc/app.conf', APP_V3, 0o600) }),
    changedEvent(h, '/etc/later.conf', 'q\n', 'r\n', { content: captured('r\n') }),
    h.nextEvent(K.EVENT_KIND_LOGIN, '', { login: { user: 'root', tty: 'pts/0' } }),
  ];
  assert.equal((await h.post('/api/v1/agent/events', FakeAgent.batch(events))).status, 200);
  const diff = async (seq: number): Promise<Diff> => (await api<Diff>(`/api/v1/hosts/${h.hostId}/events/${seq}/diff`)).json;

  assert.equal((await diff(1)).diff, '--- /etc/app.conf\tbaseline\n+++ /etc/app.conf\tseq 1\n@@ -1,3 +1,3 @@\n listen = 0.0.0.0\n-port = 8080\n+port = 9090\n workers = 4\n');
  // The second change is shown against the sealed baseline, not against the first change.
  assert.match((await diff(2)).diff!, /\n-port = 8080\n\+port = 9091\n/);
  const shadow = await diff(3);
  assert.deepEqual([shadow.diff, shadow.reason], [null, 'not captured: denylisted']);
  assert.deepEqual(Object.keys(shadow.before as object).sort(), ['gid', 'mode', 'sha256', 'size', 'type', 'uid']);
  assert.deepEqual(await diff(4).then((d) => [d.redacted, d.reason]), [true, 'only redacted values differ from the baseline']);
  assert.equal((await diff(5)).diff, '--- /dev/null\tbaseline\n+++ /etc/new.conf\tseq 5\n@@ -0,0 +1,2 @@\n+a\n+b\n');
  assert.equal((await diff(6)).diff, '--- /etc/gone.conf\tbaseline\n+++ /dev/null\tseq 6\n@@ -1,1 +0,0 @@\n-bye\n');
  const mode = await diff(7);
  assert.deepEqual([mode.diff, mode.reason, (mode.after as { mode: string }).mode], [null, 'content unchanged', '0600']);
  assert.deepEqual(await diff(8).then((d) => [d.diff, d.reason]), [null, 'baseline content unknown']);

  const login = await api<{ error: { code: string } }>(`/api/v1/hosts/${h.hostId}/events/9/diff`);
  assert.deepEqual([login.status, login.json.error.code], [404, 'COLLECTOR_NOT_FOUND']);
  assert.equal((await api(`/api/v1/hosts/${h.hostId}/events/99/diff`)).status, 404);
  assert.equal((await api(`/api/v1/hosts/${h.hostId}/events/0/diff`)).status, 400);
  const anonymous = await app.inject({ method: 'GET', url: `/api/v1/hosts/${h.hostId}/events/1/diff` });
  assert.equal(anonymous.statusCode, 401);
  const viewer = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload: { name: 'v', role: 'viewer' } });
  const secret = (JSON.parse(viewer.body) as { secret: string }).secret;
  const asViewer = await app.inject({ method: 'GET', url: `/api/v1/hosts/${h.hostId}/events/1/diff`, headers: { authorization: `Bearer ${secret}` } });
  assert.equal(asViewer.statusCode, 200);
});
