// What the agent captures: the denylist over any glob, text only, within the
// size bound, the very version that was hashed, a budget per batch; the
// baseline's contents file and its upload batches; the capture settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentAttacher, BATCH_BUDGET_BYTES } from '../agent/capture/attach-content.js';
import { captureBaseline } from '../agent/capture/baseline-content.js';
import { captureFile } from '../agent/capture/capture-file.js';
import { captureRules, DENYLIST } from '../agent/capture/capture-rules.js';
import { contentBatches } from '../agent/capture/content-file.js';
import { inflateContent } from '../common/content-codec.js';
import type { CapturedFile, DriftEvent, FileEntry } from '../agent/model.js';
import { driftwatch } from '../proto/gen/driftwatch.js';
import { load, refused } from './helpers/agent-config.js';
import { put, tempRoots } from './helpers/temp-tree.js';

const tempDir = tempRoots('driftwatch-capture-');
const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');
const settings = { globs: ['/etc/**'], maxBytes: 1024, secret: ['/etc/app/creds/**'] };

function entry(path: string, content: string | Buffer): FileEntry {
  return {
    path, type: 'file', mode: 0o644, uid: 0, gid: 0, size: Buffer.byteLength(content), mtimeNs: 1n, ctimeNs: 1n, inode: 1,
    sha256: sha(content), target: '', capabilities: '', error: '',
  };
}

const text = (c: CapturedFile): string => inflateContent(c.compressed, c.size).toString('utf8');

test('the denylist wins over every capture glob; secret globs add to it', () => {
  const decide = captureRules({ globs: ['/**'], secret: ['/etc/app/creds/**'] });
  const denied = ['/etc/shadow', '/etc/shadow-', '/etc/gshadow', '/etc/gshadow-', '/etc/security/opasswd', '/etc/ssl/private/site.key',
    '/etc/ssl/private/notes.txt', '/etc/pki/tls/private/x', '/etc/nginx/site.KEY', '/etc/nginx/chain.pem', '/etc/ssh/ssh_host_rsa_key',
    '/etc/ssh/ssh_host_ed25519_key', '/root/.ssh/id_ed25519', '/etc/app/creds/db.conf', '/etc/wireguard/wg0.conf', '/etc/nginx/.htpasswd'];
  for (const p of denied) assert.equal(decide(p), 'denylisted', p);
  for (const p of ['/etc/ssh/ssh_host_rsa_key.pub', '/etc/ssh/sshd_config', '/etc/passwd', '/etc/ssl/certs/ca.crt', '/etc/shadowsocks.json']) {
    assert.equal(decide(p), 'capture', p);
  }
  assert.equal(captureRules({ globs: ['/etc/**'], secret: [] })('/usr/bin/ls'), 'not_matched');
  assert.equal(captureRules({ globs: [], secret: [] })('/etc/hosts'), 'not_matched');
  assert.ok(DENYLIST.includes('**/shadow'));
});

test('a file is captured when it is text, within the bound and still the version that was hashed', () => {
  const root = tempDir();
  put(root, 'etc/app.conf', 'port = 8080\npassword = hunter2\n');
  put(root, 'etc/plain.conf', 'a\nb\n');
  put(root, 'etc/bin.dat', Buffer.from([0x41, 0x00, 0x42]));
  put(root, 'etc/latin1.conf', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  put(root, 'etc/big.conf', 'x'.repeat(1025));
  symlinkSync('plain.conf', join(root, 'etc/link.conf'));

  const app = captureFile(root, '/etc/app.conf', sha('port = 8080\npassword = hunter2\n'), 1024);
  assert.ok('content' in app);
  assert.equal(text(app.content), 'port = 8080\npassword = [redacted]\n');
  assert.equal(app.content.redacted, true);
  assert.equal(app.content.sha256, sha('port = 8080\npassword = hunter2\n'), 'the sha256 is the file\'s on disk');
  const plain = captureFile(root, '/etc/plain.conf', sha('a\nb\n'), 1024);
  assert.ok('content' in plain && !plain.content.redacted && text(plain.content) === 'a\nb\n');

  assert.deepEqual(captureFile(root, '/etc/bin.dat', sha(Buffer.from([0x41, 0x00, 0x42])), 1024), { skip: 'binary' });
  assert.deepEqual(captureFile(root, '/etc/latin1.conf', sha(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), 1024), { skip: 'binary' });
  assert.deepEqual(captureFile(root, '/etc/big.conf', sha('x'.repeat(1025)), 1024), { skip: 'too_large' });
  assert.deepEqual(captureFile(root, '/etc/link.conf', sha('a\nb\n'), 1024), { skip: 'unreadable' }, 'a symlink is never followed');
  assert.deepEqual(captureFile(root, '/etc/gone.conf', sha(''), 1024), { skip: 'unreadable' });
  // Changed since it was hashed: the content belongs to a later event, not this one.
  writeFileSync(join(root, 'etc/plain.conf'), 'a\nB\n');
  assert.deepEqual(captureFile(root, '/etc/plain.conf', sha('a\nb\n'), 1024), { skip: 'unreadable' });
});

test('events get content where it is new, a reason where it is not, and no more than the budget per batch', () => {
  const root = tempDir();
  const files: Record<string, string> = { 'etc/a.conf': 'a=1\n', 'etc/shadow': 'root:$y$j9T$abc:19000::::::\n', 'usr/bin/tool': 'bin' };
  for (const [p, c] of Object.entries(files)) put(root, p, c);
  const attach = contentAttacher(root, settings);
  const a = entry('/etc/a.conf', 'a=1\n');
  const events: DriftEvent[] = [
    { kind: 'file_changed', path: a.path, changes: ['content'], before: { ...a, sha256: sha('a=0\n') }, after: a },
    { kind: 'file_changed', path: a.path, changes: ['mode'], before: a, after: a },
    { kind: 'file_added', path: '/etc/shadow', after: entry('/etc/shadow', files['etc/shadow']!) },
    { kind: 'file_added', path: '/usr/bin/tool', after: entry('/usr/bin/tool', 'bin') },
    { kind: 'file_removed', path: a.path, before: a },
    { kind: 'file_added', path: '/etc/big', after: { ...entry('/etc/big', 'x'), size: 5000 } },
  ];
  const out = attach(events);
  assert.equal(text(out[0]!.content!), 'a=1\n');
  assert.deepEqual(out.slice(1).map((e) => [e.content, e.captureSkip]), [
    [undefined, undefined], [undefined, 'denylisted'], [undefined, 'not_matched'], [undefined, undefined], [undefined, 'too_large'],
  ]);

  // Past the budget, the rest say so instead of holding more content in memory.
  const budget = 3000;
  const many: DriftEvent[] = [];
  for (let i = 0; i < 8; i++) {
    // Hex digests do not compress much: each file costs most of its size of the budget.
    const content = `${Array.from({ length: 16 }, (_, j) => sha(`${i}/${j}`)).join('\n')}\n`;
    put(root, `etc/many/${i}.conf`, content);
    many.push({ kind: 'file_added', path: `/etc/many/${i}.conf`, after: entry(`/etc/many/${i}.conf`, content) });
  }
  const attached = contentAttacher(root, { ...settings, maxBytes: 4096 }, budget)(many);
  const sizes = attached.map((e) => e.content?.compressed.length ?? 0);
  const kept = sizes.filter((n) => n > 0).length;
  assert.ok(kept >= 1 && kept < 8, `${kept} kept`);
  assert.deepEqual(attached.slice(kept).map((e) => e.captureSkip), new Array(8 - kept).fill('budget'));
  assert.ok(sizes.slice(0, kept - 1).reduce((t, n) => t + n, 0) < budget, 'content is attached only while the budget lasts');
  assert.ok(BATCH_BUDGET_BYTES >= 1 << 20);
});

test('the baseline contents file holds each content once and is read back in bounded, whole-record batches', () => {
  const root = tempDir();
  const state = tempDir();
  const files: Record<string, string> = {
    'etc/a.conf': 'same\n', 'etc/b.conf': 'same\n', 'etc/c.conf': 'token: abc\n', 'etc/shadow': 'root:x\n', 'etc/big': 'y'.repeat(2000),
  };
  for (let i = 0; i < 20; i++) files[`etc/n/${i}`] = `value ${i}\n`.repeat(20);
  for (const [p, c] of Object.entries(files)) put(root, p, c);
  const entries = Object.entries(files).map(([p, c]) => entry(`/${p}`, c)).sort((x, y) => (x.path < y.path ? -1 : 1));
  const file = join(state, 'baseline-content.pb');
  const result = captureBaseline(root, entries, settings, file);
  assert.equal(result.captured, 22, 'a.conf and b.conf share one content');
  assert.deepEqual(result.skipped, { denylisted: 1, too_large: 1 });
  const all = driftwatch.v1.ContentUpload.decode(readFileSync(file)).contents;
  assert.equal(all.length, 22);
  const tokenLine = all.map((c) => inflateContent(c.compressed!, Number(c.size)).toString()).find((t) => t.startsWith('token'));
  assert.equal(tokenLine, 'token: [redacted]\n');

  const batches = [...contentBatches(file, 200, 5)];
  assert.ok(batches.length >= 5);
  const decoded = batches.map((b) => driftwatch.v1.ContentUpload.decode(b).contents);
  assert.ok(decoded.every((d) => d.length >= 1 && d.length <= 5));
  assert.ok(batches.every((b, i) => b.length <= 200 || decoded[i]!.length === 1));
  assert.deepEqual(Buffer.concat(batches), readFileSync(file), 'batches are the file, in order, nothing left out');
});

test('capture settings: defaults, values, and refusals naming the key', () => {
  const c = load('capture: ["/etc/**", "/srv/app/*.yaml"]\ncapture_max_bytes: 4096\nsecret: ["**/vault/**"]\n');
  assert.deepEqual([c.capture, c.captureMaxBytes, c.secret], [['/etc/**', '/srv/app/*.yaml'], 4096, ['**/vault/**']]);
  assert.deepEqual(load('capture: []').capture, []);
  assert.match(refused('capture: ["etc/**"]'), /^agent\.yaml:1: capture\[0\]: etc\/\*\* must start with \/ or \*\*/);
  assert.match(refused('secret:\n  - "*.conf"\n'), /^agent\.yaml:2: secret\[0\]: /);
  assert.match(refused('capture_max_bytes: 2000000'), /^agent\.yaml:1: capture_max_bytes: Expected integer to be less or equal to 1048576/);
  assert.match(refused('capture_max_bytes: 0'), /^agent\.yaml:1: capture_max_bytes: /);
});
