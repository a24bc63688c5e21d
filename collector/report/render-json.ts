// A drift report as JSON, in the operator API's snake_case, with the
// truncation notice as the other formats word it (null when complete). Keys
// inside `labels` are the hosts' own and are kept as they are.
import type { DriftReport } from './report-model.js';
import { truncationNotice } from './report-text.js';

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function snakeKeys(value: unknown, keep: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => snakeKeys(v, false));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [keep ? k : snake(k), snakeKeys(v, k === 'labels')]));
}

export function reportJson(r: DriftReport): Record<string, unknown> {
  return { report: { ...snakeKeys(r, false) as Record<string, unknown>, notice: truncationNotice(r) ?? null } };
}

export function renderJson(r: DriftReport): string {
  return `${JSON.stringify(reportJson(r), null, 2)}\n`;
}
