// drift-collector serve: load the settings and the policy, open the store, run
// the response loop (alerts, terminations through the governor), the HTTP(S)
// server and the silent-host monitor until SIGTERM/SIGINT; SIGHUP reloads the policy.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DriftwatchError, describeFsError } from '../../common/errors.js';
import { loadConfig, readConfigFile, type CollectorConfig } from '../config.js';
import { auditedReload } from '../api/policy-routes.js';
import { buildApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { PolicyHolder } from '../policy/policy-holder.js';
import { defaultPolicy, loadPolicyFile } from '../policy/policy-load.js';
import { startSilentMonitor } from '../silent-monitor.js';
import { startResponse } from '../actions/start-response.js';
import { openSqliteStore } from '../store/sqlite-store.js';

export const SERVE_HELP = `Usage: drift-collector serve [--config FILE] [--db FILE] [--listen HOST:PORT]
                             [--admin-token T] [--enroll-token E] [--tls-cert F --tls-key F]
                             [--policy FILE] [--check-config]

Run the collector: agents enroll and report over signed protobuf; every event
gets the policy's verdict, alerts go to the configured notifiers and terminate
verdicts to the terminator through the governor; operators read hosts and
events, and approve or deny held terminations, through the JSON API.

Options:
  --config FILE        YAML file with the settings (docs/collector.md); flags override it
  --db FILE            SQLite database (created if missing; WAL mode)
  --listen HOST:PORT   address to listen on, e.g. 127.0.0.1:8080
  --admin-token T      bearer token with the admin role (at least 16 characters)
  --enroll-token E     fleet enrollment token agents present (at least 16 characters)
  --tls-cert FILE      PEM certificate: serve HTTPS (with --tls-key)
  --tls-key FILE       PEM private key
  --policy FILE        policy YAML file (docs/policy.md); without it, the built-in
                       default policy ('drift-collector policy default' prints it).
                       SIGHUP or POST /api/v1/policy/reload reloads the file; a bad
                       file is refused and the policy in force stays
  --check-config       validate the settings and the policy, print "config ok", and
                       exit (0 ok, 2 invalid)
  -h, --help           show this help

Tokens may also come from DRIFTWATCH_ADMIN_TOKEN and DRIFTWATCH_ENROLL_TOKEN,
which keeps them out of the process list.`;

function settings(args: string[]): { config: Readonly<CollectorConfig>; checkOnly: boolean } | undefined {
  const { values } = parseArgs({
    args, allowPositionals: false, strict: true,
    options: {
      config: { type: 'string' }, db: { type: 'string' }, listen: { type: 'string' }, 'admin-token': { type: 'string' },
      'enroll-token': { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' },
      'check-config': { type: 'boolean', default: false }, policy: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return undefined;
  const config = loadConfig({
    ...(values.config === undefined ? {} : { file: readConfigFile(values.config) }),
    flags: {
      db: values.db, listen: values.listen, tls_cert: values['tls-cert'], tls_key: values['tls-key'], policy: values.policy,
      admin_token: values['admin-token'] ?? process.env.DRIFTWATCH_ADMIN_TOKEN,
      enroll_token: values['enroll-token'] ?? process.env.DRIFTWATCH_ENROLL_TOKEN,
    },
  });
  return { config, checkOnly: values['check-config'] };
}

function readPem(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    throw new DriftwatchError('COLLECTOR_CONFIG_INVALID', `cannot read ${file}: ${describeFsError(err)}`);
  }
}

export async function serveCommand(args: string[]): Promise<number> {
  const parsed = settings(args);
  if (parsed === undefined) {
    console.log(SERVE_HELP);
    return 0;
  }
  const { config, checkOnly } = parsed;
  const https = config.tlsCert === undefined ? undefined : { cert: readPem(config.tlsCert), key: readPem(config.tlsKey!) };
  if (checkOnly) {
    if (config.policy === undefined) defaultPolicy();
    else loadPolicyFile(config.policy);
    console.log('config ok');
    return 0;
  }
  const logger = createLogger();
  const policy = PolicyHolder.open(config.policy, logger.child({ component: 'policy' }));
  const store = openSqliteStore(config.db);
  await store.migrate();
  // A refused policy is logged (and audited) by the reload; the process carries on.
  // Installed before listening: SIGHUP's default action would end the process.
  const reload = (): void => {
    auditedReload(policy, store, 'sighup').catch((err: unknown) => {
      if (!(err instanceof DriftwatchError)) logger.error({ err }, 'policy reload failed');
    });
  };
  process.on('SIGHUP', reload);
  // Before listening: a terminator that cannot be set up (an AWS one without a region) stops the start.
  const response = await startResponse(store, config, policy, logger);
  const app = buildApp(store, config, logger, { https, policy });
  await app.listen({ host: config.host, port: config.port });
  const monitor = startSilentMonitor(store, config, logger);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  process.off('SIGHUP', reload);
  logger.info('shutting down');
  monitor.stop();
  await app.close();
  // After the server: no new verdicts arrive; before the store: in-flight sends and terminator calls settle.
  await response.stop();
  await store.close();
  return 0;
}
