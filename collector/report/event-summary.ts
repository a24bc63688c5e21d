// An event's subject and its before/after in a few words, from the stored
// JSON form (docs/events.md): what a report's reader needs to see what changed
// without the raw manifest entries.
import type { StoredEvent } from '../store/store.js';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Json : undefined);
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function pkgText(p: Json | undefined): string {
  if (p === undefined) return '';
  return [str(p.name), str(p.version), str(p.arch)].filter(Boolean).join(' ');
}

/** What the event is about: the path, a package, a login, or a gap's reason. */
export function subjectOf(e: StoredEvent): string {
  if (e.path !== '') return e.path;
  const pkg = obj(e.payload.package);
  if (pkg !== undefined) return pkgText(pkg);
  const login = obj(e.payload.login);
  if (login !== undefined) return str(login.origin) === '' ? str(login.user) : `${str(login.user)} from ${str(login.origin)}`;
  return str(e.payload.detail);
}

/** One file entry's attribute, as a reader wants it. */
function attr(f: Json, name: string): string {
  switch (name) {
    case 'content': {
      const sha = str(f.sha256);
      return `content ${sha === '' ? '(no hash)' : `sha256:${sha.slice(0, 12)}`} ${str(f.size)} B`;
    }
    case 'mode': return `mode ${str(f.mode)}`;
    case 'uid': return `uid ${str(f.uid)}`;
    case 'gid': return `gid ${str(f.gid)}`;
    case 'type': return `type ${str(f.type)}`;
    case 'target': return `target ${str(f.target)}`;
    case 'capabilities': return `capabilities ${str(f.capabilities) || '(none)'}`;
    default: return '';
  }
}

const FULL = ['type', 'mode', 'uid', 'gid', 'content'];

function fileText(f: Json | undefined, changes: readonly string[]): string {
  if (f === undefined) return '';
  if (str(f.error) !== '') return `unreadable: ${str(f.error)}`;
  // A change lists only what changed; an added or removed file shows its main attributes.
  const names = changes.length > 0 ? changes : [...FULL, ...(f.type === 'symlink' ? ['target'] : [])];
  return names.map((n) => attr(f, n)).filter(Boolean).join(', ');
}

/** Before and after in words: file attributes, or package versions. */
export function beforeAfter(e: StoredEvent): { before: string; after: string } {
  const p = e.payload;
  if (obj(p.before) !== undefined || obj(p.after) !== undefined) {
    return { before: fileText(obj(p.before), e.changes), after: fileText(obj(p.after), e.changes) };
  }
  if (e.kind === 'package_changed') return { before: pkgText(obj(p.previous)), after: pkgText(obj(p.package)) };
  if (e.kind === 'package_added') return { before: '', after: pkgText(obj(p.package)) };
  if (e.kind === 'package_removed') return { before: pkgText(obj(p.package)), after: '' };
  if (e.kind === 'package_file_modified') {
    const expected = str(p.expected);
    const actual = str(p.actual);
    return { before: expected === '' ? '' : `expected ${expected}`, after: actual === '' ? '' : `actual ${actual}` };
  }
  return { before: '', after: '' };
}
