// Drift events as the check command prints them: JSON for machines
// ({"events":[...]}, the contract), one line per event for people.
import { quotePathForText } from '../../common/path-bytes.js';
import type { DriftEvent, Package } from '../model.js';
import { fileToJson, mismatchToJson } from './manifest-json.js';

export function eventToJson(e: DriftEvent): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: e.kind };
  if (e.path !== undefined) o.path = e.path;
  if (e.changes !== undefined) o.changes = e.changes;
  if (e.package !== undefined) o.package = e.package;
  if (e.previous !== undefined) o.previous = e.previous;
  if (e.mismatch !== undefined) {
    const m = mismatchToJson(e.mismatch);
    o.algorithm = m.algorithm;
    o.expected = m.expected;
    o.actual = m.actual;
  }
  if (e.detail !== undefined) o.detail = e.detail;
  if (e.before !== undefined) o.before = fileToJson(e.before);
  if (e.after !== undefined) o.after = fileToJson(e.after);
  return o;
}

export function eventsToJson(events: readonly DriftEvent[]): string {
  return `${JSON.stringify({ events: events.map(eventToJson) }, null, 1)}\n`;
}

function pkg(p: Package): string {
  return `${p.manager} ${p.name}${p.arch === '' ? '' : `:${p.arch}`} ${p.version}`;
}

export function eventLine(e: DriftEvent): string {
  const path = e.path === undefined ? '' : quotePathForText(e.path);
  switch (e.kind) {
    case 'file_changed': return `${e.kind} ${path} [${(e.changes ?? []).join(',')}]`;
    case 'package_changed': return `${e.kind} ${pkg(e.previous!)} -> ${e.package!.version}`;
    case 'package_added':
    case 'package_removed': return `${e.kind} ${pkg(e.package!)}`;
    case 'package_file_modified': {
      const m = e.mismatch!;
      return `${e.kind} ${path} (${pkg(m.package)}: ${m.algorithm} expected ${m.expected}, found ${m.actual === '' ? 'not a regular file' : m.actual})`;
    }
    default: return `${e.kind} ${path}${e.detail === undefined ? '' : ` (${e.detail})`}`.trimEnd();
  }
}

export function eventsToText(events: readonly DriftEvent[]): string {
  if (events.length === 0) return 'no drift\n';
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const summary = [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
  return `${events.map(eventLine).join('\n')}\n${events.length} event${events.length === 1 ? '' : 's'}: ${summary}\n`;
}
