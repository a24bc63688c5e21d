// Which files' content the agent captures: those matched by the `capture`
// globs, except the built-in denylist and the `secret` globs, which win
// whatever the globs say. Pure; the reading is capture-file.ts's job.
import picomatch from 'picomatch';

export interface CaptureSettings {
  /** picomatch globs of paths inside the root whose content is captured. */
  globs: readonly string[];
  /** Files larger than this are not captured. */
  maxBytes: number;
  /** Extra globs never captured, on top of DENYLIST. */
  secret: readonly string[];
}

export const DEFAULT_CAPTURE_GLOBS: readonly string[] = ['/etc/**'];
export const DEFAULT_CAPTURE_MAX_BYTES = 65_536;
/** The agent's ceiling for capture_max_bytes: the collector's default max_content_bytes. */
export const CAPTURE_MAX_BYTES_LIMIT = 1 << 20;

/**
 * Never captured, whatever `capture` says: password hashes, private keys and
 * the files that hold nothing else but secrets. Matched without regard to
 * case, with dotfiles. docs/agent.md lists the same.
 */
export const DENYLIST: readonly string[] = [
  // Password hashes (and their `-` backups, tcb's per-user shadow files, PAM's old-password store).
  '**/shadow', '**/shadow-', '**/gshadow', '**/gshadow-', '**/opasswd', '**/opasswd-',
  // Keys and keystores by name.
  '**/*.key', '**/*.pem', '**/*.p12', '**/*.pfx', '**/*.jks', '**/*.keystore', '**/*.keytab',
  // SSH host keys (ssh_host_rsa_key, ssh_host_ed25519_key, ssh_host_key) and users' private keys; .pub files are fine.
  '**/ssh_host_*key', '**/ssh_host_key', '**/id_rsa', '**/id_dsa', '**/id_ecdsa', '**/id_ecdsa_sk', '**/id_ed25519', '**/id_ed25519_sk',
  // Private key directories of the TLS stores.
  '/etc/ssl/**/private/**', '/etc/pki/**/private/**',
  // Files of credentials only.
  '**/.pgpass', '**/.netrc', '**/sasl_passwd', '/etc/ppp/*-secrets', '**/*.htpasswd', '**/.htpasswd',
  '/etc/NetworkManager/system-connections/**', '/etc/wireguard/**',
];

export type CaptureVerdict = 'capture' | 'not_matched' | 'denylisted';

/** The decision for one path inside the root. */
export function captureRules(s: Pick<CaptureSettings, 'globs' | 'secret'>): (path: string) => CaptureVerdict {
  const never = picomatch([...DENYLIST, ...s.secret], { dot: true, nocase: true });
  const wanted = s.globs.length === 0 ? () => false : picomatch([...s.globs], { dot: true });
  return (path) => {
    if (never(path)) return 'denylisted';
    return wanted(path) ? 'capture' : 'not_matched';
  };
}
