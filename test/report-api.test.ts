// GET /api/v1/reports: its scopes (host, image group, fleet time range with
// label narrowing), its parameters checked (400 COLLECTOR_BAD_REQUEST), an
// unknown host (404), and its roles (any operator token; none: 401).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import { ADMIN_TOKEN } from './helpers/fake-agent.js';
import { seedReportFleet, T0, type ReportFleet } from './helpers/report-fleet.js';

let c: TestCollector;
let fleet: ReportFleet;
const viewer = newSecret();

/** token '': none sent. */
async function get(query: string, token = viewer) {
  const r = await c.app.inject({ method: 'GET', url: `/api/v1/reports?${query}`, headers: token === '' ? {} : { authorization: `Bearer ${token}` } });
  const json = r.headers['content-type']?.toString().startsWith('application/json') === true ? JSON.parse(r.body) as Record<string, unknown> : {};
  return { status: r.statusCode, headers: r.headers, body: r.body, json, code: (json.error as { code?: string } | undefined)?.code };
}

type Rep = { report: { scope: Record<string, unknown>; events: Array<{ hostname: string }>; terminations: unknown[] } };
const hostnames = (r: { json: Record<string, unknown> }): string[] => [...new Set((r.json as Rep).report.events.map((e) => e.hostname))].sort();

before(async () => {
  c = await startTestCollector();
  await c.store.createToken('viewer', 'viewer', hashSecret(viewer), new Date(), 'test');
  fleet = await seedReportFleet(c.store, 'someone');
});
after(async () => c.close());

test('scopes: one host, an image group, the fleet in a window narrowed by image or label', async () => {
  const host = await get(`host=${fleet.web2.id}&format=json`);
  assert.equal(host.status, 200);
  assert.deepEqual((host.json as Rep).report.scope, { kind: 'host', host_id: fleet.web2.id, hostname: 'web-2' });
  assert.deepEqual(hostnames(host), ['web-2']);
  assert.match(String(host.headers['content-disposition']), /^attachment; filename="driftwatch-report-host-web-2-\d{8}T\d{6}Z\.json"$/);

  const image = await get('image=ami-web');
  assert.deepEqual(hostnames(image), ['web-1', 'web-2']);
  assert.equal((image.json as Rep).report.terminations.length, 1);
  const since = new Date(T0).toISOString();
  assert.deepEqual(hostnames(await get(`since=${since}`)), ['db-1', 'web-1', 'web-2']);
  assert.deepEqual(hostnames(await get(`since=${since}&label=role=db`)), ['db-1']);
  assert.deepEqual(hostnames(await get(`since=${since}&image=ami-web&label=role=web`)), ['web-1', 'web-2']);
  // The window is half-open: until excludes the events received at it and after.
  assert.deepEqual(hostnames(await get(`since=${since}&until=${new Date(T0 + 60_000).toISOString()}`)), ['db-1']);
  assert.deepEqual(hostnames(await get(`since=${new Date(T0 + 7_200_000).toISOString()}`)), []);
});

test('content types and headers for each format', async () => {
  const types = { json: 'application/json', markdown: 'text/markdown', html: 'text/html', csv: 'text/csv' };
  const ext = { json: 'json', markdown: 'md', html: 'html', csv: 'csv' };
  for (const [format, type] of Object.entries(types) as Array<[keyof typeof types, string]>) {
    const r = await get(`image=ami-db&format=${format}`);
    assert.equal(r.status, 200);
    assert.ok(String(r.headers['content-type']).startsWith(`${type}; charset=utf-8`), String(r.headers['content-type']));
    assert.match(String(r.headers['content-disposition']), new RegExp(`filename="driftwatch-report-image-ami-db-\\d{8}T\\d{6}Z\\.${ext[format]}"`));
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  }
  assert.equal((await get('image=ami-db&format=html')).headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'");
  // A file name only of safe characters, whatever the image id holds.
  assert.match(String((await get('image=a%22b%0D%0Ac')).headers['content-disposition']), /filename="driftwatch-report-image-a_b_c-/);
});

test('parameters are checked: 400 COLLECTOR_BAD_REQUEST with what is wrong', async () => {
  const cases: Array<[string, RegExp]> = [
    ['', /host=ID, image=ID, or since=/],
    ['format=pdf&host=' + fleet.web1.id, /format must be one of json, markdown, html, csv/],
    [`host=${fleet.web1.id}&image=ami-web`, /not both/],
    ['host=WEB1', /32 hex digits/],
    [`host=${fleet.web1.id}&label=role=web`, /label narrows/],
    ['since=yesterday', /since is not a date/],
    ['since=2024-05-02T00:00:00Z&until=2024-05-01T00:00:00Z', /since must be before until/],
    ['image=ami-web&max_events=0', /max_events must be 1\.\.10000/],
    ['image=ami-web&max_events=10001', /max_events must be 1\.\.10000/],
    ['image=ami-web&label=role', /label must be key=value/],
    ['image=ami-web&hosts=x', /unknown parameter hosts/],
    ['image=ami-web&image=ami-db', /more than once/],
    ['image=', /image must not be empty/],
  ];
  for (const [q, message] of cases) {
    const r = await get(q);
    assert.equal(r.status, 400, q);
    assert.equal(r.code, 'COLLECTOR_BAD_REQUEST', q);
    assert.match((r.json.error as { message: string }).message, message, q);
  }
  const missing = await get(`host=${'0'.repeat(32)}`);
  assert.deepEqual([missing.status, missing.code], [404, 'COLLECTOR_NOT_FOUND']);
});

test('roles: a viewer (and so every role) may read reports; no or a wrong token may not', async () => {
  assert.equal((await get('image=ami-web', ADMIN_TOKEN)).status, 200);
  const none = await get('image=ami-web', '');
  assert.deepEqual([none.status, none.code], [401, 'COLLECTOR_AUTH_REQUIRED']);
  assert.equal((await get('image=ami-web', 'dwt_nope')).status, 401);
  const route = (await import('../collector/api/operator-auth.js')).operatorRoutes(c.app).find((r) => r.url === '/api/v1/reports' && r.method === 'GET');
  assert.deepEqual([route?.minRole, route?.declared], ['viewer', true]);
});
