// Checks the external tools up front, so a missing package fails in one
// second with an install hint instead of after a minute of cache warming.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { GNU_TIME } from './run-timed.js';

const execFileAsync = promisify(execFile);

interface Tool {
  readonly name: string;
  /** Absolute path, or a bare name looked up in PATH. */
  readonly bin: string;
  readonly debianPackage: string;
}

const TOOLS: readonly Tool[] = [
  // GNU time specifically: the shell builtin `time` cannot report peak RSS.
  { name: 'GNU time', bin: GNU_TIME, debianPackage: 'time' },
  { name: 'openssl', bin: 'openssl', debianPackage: 'openssl' },
  { name: 'find', bin: 'find', debianPackage: 'findutils' },
  { name: 'xargs', bin: 'xargs', debianPackage: 'findutils' },
  { name: 'sh', bin: 'sh', debianPackage: 'dash' },
];
const AIDE: Tool = { name: 'AIDE', bin: 'aide', debianPackage: 'aide' };

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

async function locate(bin: string): Promise<string | null> {
  if (bin.startsWith('/')) return (await isExecutable(bin)) ? bin : null;
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, bin);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

/** Throws one error naming every missing tool and the package that provides it. */
export async function requireTools(withAide: boolean): Promise<void> {
  const wanted = withAide ? [...TOOLS, AIDE] : TOOLS;
  const missing: Tool[] = [];
  for (const tool of wanted) if ((await locate(tool.bin)) === null) missing.push(tool);
  if (missing.length === 0) return;
  const pkgs = [...new Set(missing.map((t) => t.debianPackage))];
  const names = missing.map((t) => `${t.name} (${t.bin}, Debian package "${t.debianPackage}")`);
  throw new Error(
    `missing required tools: ${names.join(', ')}\n` +
      `install with: apt-get install ${pkgs.join(' ')}` +
      (withAide && missing.includes(AIDE) ? '\n(or pass --skip-aide to benchmark without AIDE)' : ''),
  );
}

async function firstLine(cmd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(cmd, [...args]);
    return (stdout.trim() || stderr.trim()).split('\n')[0] ?? '';
  } catch {
    return 'unknown';
  }
}

export interface ToolVersions {
  readonly openssl: string;
  readonly aide: string | null;
  readonly node: string;
}

export async function toolVersions(withAide: boolean): Promise<ToolVersions> {
  const aide = withAide ? await firstLine('aide', ['--version']) : null;
  if (aide !== null && !/\b0\.18\./.test(aide)) {
    console.error(`warning: the issue's numbers are for AIDE 0.18, found "${aide}"`);
  }
  // "OpenSSL 3.0.19 27 Jan 2026 (Library: ...)" -> "OpenSSL 3.0.19"
  const openssl = (await firstLine('openssl', ['version'])).split(' ').slice(0, 2).join(' ');
  return { openssl, aide, node: process.version };
}
