// Durations in config files: "500ms", "30s", "15m", "24h" or a bare number of
// seconds, held as milliseconds. The agent's settings and the collector's
// policy both take them, so the schema, the conversion and the range check
// live here once. Bounds are checked in milliseconds, so "0.5s" and "500ms"
// meet the same bound.
import { Type } from '@sinclair/typebox';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A duration setting with its default; its range is checked after conversion (durationProblem). */
export const DurationSchema = (fallback: string) => Type.Union([
  Type.Number({ minimum: 0 }),
  Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?(ms|s|m|h)$' }),
], { default: fallback, description: 'a duration such as "500ms", "30s", "15m", "24h", or a number of seconds' });

/** Milliseconds of a duration the schema already accepted (pattern or number >= 0). */
export function durationMs(value: number | string): number {
  if (typeof value === 'number') return Math.round(value * 1000);
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/.exec(value);
  if (match === null) throw new Error(`not a duration: ${value}`); // the schema's pattern rules this out
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

/** "15m", "1s", "20ms": the largest unit that divides ms exactly, for messages and docs. */
export function formatDuration(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) {
    if (ms !== 0 && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

export interface DurationBounds {
  minMs?: number;
  maxMs?: number;
  /** 0 is allowed below minMs, meaning "off". */
  zeroDisables?: boolean;
}

/** What is wrong with ms under these bounds, or undefined when it is fine. */
export function durationProblem(ms: number, bounds: DurationBounds): string | undefined {
  if (ms === 0 && bounds.zeroDisables === true) return undefined;
  const off = bounds.zeroDisables === true ? ' (or 0 to disable)' : '';
  if (bounds.minMs !== undefined && ms < bounds.minMs) return `must be at least ${formatDuration(bounds.minMs)}${off}, not ${formatDuration(ms)}`;
  if (bounds.maxMs !== undefined && ms > bounds.maxMs) return `must be at most ${formatDuration(bounds.maxMs)}, not ${formatDuration(ms)}`;
  return undefined;
}
