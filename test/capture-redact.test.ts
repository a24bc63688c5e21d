// Redaction of credentials in captured files: realistic config files in the
// formats they are written in, the real /etc of this machine (where present)
// for what must stay as it is, and the invariants (lines kept, only values go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { REDACTED, isSensitiveKey, redactText } from '../agent/capture/redact.js';

/** The lines redaction changed, as [original, redacted] pairs; checks the line count is kept. */
function changed(text: string): Array<[string, string]> {
  const r = redactText(text);
  const before = text.split('\n');
  const after = r.text.split('\n');
  assert.equal(after.length, before.length, 'line count kept');
  assert.equal(r.redacted, before.some((l, i) => l !== after[i]));
  return before.flatMap((l, i) => (l === after[i] ? [] : [[l, after[i]!] as [string, string]]));
}

test('key = value, key: value, export, JSON and YAML settings naming a secret lose their value, keep their key', () => {
  const env = [
    '# /etc/app/app.env', 'DATABASE_HOST=db.internal', 'DATABASE_PASSWORD=s3cr3t-Pa55', 'export API_KEY="k-7f9a2b"', 'LOG_LEVEL=info',
    'STRIPE_SECRET_KEY = sk_live_abc123', 'SESSION_TOKEN: tok-xyz', 'AUTH_TOKEN=', 'REDIS_PASS=\'hunter2\'',
  ].join('\n');
  assert.deepEqual(changed(env), [
    ['DATABASE_PASSWORD=s3cr3t-Pa55', `DATABASE_PASSWORD=${REDACTED}`],
    ['export API_KEY="k-7f9a2b"', `export API_KEY="${REDACTED}"`],
    ['STRIPE_SECRET_KEY = sk_live_abc123', `STRIPE_SECRET_KEY = ${REDACTED}`],
    ['SESSION_TOKEN: tok-xyz', `SESSION_TOKEN: ${REDACTED}`],
    ['REDIS_PASS=\'hunter2\'', `REDIS_PASS='${REDACTED}'`],
  ]);
  const json = '{\n  "auths": {\n    "registry.example.com": {\n      "auth": "dXNlcjpwYXNz",\n      "identitytoken": "eyJhbGciOi"\n    }\n  },\n  "clientSecret": "abc", "name": "x"\n}\n';
  assert.deepEqual(changed(json), [
    ['      "identitytoken": "eyJhbGciOi"', `      "identitytoken": "${REDACTED}"`],
    ['  "clientSecret": "abc", "name": "x"', `  "clientSecret": "${REDACTED}", "name": "x"`],
  ]);
  const yaml = 'database:\n  host: db\n  password: "p@ss w0rd"\nusers:\n  - name: ops\n  - passphrase: correct horse\n';
  assert.deepEqual(changed(yaml), [
    ['  password: "p@ss w0rd"', `  password: "${REDACTED}"`],
    ['  - passphrase: correct horse', `  - passphrase: ${REDACTED}`],
  ]);
});

test('AWS credentials, my.cnf, wpa_supplicant, ldap, snmpd and URLs with credentials', () => {
  const aws = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = eu-west-1\n';
  assert.deepEqual(changed(aws), [
    ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', `aws_access_key_id = ${REDACTED}`],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', `aws_secret_access_key = ${REDACTED}`],
  ]);
  assert.deepEqual(changed('[client]\nuser = backup\npassword = "b4ckup!"\nhost = localhost\n'), [['password = "b4ckup!"', `password = "${REDACTED}"`]]);
  assert.deepEqual(changed('network={\n\tssid="office"\n\tpsk="wifi-passphrase"\n\tkey_mgmt=WPA-PSK\n}\n'), [['\tpsk="wifi-passphrase"', `\tpsk="${REDACTED}"`]]);
  assert.deepEqual(changed('URI ldap://ldap.example.com\nBASE dc=example,dc=com\nbinddn cn=proxy,dc=example,dc=com\nbindpw Pr0xyPw\n'),
    [['bindpw Pr0xyPw', `bindpw ${REDACTED}`]]);
  assert.deepEqual(changed('agentAddress udp:161\nrocommunity s3cretc0mm default -V systemonly\nsysLocation Rack 4\n'),
    [['rocommunity s3cretc0mm default -V systemonly', `rocommunity ${REDACTED} default -V systemonly`]]);
  assert.deepEqual(changed('[epel]\nbaseurl=https://mirror:m1rr0rpw@repo.example.com/epel/9/\nenabled=1\n'),
    [['baseurl=https://mirror:m1rr0rpw@repo.example.com/epel/9/', `baseurl=https://mirror:${REDACTED}@repo.example.com/epel/9/`]]);
  // An access key id is a credential wherever it appears.
  assert.deepEqual(changed('# rotated: ASIAY34FZKBOKMUTVV7A\n'), [['# rotated: ASIAY34FZKBOKMUTVV7A', `# rotated: ${REDACTED}`]]);
});

test('private key blocks lose their body, flags and XML elements their values, crypt and grub hashes go', () => {
  const ovpn = 'client\nremote vpn.example.com 1194\n<key>\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n</key>\nverb 3\n';
  assert.deepEqual(changed(ovpn), [['MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', REDACTED], ['BKcwggSjAgEAAoIBAQC7', REDACTED]]);
  const rsa = '-----BEGIN RSA PRIVATE KEY-----\r\nMIIEpAIBAAKCAQEA\r\n-----END RSA PRIVATE KEY-----\r\n';
  assert.equal(redactText(rsa).text, `-----BEGIN RSA PRIVATE KEY-----\r\n${REDACTED}\r\n-----END RSA PRIVATE KEY-----\r\n`);
  assert.deepEqual(changed('{"key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE\\n-----END EC PRIVATE KEY-----\\n"}'),
    [['{"key": "-----BEGIN EC PRIVATE KEY-----\\nMHcCAQEE\\n-----END EC PRIVATE KEY-----\\n"}', `{"key": "-----BEGIN EC PRIVATE KEY-----${REDACTED}-----END EC PRIVATE KEY-----\\n"}`]]);
  const unit = '[Service]\nExecStart=/usr/bin/exporter --db-password=hunter2 --listen :9100 --token "abc def"\n';
  assert.deepEqual(changed(unit), [[
    'ExecStart=/usr/bin/exporter --db-password=hunter2 --listen :9100 --token "abc def"',
    `ExecStart=/usr/bin/exporter --db-password=${REDACTED} --listen :9100 --token "${REDACTED}"`,
  ]]);
  assert.deepEqual(changed('<server>\n  <id>nexus</id>\n  <username>deploy</username>\n  <password>d3pl0y</password>\n</server>\n'),
    [['  <password>d3pl0y</password>', `  <password>${REDACTED}</password>`]]);
  assert.deepEqual(changed('admin:$apr1$Lr0x8Rq1$3yK6z4fJ7oUeYbYQ0mNf11\n'), [['admin:$apr1$Lr0x8Rq1$3yK6z4fJ7oUeYbYQ0mNf11', `admin:${REDACTED}`]]);
  assert.deepEqual(changed('set superusers="root"\npassword_pbkdf2 root grub.pbkdf2.sha512.10000.9C8F1E2D3A4B.A1B2C3D4E5F6\n'),
    [['password_pbkdf2 root grub.pbkdf2.sha512.10000.9C8F1E2D3A4B.A1B2C3D4E5F6', `password_pbkdf2 root ${REDACTED}`]]);
});

test('what is not a credential stays: PAM password lines, nsswitch, ssh options, /etc/services, password policy', () => {
  const text = [
    'password\t[success=1 default=ignore]\tpam_unix.so obscure yescrypt', 'password\trequisite\t\t\tpam_deny.so',
    '-password optional pam_gnome_keyring.so', 'passwd:         files systemd', 'shadow:         files',
    'PasswordAuthentication no', 'PermitEmptyPasswords no', 'GSSAPIDelegateCredentials no', 'PubkeyAuthentication yes',
    'HostKey /etc/ssh/ssh_host_ed25519_key', 'kpasswd\t\t464/tcp', 'PASS_MAX_DAYS\t99999', 'password_encryption = scram-sha-256',
    'proxy_bypass = localhost', '# password file used when the local exim is authenticating', 'token_file = /run/secrets/token',
    'AUTH_TOKEN=', 'password = ""', '',
  ].join('\n');
  assert.deepEqual(changed(text), []);
  assert.equal(redactText(text).redacted, false);
  for (const k of ['password', 'db_pass', 'keyStorePassword', 'client-secret', 'apiKey', 'x.auth.token', 'wpa-psk', 'rootpw']) assert.ok(isSensitiveKey(k), k);
  for (const k of ['PasswordAuthentication', 'password_file', 'token_ttl', 'bypass', 'key', 'HostKey', 'monkey']) assert.ok(!isSensitiveKey(k), k);
});

test('a line of a mebibyte, or thousands of separators, is redacted without backtracking for ages', () => {
  const long = `password = ${'x'.repeat(1 << 20)}\n${' '.repeat(1 << 20)}=\n${'a=b '.repeat(100_000)}\n${'--'.repeat(200_000)}\n`;
  const r = redactText(long);
  assert.equal(r.text.split('\n')[0], `password = ${REDACTED}`);
  assert.equal(r.text.split('\n').length, 5);
});

// This machine's own /etc: real files from packages nobody here wrote.
const REAL_UNCHANGED = ['/etc/pam.d/common-password', '/etc/login.defs', '/etc/ssh/ssh_config', '/etc/nsswitch.conf', '/etc/services', '/etc/pam.d/login'];

test('real /etc files without credentials come through unchanged', (t) => {
  const present = REAL_UNCHANGED.filter((f) => existsSync(f));
  if (present.length === 0) return t.skip('none of the real files is on this machine');
  for (const f of present) assert.deepEqual(changed(readFileSync(f, 'utf8')), [], f);
});

test('the real Maven settings.xml and OpenSSL config lose their example secrets and nothing else', (t) => {
  const maven = '/etc/maven/settings.xml';
  const openssl = '/etc/ssl/openssl.cnf';
  if (!existsSync(maven) || !existsSync(openssl)) return t.skip('maven or openssl config not on this machine');
  const m = redactText(readFileSync(maven, 'utf8'));
  assert.ok(m.redacted);
  assert.ok(!m.text.includes('proxypass') && !m.text.includes('repopwd'));
  assert.ok(m.text.includes(`<password>${REDACTED}</password>`) && m.text.includes('<username>proxyuser</username>'));
  const o = changed(readFileSync(openssl, 'utf8'));
  assert.ok(o.some(([, after]) => after === `secret = ${REDACTED}`), JSON.stringify(o));
  assert.ok(o.every(([before]) => /secret|password|private_key/i.test(before)), JSON.stringify(o));
});
