// The dashboard end to end in headless Chromium (Debian's, driven by
// playwright-core; no browser download) against a real collector process
// with an exec terminator and a policy whose governor holds every
// termination for approval; agents are FakeAgents over real HTTP. A responder
// signs in, sees a drifted host appear live on the overview and the host list
// (no reload), opens the diff of a captured config file, approves the held
// termination (the command then runs), and finds the audit entry on the host
// page and in the API. A file named <script>alert(1)</script> shows as text
// and no dialog ever opens. Screenshots go to test-output/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { api, waitFor } from './helpers/agent-process.js';
import { startCollector, type CollectorProcess } from './helpers/collector-process.js';
import { captured, sha256 } from './helpers/content.js';
import { ADMIN_TOKEN, FakeAgent, type SendFn } from './helpers/fake-agent.js';
import { makeTempDir, REPO_ROOT, removeTempDir } from './helpers/temp-tree.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = join(REPO_ROOT, 'test-output');
const pb = driftwatch.v1;
const K = pb.EventKind;
const EVIL = '<script>alert(1)</script>';
const EVIL_PATH = `/etc/${EVIL}`;
const APP_V1 = 'listen = 0.0.0.0\nport = 8080\nworkers = 4\n';
const APP_V2 = 'listen = 0.0.0.0\nport = 9090\nworkers = 4\n';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} is absent (apt-get install chromium): the dashboard's browser test cannot run`;

let dir: string;
let marker: string;
let collector: CollectorProcess;
let browser: Browser;
const dialogs: string[] = [];

before(async () => {
  if (skip !== false) return;
  dir = makeTempDir();
  mkdirSync(OUT, { recursive: true });
  marker = join(dir, 'terminated.txt');
  const script = join(dir, 'terminate-host');
  writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$DRIFTWATCH_HOST_ID" >> '${marker}'\necho terminated\n`);
  chmodSync(script, 0o755);
  const policy = join(dir, 'policy.yaml');
  writeFileSync(policy, ['version: 1', 'rules:', '  - name: app-config', '    match: {kind: file_changed, path: /etc/app.conf}', '    verdict: terminate',
    '    severity: high', 'default: {verdict: alert, severity: medium}', 'governor: {approval: always}', ''].join('\n'));
  const config = join(dir, 'collector.yaml');
  writeFileSync(config, ['alerts: {group_window_seconds: 0}', 'terminator:', '  type: exec', `  command: ["${script}"]`, '  timeout_seconds: 10', ''].join('\n'));
  collector = await startCollector(join(dir, 'collector.db'), ['--config', config, '--policy', policy]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});

after(async () => {
  if (skip !== false) return;
  await browser.close();
  collector.child.kill('SIGTERM');
  removeTempDir(dir);
});

function overHttp(base: string): SendFn {
  return async (method, path, body, headers) => {
    const r = await fetch(`${base}${path}`, { method, headers, body: Buffer.from(body) });
    return { status: r.status, body: Buffer.from(await r.arrayBuffer()) };
  };
}

const entry = (path: string, content: string): driftwatch.v1.IFileEntry => ({ path: Buffer.from(path), type: 1, mode: 0o644, sha256: sha256(content), size: content.length });

/** A host sealed with /etc/app.conf and the oddly named file, both captured. */
async function sealedHost(name: string): Promise<FakeAgent> {
  const agent = new FakeAgent(overHttp(collector.base), name, 'ami-e2e');
  assert.equal((await agent.enroll()).status, 200);
  const files = [entry(EVIL_PATH, 'x = 1\n'), entry('/etc/app.conf', APP_V1)].sort((a, b) => Buffer.compare(Buffer.from(a.path!), Buffer.from(b.path!)));
  assert.equal((await agent.post('/api/v1/agent/baseline', FakeAgent.baseline(files))).status, 200);
  assert.equal((await agent.post('/api/v1/agent/content', pb.ContentUpload.encode({ contents: [captured(APP_V1), captured('x = 1\n')] }).finish())).status, 200);
  return agent;
}

async function responderToken(): Promise<{ id: string; secret: string }> {
  const r = await fetch(`${collector.base}/api/v1/tokens`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'on-call', role: 'responder' }),
  });
  const body = (await r.json()) as { token: { id: string }; secret: string };
  return { id: body.token.id, secret: body.secret };
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${collector.base}${url}`);
  return page;
}

test('sign in, see drift arrive live, open a diff, approve a held termination, find it audited; markup stays text', { skip, timeout: 120_000 }, async (t) => {
  const token = await responderToken();
  const [web, quiet] = [await sealedHost('web-live'), await sealedHost('web-quiet')];

  // Sign in: the overview redirects to the sign-in page, which comes back to it.
  const overview = await openPage('/ui');
  assert.match(overview.url(), /\/ui\/sign-in\?next=%2Fui$/);
  await overview.fill('input[name=token]', token.secret);
  await overview.click('button[type=submit]');
  await overview.waitForURL(`${collector.base}/ui`);
  const cookies = await overview.context().cookies();
  assert.ok(cookies.some((c) => c.name === 'dw_session' && c.httpOnly && c.sameSite === 'Strict' && c.path === '/ui'));
  assert.ok(!cookies.some((c) => c.value.includes(token.secret)));
  const hostList = await browser.newPage({ storageState: await overview.context().storageState() });
  hostList.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await hostList.goto(`${collector.base}/ui/hosts?state=drifted`);
  assert.match(await hostList.textContent('#host-list') ?? '', /No host matches/);
  for (const p of [overview, hostList]) {
    await p.locator('#live-status', { hasText: /^live$/ }).waitFor();
    await p.evaluate('window.notReloaded = true');
  }

  // Drift arrives after the pages are open.
  const events = [
    web.nextEvent(K.EVENT_KIND_FILE_CHANGED, '/etc/app.conf', { changes: [pb.Change.CHANGE_CONTENT], before: entry('/etc/app.conf', APP_V1), after: entry('/etc/app.conf', APP_V2), content: captured(APP_V2) }),
    web.nextEvent(K.EVENT_KIND_FILE_CHANGED, EVIL_PATH, { changes: [pb.Change.CHANGE_CONTENT], before: entry(EVIL_PATH, 'x = 1\n'), after: entry(EVIL_PATH, 'x = 2\n'), content: captured('x = 2\n') }),
  ];
  assert.equal((await web.post('/api/v1/agent/events', FakeAgent.batch(events))).status, 200);
  await overview.locator('#latest', { hasText: 'web-live' }).waitFor({ timeout: 15_000 });
  await overview.locator('#states a[href="/ui/hosts?state=drifted"] strong', { hasText: /^1$/ }).waitFor({ timeout: 15_000 });
  await hostList.locator('#host-list', { hasText: 'web-live' }).waitFor({ timeout: 15_000 });
  for (const p of [overview, hostList]) assert.equal(await p.evaluate('window.notReloaded'), true, 'updated without a reload');
  assert.doesNotMatch(await hostList.textContent('#host-list') ?? '', /web-quiet/, 'only the drifted host is listed');
  assert.ok((await overview.textContent('#latest'))!.includes(EVIL_PATH), 'the odd file name is text');
  const overviewShot = join(OUT, 'dashboard-overview.png');
  await overview.screenshot({ path: overviewShot, fullPage: true });

  // The diff of the captured config file.
  await overview.click('#latest a:text("/etc/app.conf")');
  await overview.waitForSelector('pre.diff');
  const diff = (await overview.textContent('pre.diff'))!;
  assert.match(diff, /^-port = 8080$/m);
  assert.match(diff, /^\+port = 9090$/m);
  const diffShot = join(OUT, 'dashboard-diff.png');
  await overview.screenshot({ path: diffShot, fullPage: true });

  // The governor holds the termination (approval: always); the responder approves it.
  const held = await waitFor('a termination pending approval', async () => {
    const { terminations } = await api<{ terminations: Array<{ id: number; host_id: string; hold_reason: string }> }>(collector.base, '/api/v1/terminations?state=pending_approval');
    return terminations.find((x) => x.host_id === web.hostId);
  }, 20_000, collector.logs);
  await overview.goto(`${collector.base}/ui/approvals`);
  const row = overview.locator(`#termination-${held.id}`);
  assert.ok((await row.textContent())!.includes(held.hold_reason));
  await row.locator('form.decide:has(button.approve) input[name=reason]').fill('config change confirmed by on-call');
  await row.locator('button.approve').click();
  await overview.waitForSelector('p.notice');
  assert.equal(await overview.textContent('p.notice'), `Termination ${held.id} approved.`);
  await waitFor('the exec terminator to run', async () => (existsSync(marker) && readFileSync(marker, 'utf8').includes(web.hostId) ? true : undefined), 20_000, collector.logs);

  // The audit entry, on the host page and in the API.
  await overview.goto(`${collector.base}/ui/hosts/${web.hostId}`);
  const actions = (await overview.textContent('#actions'))!;
  assert.match(actions, /termination\.approve/);
  assert.ok(actions.includes(token.id) && actions.includes('config change confirmed by on-call'));
  const { audit } = await api<{ audit: Array<{ actor: string; action: string; detail: Record<string, unknown> }> }>(collector.base, '/api/v1/audit');
  const approval = audit.find((a) => a.action === 'termination.approve' && a.detail.termination_id === held.id);
  assert.deepEqual([approval?.actor, approval?.detail.reason, approval?.detail.role], [token.id, 'config change confirmed by on-call', 'responder']);

  // Markup from the host is text: in the timeline, and on its event page; no script of the host's ever ran.
  assert.ok((await overview.textContent('#timeline'))!.includes(EVIL_PATH));
  await overview.click(`#timeline a:text("${EVIL_PATH}")`);
  await overview.waitForSelector('pre.diff');
  assert.ok((await overview.textContent('h1'))!.includes(EVIL_PATH));
  assert.equal(await overview.evaluate('document.scripts.length'), 1, 'only the dashboard\'s own script');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(quiet.hostId.length, 32);
  t.diagnostic(`screenshots: ${overviewShot}, ${diffShot}`);
  console.log(`# dashboard screenshots: ${overviewShot} ${diffShot}`);
});
