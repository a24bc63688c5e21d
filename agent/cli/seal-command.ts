// drift-agent seal: asks the running (or next) agent to take the baseline
// now. It writes a request file into the state directory; the agent polls for
// it while it waits for its readiness condition. A host that is already
// sealed stays sealed: there is no re-baselining.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureStateDir, STATE_FILES, writeStateFile } from '../state/state-dir.js';

export const SEAL_HELP = `Usage: drift-agent seal [--state-dir DIR]

Take the host's baseline now, instead of waiting for the configured readiness
condition (cloud-init's boot-finished by default). The running agent seals
within a second; if none runs, the next start seals at once.

Options:
  --state-dir DIR  the agent's state directory (default: /var/lib/drift-agent)
  -h, --help       show this help

Exit status: 0 requested (or already sealed); 2 error.`;

export async function sealCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, strict: true, allowPositionals: false,
    options: { 'state-dir': { type: 'string', default: '/var/lib/drift-agent' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    console.log(SEAL_HELP);
    return 0;
  }
  const dir = values['state-dir'];
  if (existsSync(join(dir, STATE_FILES.baseline))) {
    console.log(`already sealed: ${join(dir, STATE_FILES.baseline)} exists (a baseline is taken once in a host's life)`);
    return 0;
  }
  ensureStateDir(dir);
  writeStateFile(dir, STATE_FILES.sealRequest, `${new Date().toISOString()}\n`);
  console.log(`seal requested: the agent takes the baseline within a second (${join(dir, STATE_FILES.sealRequest)})`);
  return 0;
}
