// Redaction of what looks like a credential in a captured text file, before
// the content leaves the host. Line by line: a value is replaced by
// REDACTED, the line (its key, its place) stays, so a diff still shows which
// setting moved. Erring towards redaction: a setting wrongly hidden costs a
// less useful diff; a secret wrongly kept is a leak. Pure.
//
// Every pattern is anchored or uses bounded repetition, so a 1 MiB line cannot
// make a regular expression backtrack for minutes.

export const REDACTED = '[redacted]';

// A key (normalised: camelCase split with "_", lower case) that names a secret.
const SENSITIVE_KEY = new RegExp('(?:pass|passwd|password|passphrase|pwd|secret|token|api_?key|psk|community|authorization|'
  + '(?:private|secret|access|auth|encryption|signing|master|shared|preshared|session|client)_?key|(?:bind|root)_?pw)$');
const NOT_SENSITIVE = /(?:^|_)bypass$/;

function normalKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[.\-]/g, '_');
}

export function isSensitiveKey(key: string): boolean {
  const k = normalKey(key);
  return SENSITIVE_KEY.test(k) && !NOT_SENSITIVE.test(k);
}

// key = value, key: value, key => value; in comments too (a secret commented out is still one),
// as a YAML list item, an `export`, or a quoted JSON key.
const KEY_VALUE = /^([ \t]{0,64}(?:(?:#|;|\/\/){1,4}[ \t]{0,16})?(?:-[ \t]{1,8})?(?:export[ \t]{1,8})?)(["']?)([A-Za-z0-9_.-]{1,128})\2([ \t]{0,64}(?:=>|=|:)[ \t]{0,64})(.*)$/;
// key value (ldap's `bindpw`, snmpd's `rocommunity`, pppd's `password`): only on lines that are not comments,
// whose prose says "password file" often enough.
const KEY_SPACE_VALUE = /^([ \t]{0,64})([A-Za-z0-9_.-]{1,128})([ \t]{1,64})("[^"]*"|'[^']*'|[^ \t]+)(.*)$/;
// Keys of that form: a whole word (`bindpw`, not /etc/services' `kpasswd`).
const SPACE_KEY = /^(?:.{0,120}_)?(?:pass|passwd|password|passphrase|secret|token|api_?key|psk|(?:private|secret|access|auth)_key)$|^(?:bind|root)_?pw$|^r[ow]community6?$|^community$/;
// PAM's `password required pam_unix.so`: a module type, not a credential.
const PAM_CONTROL = /^(?:required|requisite|sufficient|optional|include|substack|\[)/;
// nsswitch.conf's `passwd: files systemd`: a database and its sources.
const NSS_SOURCES = /^(?:(?:files|compat|systemd|ldap|nis|nisplus|sss|db|winbind|extrausers|cache|usrfiles|altfiles|hesiod|oslogin|\[[!A-Za-z=]{1,64}\])[ \t]{0,16}){1,16}$/;
const XML_ELEMENT = /<([A-Za-z][A-Za-z0-9_.-]{0,127})((?:[ \t][^<>]{0,512})?)>([^<]{1,4096})<\/\1>/g;
const PRIVATE_BEGIN = /-----BEGIN [A-Z0-9 ]{0,64}(?:PRIVATE KEY|Static key)[A-Za-z0-9 ]{0,64}-----/;
const PRIVATE_END = /-----END [A-Z0-9 ]{0,64}(?:PRIVATE KEY|Static key)[A-Za-z0-9 ]{0,64}-----/;

// Found anywhere in a line: a command-line flag naming a secret, credentials in a URL, AWS access key
// ids, crypt(3) hashes (htpasswd, grub), JSON web tokens.
const ANYWHERE: ReadonlyArray<[RegExp, (m: string, ...groups: string[]) => string]> = [
  [/(^|[ \t"'=])(--?[A-Za-z0-9_.-]{1,64})(=|[ \t]{1,16})("[^"]{1,4096}"|'[^']{1,4096}'|[^ \t"']{1,4096})/g,
    (m, lead, flag, sep, value) => (isSensitiveKey(flag!.replace(/^-+/, '')) && !PAM_CONTROL.test(value!) ? `${lead!}${flag!}${sep!}${quoted(value!)}` : m)],
  [/(\b[A-Za-z][A-Za-z0-9+.-]{0,31}:\/\/[^\s:/@]{1,256}:)([^\s@/]{1,1024})@/g, (_m, head) => `${head!}${REDACTED}@`],
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b/g, () => REDACTED],
  [/\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|md5|sha1)\$[./A-Za-z0-9$=,]{4,1024}/g, () => REDACTED],
  [/\bgrub\.pbkdf2\.[A-Za-z0-9.]{8,4096}/g, () => REDACTED],
  [/\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,4096}\.[A-Za-z0-9_-]{0,4096}/g, () => REDACTED],
];

/** A value with its quotes kept: "secret" -> "[redacted]". */
function quoted(value: string): string {
  const q = value[0];
  if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) return `${q}${REDACTED}${q}`;
  return REDACTED;
}

/** The value part of `key = value`: a quoted string keeps its quotes and what follows it (a JSON comma). */
function redactValue(value: string): string | undefined {
  const trimmed = value.replace(/[ \t]+$/, '');
  if (trimmed === '' || trimmed === '""' || trimmed === "''") return undefined; // nothing there to hide
  const q = trimmed[0];
  if (q === '"' || q === "'") {
    const close = trimmed.indexOf(q, 1);
    if (close > 1) return `${q}${REDACTED}${q}${trimmed.slice(close + 1)}`;
  }
  return REDACTED;
}

function isComment(line: string): boolean {
  return /^[ \t]{0,64}(?:#|;|\/\/)/.test(line);
}

function redactSetting(line: string): string {
  const kv = KEY_VALUE.exec(line);
  const nss = kv !== null && kv[3] === 'passwd' && kv[4]!.trimStart().startsWith(':') && NSS_SOURCES.test(kv[5]!);
  if (kv !== null && isSensitiveKey(kv[3]!) && !nss) {
    const value = redactValue(kv[5]!);
    if (value !== undefined) return `${kv[1]!}${kv[2]!}${kv[3]!}${kv[2]!}${kv[4]!}${value}`;
  }
  if (kv === null && !isComment(line)) {
    const ws = KEY_SPACE_VALUE.exec(line);
    if (ws !== null && SPACE_KEY.test(normalKey(ws[2]!.replace(/^-/, ''))) && !PAM_CONTROL.test(ws[4]!)) {
      return `${ws[1]!}${ws[2]!}${ws[3]!}${quoted(ws[4]!)}${ws[5]!}`;
    }
  }
  return line;
}

function redactLine(line: string): string {
  let out = redactSetting(line);
  out = out.replace(XML_ELEMENT, (m, tag: string, attrs: string) => (isSensitiveKey(tag) ? `<${tag}${attrs}>${REDACTED}</${tag}>` : m));
  for (const [pattern, replace] of ANYWHERE) out = out.replace(pattern, replace);
  return out;
}

export interface Redacted {
  text: string;
  /** True when anything was replaced. */
  redacted: boolean;
}

/** The text with credential values replaced; line count and line endings unchanged. */
export function redactText(text: string): Redacted {
  const lines = text.split('\n');
  let inKey = false;
  let redacted = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const cr = raw.endsWith('\r') ? '\r' : '';
    const line = cr === '' ? raw : raw.slice(0, -1);
    let out: string;
    if (inKey) {
      // The key's body lines go; BEGIN and END stay, so the diff shows a key is there.
      inKey = !PRIVATE_END.test(line);
      const end = line.indexOf('-----END ');
      out = inKey ? REDACTED : end > 0 && line.slice(0, end).trim() !== '' ? `${REDACTED}${line.slice(end)}` : line;
    } else if (PRIVATE_BEGIN.test(line)) {
      const end = PRIVATE_END.test(line);
      // A key on one line (BEGIN…END together, as in a JSON string) loses everything between the markers.
      out = end ? line.replace(/(-----BEGIN [^-]{1,128}-----).*(-----END [^-]{1,128}-----)/, `$1${REDACTED}$2`) : line;
      inKey = !end;
    } else {
      out = redactLine(line);
    }
    if (out !== line) {
      redacted = true;
      lines[i] = out + cr;
    }
  }
  return { text: lines.join('\n'), redacted };
}
