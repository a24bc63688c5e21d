// A pure parser for glibc's binary utmp file (/run/utmp) as written on Linux
// x86_64 and aarch64: fixed 384-byte little-endian records. The agent reads
// it to turn "somebody logged in" into a `login` event; on an immutable
// server an interactive session is itself a change worth knowing.
//
// struct utmp (glibc, bits/utmp.h), byte offsets:
//   0 ut_type int16 (+2 pad)   4 ut_pid int32        8 ut_line char[32]
//  40 ut_id char[4]           44 ut_user char[32]   76 ut_host char[256]
// 332 ut_exit {int16,int16}  336 ut_session int32  340 ut_tv {int32 sec, int32 usec}
// 348 ut_addr_v6 int32[4]    364 unused char[20]   384 end
// The session and time fields are 32 bits even on 64-bit hosts (glibc keeps
// the file shareable with 32-bit programs), which is why the layout is fixed.
import { SocketAddress } from 'node:net';

export const UTMP_RECORD_SIZE = 384;

/** ut_type values from glibc's utmp.h; only USER_PROCESS is a login. */
export const UTMP_TYPES = {
  EMPTY: 0, RUN_LVL: 1, BOOT_TIME: 2, NEW_TIME: 3, OLD_TIME: 4,
  INIT_PROCESS: 5, LOGIN_PROCESS: 6, USER_PROCESS: 7, DEAD_PROCESS: 8, ACCOUNTING: 9,
} as const;

/** One interactive session, as plain data. */
export interface Session {
  user: string;
  /** ut_line without "/dev/": "pts/0", "tty1". */
  tty: string;
  /** ut_host: the remote host name or address, '' for a local login. */
  origin: string;
  pid: number;
  loginAt: Date;
  /** ut_addr_v6 as IPv4 or IPv6 text, '' when zero. */
  address: string;
}

/** Every field of a record that a session or a test needs, undecided about type. */
export interface UtmpRecord {
  type: number;
  pid: number;
  line: string;
  id: string;
  user: string;
  host: string;
  session: number;
  tvSec: number;
  tvUsec: number;
  address: string;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

// C0 and C1 controls (and DEL) are replaced: ut_host can come from a client
// or a reverse DNS answer, and a newline or terminal escape in it must not
// reach a log line or an operator's terminal as a control sequence.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A NUL-terminated, NUL-padded char[len] field. The length is bounded by the
 * field itself; bytes that are not UTF-8 become U+FFFD instead of throwing.
 */
function cString(buf: Buffer, offset: number, length: number): string {
  const field = buf.subarray(offset, offset + length);
  const nul = field.indexOf(0);
  const bytes = nul === -1 ? field : field.subarray(0, nul);
  return decoder.decode(bytes).replace(CONTROLS, '\uFFFD');
}

/**
 * ut_addr_v6 holds the address in network byte order. glibc's convention (and
 * util-linux's utmpdump): only the first word set means IPv4, otherwise IPv6.
 */
export function formatUtmpAddress(raw: Buffer): string {
  if (raw.length !== 16) throw new RangeError(`ut_addr_v6 is 16 bytes, got ${raw.length}`);
  if (raw.every((b) => b === 0)) return '';
  if (raw.subarray(4).every((b) => b === 0)) return `${raw[0]}.${raw[1]}.${raw[2]}.${raw[3]}`;
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(raw.readUInt16BE(i).toString(16));
  // Node's SocketAddress formats like inet_ntop (RFC 5952 zero compression,
  // ::ffff:a.b.c.d for mapped IPv4), the text `who` and utmpdump print.
  return new SocketAddress({ address: groups.join(':'), family: 'ipv6' }).address;
}

function parseRecord(buf: Buffer, at: number): UtmpRecord {
  return {
    type: buf.readInt16LE(at),
    pid: buf.readInt32LE(at + 4),
    line: cString(buf, at + 8, 32),
    id: cString(buf, at + 40, 4),
    user: cString(buf, at + 44, 32),
    host: cString(buf, at + 76, 256),
    session: buf.readInt32LE(at + 336),
    // Read unsigned: a login before 1970 is meaningless, while an unsigned
    // reading keeps times after January 2038 (when int32 wraps) right until 2106.
    tvSec: buf.readUInt32LE(at + 340),
    tvUsec: buf.readInt32LE(at + 344),
    address: formatUtmpAddress(buf.subarray(at + 348, at + 364)),
  };
}

/**
 * All whole records of a utmp file. A trailing partial record is ignored: the
 * file is rewritten in place by login programs, so a reader can see one mid-write.
 */
export function parseUtmpRecords(buf: Buffer): UtmpRecord[] {
  const records: UtmpRecord[] = [];
  for (let at = 0; at + UTMP_RECORD_SIZE <= buf.length; at += UTMP_RECORD_SIZE) {
    records.push(parseRecord(buf, at));
  }
  return records;
}

/**
 * The interactive sessions of a utmp file: USER_PROCESS records with a user,
 * the same test `who` applies (a slot being reused can briefly lack a name).
 */
export function parseUtmpSessions(buf: Buffer): Session[] {
  return parseUtmpRecords(buf)
    .filter((r) => r.type === UTMP_TYPES.USER_PROCESS && r.user !== '')
    .map((r) => ({
      user: r.user,
      tty: r.line,
      origin: r.host,
      pid: r.pid,
      // Millisecond precision is what Date holds; usec beyond that is dropped.
      loginAt: new Date(r.tvSec * 1000 + Math.floor(clampUsec(r.tvUsec) / 1000)),
      address: r.address,
    }));
}

/** A corrupt usec field must not move the login time by more than a second. */
function clampUsec(usec: number): number {
  return usec < 0 || usec > 999_999 ? 0 : usec;
}
