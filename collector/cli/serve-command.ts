// drift-collector serve: open the store, run the HTTP server until SIGTERM/SIGINT.
import { parseArgs } from 'node:util';
import { DriftwatchError } from '../../common/errors.js';
import { makeConfig, parseListen } from '../config.js';
import { buildApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { openSqliteStore } from '../store/sqlite-store.js';

export const SERVE_HELP = `Usage: drift-collector serve --db FILE --listen HOST:PORT --admin-token T --enroll-token E

Run the collector: agents enroll and report over signed protobuf; operators
read hosts and events from the JSON API.

Options:
  --db FILE            SQLite database (created if missing; WAL mode)
  --listen HOST:PORT   address to listen on, e.g. 127.0.0.1:8080
  --admin-token T      bearer token for the operator API (at least 16 characters)
  --enroll-token E     fleet enrollment token agents present (at least 16 characters)
  -h, --help           show this help

Tokens may also come from DRIFTWATCH_ADMIN_TOKEN and DRIFTWATCH_ENROLL_TOKEN,
which keeps them out of the process list.`;

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: {
      db: { type: 'string' }, listen: { type: 'string' }, 'admin-token': { type: 'string' }, 'enroll-token': { type: 'string' },
      policy: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(SERVE_HELP);
    return 0;
  }
  if (values.policy !== undefined) throw new DriftwatchError('COLLECTOR_USAGE', '--policy is not supported by this build yet');
  const adminToken = values['admin-token'] ?? process.env.DRIFTWATCH_ADMIN_TOKEN;
  const enrollToken = values['enroll-token'] ?? process.env.DRIFTWATCH_ENROLL_TOKEN;
  for (const [flag, v] of [['--db', values.db], ['--listen', values.listen], ['--admin-token', adminToken], ['--enroll-token', enrollToken]] as const) {
    if (v === undefined) throw new DriftwatchError('COLLECTOR_USAGE', `serve needs ${flag}`);
  }
  const { host, port } = parseListen(values.listen!);
  const config = makeConfig({ db: values.db!, host, port, adminToken: adminToken!, enrollToken: enrollToken! });
  const logger = createLogger();
  const store = openSqliteStore(config.db);
  await store.migrate();
  const app = buildApp(store, config, logger);
  await app.listen({ host: config.host, port: config.port });
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  logger.info('shutting down');
  await app.close();
  await store.close();
  return 0;
}
