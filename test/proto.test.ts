// The wire format: generated code matches the .proto files, and a manifest
// written by scan --format proto is standard protobuf that protoc can decode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir, removeTempDir, writeTree, REPO_ROOT } from './helpers/temp-tree.js';
import { runAgent } from './helpers/run-cli.js';

const hasProtoc = spawnSync('protoc', ['--version']).error === undefined;
// In CI the tool is installed by .ci/run, so its absence is a failure there, not a skip.
const protocSkip = hasProtoc ? false : process.env.CI ? false : "protoc missing (Debian package protobuf-compiler)";
let dir: string;

/** protoc's text format writes bytes C-style: \NNN octal, \n and friends, printable ASCII as is. */
function unescapeProtocBytes(s: string): Buffer {
  const named: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, "'": 39, '\\': 92 };
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') { out.push(s.charCodeAt(i)); continue; }
    const oct = /^[0-7]{3}/.exec(s.slice(i + 1));
    if (oct) { out.push(parseInt(oct[0], 8)); i += 3; } else { out.push(named[s[i + 1]!]!); i += 1; }
  }
  return Buffer.from(out);
}

before(() => { dir = makeTempDir(); });
after(() => removeTempDir(dir));

test('generated protobuf code is up to date with proto/driftwatch/v1/*.proto', () => {
  const fresh = join(dir, 'gen');
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/proto-gen.mjs'), fresh]);
  for (const f of ['driftwatch.js', 'driftwatch.d.ts']) {
    assert.equal(readFileSync(join(fresh, f), 'utf8'), readFileSync(join(REPO_ROOT, 'proto/gen', f), 'utf8'),
      `proto/gen/${f} is stale: run npm run proto:gen`);
  }
});

test('protoc --decode=driftwatch.v1.Manifest reads what scan --format proto wrote', { skip: protocSkip }, () => {
  const root = join(dir, 'root');
  writeTree(root, { 'etc/hosts': '127.0.0.1 localhost\n', 'etc/ssh/sshd_config': 'PermitRootLogin no\n' });
  const out = join(dir, 'm.pb');
  const r = runAgent(['scan', '--root', root, '--paths', '/etc', '--format', 'proto', '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  const decoded = execFileSync('protoc', ['-I', join(REPO_ROOT, 'proto'), '--decode=driftwatch.v1.Manifest', 'driftwatch/v1/manifest.proto'], {
    cwd: join(REPO_ROOT, 'proto'), input: readFileSync(out),
  }).toString();
  assert.match(decoded, /format_version: 1/);
  assert.match(decoded, /path: "\/etc\/ssh\/sshd_config"/);
  assert.match(decoded, /type: FILE_TYPE_FILE/);
  assert.match(decoded, /scanned_paths: "\/etc"/);
  // The same root, in hex, as the JSON manifest carries.
  const json = JSON.parse(runAgent(['scan', '--root', root, '--paths', '/etc', '--format', 'json']).stdout) as { merkle_root: string };
  const merkle = unescapeProtocBytes(/merkle_root: "(.*)"/.exec(decoded)?.[1] ?? '');
  assert.equal(merkle.toString('hex'), json.merkle_root);
});
