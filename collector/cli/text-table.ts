// Tables for people on a terminal: columns padded to their widest cell, the
// last column left ragged. Control characters in a cell (a hostname or an
// error message from elsewhere) are shown escaped, never sent to the terminal.

/** The text with control characters escaped (\n, \u001b), safe to print. */
export function printable(cell: string): string {
  return cell.replace(/\p{C}/gu, (c) => JSON.stringify(c).slice(1, -1));
}

/** The first row is the header. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const safe = rows.map((r) => r.map(printable));
  const widths = safe[0]!.map((_, i) => Math.max(...safe.map((r) => (r[i] ?? '').length)));
  return safe.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n');
}
