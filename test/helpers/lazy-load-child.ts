// A fresh collector process for the lazy-load test: traces every import from
// the first one on, loads the collector (serve command, app, config, the
// terminator factory) and creates the terminator of the type in argv[2]; then
// prints what it loaded of the AWS SDK, by import trace and by require cache.
import { createRequire, register } from 'node:module';
import { readFileSync } from 'node:fs';
import type { TerminatorConfig } from '../../collector/actions/action-config.js';

register('./resolve-trace-hooks.js', import.meta.url);
const [type, db] = process.argv.slice(2);
await import('../../collector/cli/serve-command.js');
await import('../../collector/http/app.js');
await import('../../collector/config.js');
const { openSqliteStore } = await import('../../collector/store/sqlite-store.js');
const { createTerminator } = await import('../../collector/actions/create-terminator.js');
const store = openSqliteStore(db!);
await store.migrate();
const configs: Record<string, TerminatorConfig> = {
  exec: { type: 'exec', command: ['/bin/true'], timeoutMs: 1000 },
  agent: { type: 'agent' },
  'aws-asg': { type: 'aws-asg', region: 'eu-west-1', respectGracePeriod: true, timeoutMs: 1000 },
  'aws-ec2': { type: 'aws-ec2', region: 'eu-west-1', timeoutMs: 1000 },
};
const terminator = await createTerminator(configs[type!]!, store);
await store.close();
const aws = (s: string): boolean => s.includes('@aws-sdk/');
console.log(JSON.stringify({
  created: terminator.type,
  imported: readFileSync(process.env.DRIFTWATCH_RESOLVE_TRACE!, 'utf8').split('\n').filter(aws),
  required: Object.keys(createRequire(import.meta.url).cache).filter(aws).length,
  traced: readFileSync(process.env.DRIFTWATCH_RESOLVE_TRACE!, 'utf8').split('\n').length,
}));
