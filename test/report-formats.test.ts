// Drift reports in each format, read for what they say: the events, their
// verdicts and rules, the terminations, what was decided, by whom and why;
// and for how they keep hostile names inert: HTML escaping, CSV quoting and
// formula protection, Markdown escaping; and the truncation notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hashSecret, newSecret } from '../collector/api/operator-auth.js';
import { csvField } from '../collector/report/render-csv.js';
import { mdEscape } from '../collector/report/render-markdown.js';
import { startTestCollector, type TestCollector } from './helpers/collector-app.js';
import {
  APPROVE_REASON, DENY_REASON, FORMULA_PACKAGE, PIPE_NAME, SCRIPT_NAME, seedReportFleet, T0, type ReportFleet,
} from './helpers/report-fleet.js';

let c: TestCollector;
let fleet: ReportFleet;
const viewer = newSecret();
let responderId = '';

async function report(query: string): Promise<{ status: number; body: string; type: string; disposition: string }> {
  const r = await c.app.inject({ method: 'GET', url: `/api/v1/reports?${query}`, headers: { authorization: `Bearer ${viewer}` } });
  return { status: r.statusCode, body: r.body, type: String(r.headers['content-type']), disposition: String(r.headers['content-disposition']) };
}

before(async () => {
  c = await startTestCollector();
  await c.store.createToken('viewer', 'viewer', hashSecret(viewer), new Date(), 'test');
  responderId = (await c.store.createToken('alice', 'responder', hashSecret(newSecret()), new Date(), 'test')).id;
  fleet = await seedReportFleet(c.store, responderId);
});
after(async () => c.close());

const RANGE = `since=${new Date(T0).toISOString()}&until=${new Date(T0 + 3_600_000).toISOString()}`;

test('JSON: the events with verdicts and rules, the terminations with who decided and why, the header and totals', async () => {
  const r = await report(RANGE);
  assert.equal(r.status, 200);
  assert.equal(r.type, 'application/json; charset=utf-8');
  assert.match(r.disposition, /^attachment; filename="driftwatch-report-fleet-\d{8}T\d{6}Z\.json"$/);
  const rep = (JSON.parse(r.body) as { report: Record<string, unknown> }).report as {
    scope: { kind: string }; since: string; until: string; policy_source: string; truncated: boolean;
    totals: { events: number; by_verdict: Record<string, number>; hosts_affected: number; terminations_by_outcome: Record<string, number> };
    events: Array<{ hostname: string; kind: string; subject: string; verdict: string | null; rule: string | null; before: string; after: string; termination_id: number | null }>;
    terminations: Array<{ id: number; outcome: string; decided_by: string; decision_reason: string; held_because: string; history: Array<{ by: string; action: string; reason: string }> }>;
  };
  assert.equal(rep.scope.kind, 'fleet');
  assert.equal(rep.since, new Date(T0).toISOString());
  assert.equal(rep.policy_source, 'built-in default');
  assert.equal(rep.truncated, false);
  assert.deepEqual(rep.totals, {
    events: 7, by_verdict: { ignore: 0, flag: 2, alert: 2, terminate: 2, none: 1 }, hosts_affected: 3,
    terminations_by_outcome: { requested: 0, held: 0, approved: 1, denied: 1, done: 0, failed: 0 },
  });
  // Oldest first, across the fleet.
  assert.deepEqual(rep.events.map((e) => e.subject), ['/etc/motd', '/etc/hosts', SCRIPT_NAME, PIPE_NAME, `${FORMULA_PACKAGE} 1 all`, '/usr/bin/ls', 'openssl 3.0.14-1 amd64']);
  const ls = rep.events.find((e) => e.subject === '/usr/bin/ls')!;
  assert.deepEqual([ls.hostname, ls.verdict, ls.rule, ls.termination_id], ['web-2', 'terminate', 'binaries', fleet.approvedId]);
  assert.match(ls.before, /content sha256:eeeeeeeeeeee 120 B, mode 0644/);
  assert.match(ls.after, /mode 4755/);
  const ssl = rep.events.find((e) => e.kind === 'package_changed')!;
  assert.deepEqual([ssl.before, ssl.after], ['openssl 3.0.13-1 amd64', 'openssl 3.0.14-1 amd64']);
  assert.equal(rep.events.find((e) => e.subject === '/etc/motd')!.verdict, null);

  const approved = rep.terminations.find((t) => t.id === fleet.approvedId)!;
  assert.equal(approved.outcome, 'approved');
  assert.equal(approved.decided_by, `alice (token ${responderId})`);
  assert.equal(approved.decision_reason, APPROVE_REASON);
  assert.match(approved.held_because, /approval is "always"/);
  assert.deepEqual(approved.history.map((h) => [h.by, h.action]), [['governor', 'hold'], [`alice (token ${responderId})`, 'approve']]);
  assert.equal(rep.terminations.find((t) => t.id === fleet.deniedId)!.decision_reason, DENY_REASON);
});

test('Markdown: header, totals, events table and audit log; pipes, backticks and HTML escaped', async () => {
  const r = await report(`${RANGE}&format=markdown`);
  assert.equal(r.type, 'text/markdown; charset=utf-8');
  assert.match(r.disposition, /filename="driftwatch-report-fleet-.*\.md"/);
  const md = r.body;
  assert.match(md, /^# Drift report: fleet\n/);
  assert.match(md, /- \*\*Policy:\*\* built-in default/);
  assert.match(md, /- \*\*Terminations by outcome:\*\* requested 0, held 0, approved 1, denied 1, done 0, failed 0/);
  const row = md.split('\n').find((l) => l.includes('/usr/bin/ls') && l.startsWith('| 20'))!;
  assert.match(row, /\| terminate \| critical \| binaries \| termination \d+ approved; held: governor approval is "always": every termination waits for a responder; decided by alice \(token [0-9a-f]+\): rootkit confirmed \(INC-9\) \|$/);
  assert.match(md, new RegExp(`denied; .*decided by alice .*: ${DENY_REASON}`));
  assert.match(md, /### Termination \d+ \(web-2\): audit log\n\n- .* governor hold: governor approval/);
  // Hostile names stay inside their cell and render as text.
  assert.ok(md.includes('/tmp/\\<script\\>alert(1)\\</script\\>'));
  assert.ok(md.includes('/etc/a\\|b\\`c\\`'));
  assert.ok(!md.includes('<script>'));
  for (const line of md.split('\n').filter((l) => l.startsWith('| 20'))) {
    assert.equal(line.replace(/\\\|/g, '').split('|').length, 14, `a row of 12 cells: ${line}`);
  }
  // The line break shows as \n (its backslash escaped in turn), never as a new line.
  assert.equal(mdEscape('a\nb|c'), 'a\\\\nb\\|c');
});

test('HTML: self-contained, every value escaped (a file named <script> is text)', async () => {
  const r = await report(`${RANGE}&format=html`);
  assert.equal(r.type, 'text/html; charset=utf-8');
  const html = r.body;
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<style>/);
  assert.ok(!/<script|<link|src=|href=/i.test(html), 'no scripts or external resources');
  assert.ok(html.includes('/tmp/&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('=HYPERLINK(&quot;http://evil&quot;) 1 all'));
  assert.match(html, /<td class="v-terminate">terminate<\/td><td>critical<\/td><td>binaries<\/td>/);
  assert.ok(html.includes(`decided by alice (token ${responderId}): ${APPROVE_REASON}`));
  assert.ok(html.includes(DENY_REASON));
  assert.match(html, /<dt>Hosts affected<\/dt><dd>3<\/dd>/);
});

test('CSV: RFC 4180 quoting, CRLF, formula protection; the decision on each event row', async () => {
  const r = await report(`${RANGE}&format=csv`);
  assert.equal(r.type, 'text/csv; charset=utf-8; header=present');
  const lines = r.body.split('\r\n');
  assert.equal(lines.at(-1), '');
  assert.equal(lines[0], 'record,host_id,time,host,seq,kind,subject,changes,before,after,verdict,severity,rule,action,termination_id,termination_outcome,decided_by,why');
  assert.ok(lines.includes('header,,,,,Policy,built-in default,,,,,,,,,,,'));
  const formula = lines.find((l) => l.includes('HYPERLINK'))!;
  assert.ok(formula.includes(`,"'=HYPERLINK(""http://evil"")" 1 all,`) || formula.includes(`,"'=HYPERLINK(""http://evil"") 1 all",`), formula);
  const ls = lines.find((l) => l.includes('/usr/bin/ls'))!;
  assert.ok(ls.includes(`,terminate,critical,binaries,`));
  assert.ok(ls.endsWith(`,${fleet.approvedId},approved,alice (token ${responderId}),${APPROVE_REASON}`), ls);
  assert.ok(lines.some((l) => l.endsWith(`,${fleet.deniedId},denied,alice (token ${responderId}),${DENY_REASON}`)));
  assert.equal(csvField('=1+2'), "'=1+2");
  assert.equal(csvField('+1'), "'+1");
  assert.equal(csvField('-1'), "'-1");
  assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvField('a,"b"\nc'), '"a,""b""\nc"');
  assert.equal(csvField('/etc/hosts'), '/etc/hosts');
});

test('a report holds at most max_events and says so in every format', async () => {
  for (const format of ['json', 'markdown', 'html', 'csv']) {
    const r = await report(`${RANGE}&format=${format}&max_events=3`);
    assert.equal(r.status, 200);
    assert.match(r.body, /Truncated: more than 3 events matched; this report holds the first 3 \(up to 2024-05-01T10:02:00\.000Z\)/, format);
  }
  const rep = (JSON.parse((await report(`${RANGE}&max_events=3`)).body) as { report: { events: unknown[]; truncated: boolean; totals: { events: number } } }).report;
  assert.deepEqual([rep.events.length, rep.truncated, rep.totals.events], [3, true, 3]);
  assert.match((await report(`${RANGE}&format=html`)).body, /^(?![\s\S]*Truncated)/);
});
