// A manifest for people: one line per entry, then what needs attention, then a summary.
import { quotePathForText } from '../../common/path-bytes.js';
import type { FileEntry, Manifest } from '../model.js';

function describe(f: FileEntry): string {
  if (f.error !== '') return `error: ${f.error}`;
  if (f.type === 'file') return `sha256:${f.sha256}${f.capabilities === '' ? '' : ` caps:${f.capabilities}`}`;
  if (f.type === 'symlink') return `-> ${quotePathForText(f.target)}`;
  return '';
}

export function entryLine(f: FileEntry): string {
  const mode = f.mode.toString(8).padStart(4, '0');
  return `${f.type.padEnd(7)} ${mode} ${f.uid}:${f.gid} ${String(f.size).padStart(10)} ${quotePathForText(f.path)} ${describe(f)}`.trimEnd();
}

export function manifestToText(m: Manifest): string {
  const lines = m.files.map(entryLine);
  for (const mm of m.packageMismatches) {
    lines.push(`MODIFIED ${quotePathForText(mm.path)}: ${mm.package.manager} package ${mm.package.name} ${mm.package.version} expects ${mm.algorithm} ${mm.expected}, found ${mm.actual === '' ? 'not a regular file' : mm.actual}`);
  }
  const counts = new Map<string, number>();
  let errors = 0;
  for (const f of m.files) {
    counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
    if (f.error !== '') errors++;
  }
  const byType = [...counts].map(([t, n]) => `${n} ${t}`).join(', ');
  lines.push(
    `${m.files.length} entries (${byType || 'none'}), ${errors} unreadable, ${m.packages.length} packages, ${m.packageMismatches.length} package files modified`,
    `merkle root ${m.merkleRoot}`,
  );
  return `${lines.join('\n')}\n`;
}
