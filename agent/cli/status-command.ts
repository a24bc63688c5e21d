// drift-agent status: what the agent in a state directory is doing, read from
// the files it keeps (identity, baseline, outbox) plus a live probe of the
// collector. Works while the daemon runs (the outbox is opened read-only).
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DriftwatchError } from '../../common/errors.js';
import { Outbox } from '../outbox/outbox.js';
import { readIdentity, STATE_FILES } from '../state/state-dir.js';

export const STATUS_HELP = `Usage: drift-agent status [--state-dir DIR] [--json]

Show the agent's state: enrolled host id, baseline sealed when, events queued
for the collector, the last acknowledgement, and whether the collector answers.

Options:
  --state-dir DIR  the agent's state directory (default: /var/lib/drift-agent)
  --json           one JSON object instead of lines for people
  -h, --help       show this help

Exit status: 0 shown; 2 error (no such state directory).`;

function probe(url: string): Promise<string> {
  return new Promise((resolve) => {
    const target = new URL('healthz', url.endsWith('/') ? url : `${url}/`);
    const get = target.protocol === 'https:' ? https.get : http.get;
    const req = get(target, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? 'reachable' : `answers ${res.statusCode ?? '?'}`);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 2 s')));
    req.on('error', (err) => resolve(`unreachable (${err.message})`));
  });
}

function running(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, STATE_FILES.pid), 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 && existsSync(`/proc/${pid}`) ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function statusCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, strict: true, allowPositionals: false,
    options: { 'state-dir': { type: 'string', default: '/var/lib/drift-agent' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    console.log(STATUS_HELP);
    return 0;
  }
  const dir = values['state-dir'];
  if (!existsSync(dir)) throw new DriftwatchError('AGENT_STATE_INVALID', `no state directory ${dir}: has the agent run here? (--state-dir)`);
  const identity = readIdentity(dir);
  const baselineFile = join(dir, STATE_FILES.baseline);
  const outboxFile = join(dir, STATE_FILES.outbox);
  const outbox = existsSync(outboxFile) ? Outbox.inspect(outboxFile) : undefined;
  const sealedAt = outbox?.meta.sealed_at ?? (existsSync(baselineFile) ? statSync(baselineFile).mtime.toISOString() : undefined);
  const status = {
    state_dir: dir,
    running_pid: running(dir) ?? null,
    host_id: identity?.hostId ?? null,
    collector: identity?.collector ?? null,
    collector_status: identity === undefined ? 'not enrolled' : await probe(identity.collector),
    baseline_sealed_at: existsSync(baselineFile) ? sealedAt ?? null : null,
    events_queued: outbox?.queued ?? 0,
    last_seq: outbox?.lastSeq ?? 0,
    acked_seq: outbox?.ackedSeq ?? 0,
    oldest_queued_at: outbox?.oldestQueuedAt?.toISOString() ?? null,
    dropped_total: outbox?.droppedTotal ?? 0,
    last_contact_at: outbox?.meta.last_contact_at || null,
    last_error: outbox?.meta.last_error || null,
  };
  if (values.json) {
    console.log(JSON.stringify(status, null, 1));
    return 0;
  }
  const width = Math.max(...Object.keys(status).map((k) => k.length));
  for (const [k, v] of Object.entries(status)) console.log(`${k.replace(/_/g, ' ').padEnd(width)}  ${v === null ? '-' : String(v)}`);
  return 0;
}
