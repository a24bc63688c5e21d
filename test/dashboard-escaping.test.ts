// Everything that came from a host is text on every dashboard page: a host
// named <script>alert(1)</script>, with such an image, reporting a
// file of that name whose content holds markup, and a termination whose
// reasons do. Also the `html` helper's own guarantees.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import { captured, sha256 } from './helpers/content.js';
import { getPage, signIn, type UiSession } from './helpers/dashboard-session.js';
import { ADMIN_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { escapeHtml, html, htmlText, join, type SafeHtml } from '../collector/ui/html.js';

const pb = driftwatch.v1;
const K = pb.EventKind;
const EVIL = '<script>alert(1)</script>';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const PATH = `/etc/${EVIL}`;
const V1 = `title = "${EVIL}"\n`;
const V2 = `title = "<img src=x onerror=alert(2)>"\n`;
let collector: TestCollector;
let agent: FakeAgent;
let session: UiSession;
let terminationId = 0;
const send: SendFn = (method, url, body, headers) => collector.send(method, url, body, headers);
const file = (path: string, content: string): driftwatch.v1.IFileEntry => ({ path: Buffer.from(path), type: 1, mode: 0o644, sha256: sha256(content), size: content.length });

before(async () => {
  collector = await startTestCollector();
  agent = new FakeAgent(send, EVIL, EVIL);
  assert.equal((await agent.enroll()).status, 200);
  assert.equal((await agent.post('/api/v1/agent/baseline', FakeAgent.baseline([file(PATH, V1)]))).status, 200);
  assert.equal((await agent.post('/api/v1/agent/content', pb.ContentUpload.encode({ contents: [captured(V1)] }).finish())).status, 200);
  const event = agent.nextEvent(K.EVENT_KIND_FILE_CHANGED, PATH, {
    changes: [pb.Change.CHANGE_CONTENT], before: file(PATH, V1), after: file(PATH, V2), content: captured(V2), detail: EVIL,
  });
  assert.equal((await agent.post('/api/v1/agent/events', FakeAgent.batch([event]))).status, 200);
  // A termination whose reason and hold reason carry markup (set through the store: the default policy alerts on /etc).
  const store = collector.store;
  await store.appendEvents(agent.hostId, [{
    hostId: agent.hostId, seq: 2, kind: 'file_changed', path: PATH, changes: ['content'], receivedAt: new Date(), payload: { kind: 'file_changed', path: PATH },
    hash: '02'.repeat(32), verdict: { verdict: 'terminate', severity: 'critical', rule: EVIL },
  }], 2, '02'.repeat(32), 'drifted');
  await store.foldNewVerdicts(new Date(), 60_000, 100);
  const [t] = await store.listTerminations({ hostId: agent.hostId, limit: 1 });
  terminationId = t!.id;
  assert.ok(await store.transitionTermination(t!.id, ['requested'], 'pending_approval', { holdReason: EVIL },
    { at: new Date(), actor: 'governor', action: 'termination.hold', detail: { termination_id: t!.id, host_id: agent.hostId, reason: EVIL } }));
  session = await signIn(collector.app, ADMIN_TOKEN);
});
after(async () => collector.close());

function assertEscaped(body: string, url: string): void {
  assert.ok(!body.includes('<script>alert'), `${url}: raw markup from the host`);
  assert.ok(!body.includes('<img src=x'), `${url}: raw markup from the file's content`);
  assert.ok(body.includes(ESCAPED), `${url}: the name shows as text`);
}

test('a host, image, file name, content, rule and reasons full of markup render as text on every page', async () => {
  const pages = ['/ui', '/ui/hosts', `/ui/hosts?q=${encodeURIComponent('<scr')}`, `/ui/hosts/${agent.hostId}`, `/ui/hosts/${agent.hostId}/events/1`,
    `/ui/hosts/${agent.hostId}/events/2`, '/ui/approvals'];
  for (const url of pages) {
    const r = await getPage(collector.app, session, url);
    assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
    assertEscaped(r.body, url);
  }
  const diff = (await getPage(collector.app, session, `/ui/hosts/${agent.hostId}/events/1`)).body;
  assert.ok(diff.includes('<span class="add">+title = &quot;&lt;img src=x onerror=alert(2)&gt;&quot;\n</span>'), diff);
  assert.ok(diff.includes(`<span class="del">-title = &quot;${ESCAPED}&quot;\n</span>`));
  const approvals = (await getPage(collector.app, session, '/ui/approvals')).body;
  assert.ok(approvals.includes(`<td class="hold">${ESCAPED}</td>`));
  assert.ok(approvals.includes(`/ui/terminations/${terminationId}/approve`));
});

test('a search or filter value full of markup comes back as text in the form', async () => {
  const r = await getPage(collector.app, session, `/ui/hosts?q=${encodeURIComponent('"><script>x')}&image=${encodeURIComponent(EVIL)}`);
  assert.equal(r.statusCode, 200);
  assert.ok(r.body.includes('value="&quot;&gt;&lt;script&gt;x"'));
  assert.ok(r.body.includes(`value="${ESCAPED}"`));
  const bad = await getPage(collector.app, session, `/ui/hosts?state=${encodeURIComponent(EVIL)}`);
  assert.equal(bad.statusCode, 400);
  assert.ok(!bad.body.includes('<script>alert'), 'the error page echoes no markup');
});

test('html escapes every interpolation, passes only its own markup, and has no way to pass a string as markup', () => {
  assert.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  const inner = html`<b>${EVIL}</b>`;
  assert.equal(htmlText(html`<p>${inner}${[EVIL, 1, null, undefined, false]}</p>`), `<p><b>${ESCAPED}</b>${ESCAPED}1</p>`);
  // An object dressed up as markup is still text.
  const forged = { toString: () => EVIL } as unknown as SafeHtml;
  assert.equal(htmlText(html`${forged}`), ESCAPED);
  assert.equal(htmlText(join([html`<i>a</i>`, html`<i>b</i>`], '<br>')), '<i>a</i>&lt;br&gt;<i>b</i>');
});
