// The shipped systemd units, read as data, and systemd-analyze run on them.
// `verify` insists that ExecStart's binary exists; the units name the installed
// /usr/bin/drift-*, so tests verify a copy whose ExecStart names a temp symlink
// to this checkout's bin/drift-*.js instead, and check that this path is the
// copy's only difference.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './temp-tree.js';

export const UNITS = ['drift-agent', 'drift-collector'] as const;
export type UnitName = (typeof UNITS)[number];

export interface Directive { section: string; key: string; value: string; line: number }

export function unitPath(name: UnitName): string {
  return join(REPO_ROOT, 'systemd', `${name}.service`);
}

export function readUnit(name: UnitName): string {
  return readFileSync(unitPath(name), 'utf8');
}

/** The unit's assignments in order (comments and blank lines skipped). */
export function directives(text: string): Directive[] {
  const out: Directive[] = [];
  let section = '';
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
      return;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out.push({ section, key: line.slice(0, eq).trim(), value: line.slice(eq + 1).trim(), line: i + 1 });
  });
  return out;
}

/** Every value assigned to key (a directive may repeat). */
export function values(text: string, key: string): string[] {
  return directives(text).filter((d) => d.key === key).map((d) => d.value);
}

export function installedBinary(name: UnitName): string {
  return `/usr/bin/${name}`;
}

/**
 * Writes dir/bin/NAME -> the checkout's bin/NAME.js and dir/NAME.service, the
 * shipped unit with ExecStart's /usr/bin/NAME replaced by that symlink.
 */
export function stageUnit(dir: string, name: UnitName, text = readUnit(name)): { unit: string; binary: string } {
  const binary = join(dir, 'bin', name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'bin', `${name}.js`), binary);
  const unit = join(dir, `${name}.service`);
  const staged = text.split('\n').map((l) => (l.startsWith('ExecStart=') ? l.replace(`=${installedBinary(name)} `, `=${binary} `) : l));
  writeFileSync(unit, staged.join('\n'));
  return { unit, binary };
}

export interface Analyze { status: number | null; stdout: string; stderr: string; error?: Error }

export function analyze(args: string[], cwd?: string): Analyze {
  const r = spawnSync('systemd-analyze', args, {
    cwd, encoding: 'utf8', timeout: 60_000,
    // No pager, no colours, no attempt to reach a running service manager's bus.
    env: { ...process.env, SYSTEMD_PAGER: '', SYSTEMD_COLORS: '0', SYSTEMD_LOG_COLOR: '0' },
  });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ...(r.error ? { error: r.error } : {}) };
}

/** Why systemd-analyze cannot be used here, or undefined when it can. */
export function analyzeMissing(): string | undefined {
  const r = analyze(['--version']);
  if (r.error !== undefined || r.status !== 0) {
    return 'systemd-analyze is not installed (Debian package systemd; .ci/run installs it)';
  }
  return undefined;
}

/** stderr lines of `verify` that concern the unit (its file, its name, its binary). */
export function verifyComplaints(stderr: string, unitFile: string, name: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && (l.includes(unitFile) || l.includes(name)));
}

export interface SecurityCheck { set: boolean; name: string; description: string; exposure: string | null }

/** `security --offline`: the overall exposure and the checks, or why it cannot run here. */
export function offlineSecurity(unitFile: string): { exposure: number; checks: SecurityCheck[] } | { unsupported: string } {
  const text = analyze(['security', '--offline=yes', '--no-pager', unitFile]);
  const overall = /Overall exposure level for \S+: (\d+\.\d)/.exec(text.stdout);
  if (text.status !== 0 || !overall) {
    return { unsupported: `systemd-analyze security --offline=yes does not work here: ${text.stderr.trim().split('\n')[0] ?? ''}` };
  }
  const json = analyze(['security', '--offline=yes', '--no-pager', '--json=short', unitFile]);
  return { exposure: Number(overall[1]), checks: JSON.parse(json.stdout) as SecurityCheck[] };
}

/** Fenced blocks of a Markdown file whose first line is `# FIRSTLINE`, keyed by that line. */
export function docBlocks(markdown: string, firstLine: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of markdown.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)) {
    const body = m[1]!;
    const head = /^# (\S+)/.exec(body);
    if (head && firstLine.test(head[1]!)) out.set(head[1]!, body);
  }
  return out;
}

/** ExecStart's words, with the installed binary replaced by node and this checkout's launcher. */
export function execStartArgv(name: UnitName, replace: Record<string, string> = {}): string[] {
  const [exec] = values(readUnit(name), 'ExecStart');
  if (exec === undefined) throw new Error(`${name}.service has no ExecStart`);
  const words = exec.split(/\s+/).map((w) => Object.entries(replace).reduce((acc, [from, to]) => acc.split(from).join(to), w));
  if (words[0] !== installedBinary(name)) throw new Error(`${name}.service: ExecStart does not start ${installedBinary(name)}`);
  return [process.execPath, join(REPO_ROOT, 'bin', `${name}.js`), ...words.slice(1)];
}
