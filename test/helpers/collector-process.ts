// Runs `drift-collector serve` as a real process and waits for its address.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN } from './fake-agent.js';

export interface CollectorProcess {
  child: ChildProcess;
  base: string;
  logs: string[];
}

export async function startCollector(db: string, extra: string[] = []): Promise<CollectorProcess> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/drift-collector.js'), 'serve', '--db', db, '--listen', '127.0.0.1:0',
    '--admin-token', ADMIN_TOKEN, '--enroll-token', ENROLL_TOKEN, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const base = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      logs.push(line);
      const m = /listening at (https?:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (m !== null) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
    child.once('exit', () => reject(new Error(`collector exited before listening: ${logs.join('\n')}`)));
  });
  return { child, base, logs };
}
