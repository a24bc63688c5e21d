// utmp files for tests: made by util-linux's utmpdump from its text format
// (the real tool, so the parser is checked against bytes it did not write),
// read back by utmpdump for cross-checks, plus a small encoder for records
// utmpdump cannot express (hosts without a NUL, times past 2038, raw addresses).
import { spawnSync } from 'node:child_process';

/** Why utmpdump-based tests cannot run here, or undefined when they can. */
export function utmpdumpMissing(): string | undefined {
  const probe = spawnSync('utmpdump', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined) return 'utmpdump is not installed (Debian: apt-get install util-linux)';
  if (probe.status !== 0) return `utmpdump --version failed: ${probe.stderr}`;
  return undefined;
}

export interface DumpLine {
  type: number;
  pid: number;
  id: string;
  user: string;
  line: string;
  host: string;
  addr: string;
  time: string;
}

/** One line of utmpdump's text format; fields are padded to fixed widths, the tool trims them. */
export function dumpLine(l: DumpLine): string {
  const f = (s: string, width: number): string => `[${s.padEnd(width)}]`;
  return [f(String(l.type), 0), f(String(l.pid).padStart(5, '0'), 0), f(l.id, 4), f(l.user, 8), f(l.line, 12),
    f(l.host, 20), f(l.addr, 15), f(l.time, 0)].join(' ');
}

/** Binary utmp from utmpdump text (`utmpdump -r`). Lines may hold arbitrary bytes. */
export function utmpFromText(text: string | Buffer): Buffer {
  const run = spawnSync('utmpdump', ['-r'], { input: text, env: { ...process.env, TZ: 'UTC' } });
  if (run.status !== 0) throw new Error(`utmpdump -r failed: ${run.stderr.toString()}`);
  return run.stdout;
}

/** utmpdump's text reading of a binary file, one parsed line per record, times in UTC. */
export function dumpUtmp(file: string): DumpLine[] {
  const run = spawnSync('utmpdump', [file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (run.status !== 0) throw new Error(`utmpdump failed: ${run.stderr}`);
  return run.stdout.split('\n').filter((l) => l.startsWith('[')).map((l) => {
    const fields = [...l.matchAll(/\[([^\]]*)\]/g)].map((m) => (m[1] ?? '').trim());
    if (fields.length !== 8) throw new Error(`unexpected utmpdump line: ${l}`);
    const [type, pid, id, user, line, host, addr, time] = fields as [string, string, string, string, string, string, string, string];
    return { type: Number(type), pid: Number(pid), id, user, line, host, addr, time };
  });
}

export interface RawRecord {
  type: number;
  pid: number;
  line: string | Buffer;
  user: string | Buffer;
  host: string | Buffer;
  sec: number;
  usec?: number;
  /** The 16 raw bytes of ut_addr_v6, network order. */
  addr?: Buffer;
}

/** One 384-byte record in the x86_64/aarch64 glibc layout; fields are cut to their size. */
export function encodeRecord(r: RawRecord): Buffer {
  const buf = Buffer.alloc(384);
  buf.writeInt16LE(r.type, 0);
  buf.writeInt32LE(r.pid, 4);
  Buffer.from(r.line).copy(buf, 8, 0, 32);
  Buffer.from(r.user).copy(buf, 44, 0, 32);
  Buffer.from(r.host).copy(buf, 76, 0, 256);
  buf.writeUInt32LE(r.sec, 340);
  buf.writeInt32LE(r.usec ?? 0, 344);
  r.addr?.copy(buf, 348, 0, 16);
  return buf;
}
