// A collector app on a fresh SQLite file, for inject() tests.
import { join } from 'node:path';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { buildApp, type AppOptions } from '../../collector/http/app.js';
import { makeConfig, type CollectorConfig } from '../../collector/config.js';
import { PolicyHolder } from '../../collector/policy/policy-holder.js';
import { openSqliteStore } from '../../collector/store/sqlite-store.js';
import type { Store } from '../../collector/store/store.js';
import { makeTempDir, removeTempDir } from './temp-tree.js';
import { ADMIN_TOKEN, ENROLL_TOKEN, type SendFn } from './fake-agent.js';

export interface TestCollector {
  store: Store;
  app: FastifyInstance;
  /** The policy in force (config.policy, or the built-in default). */
  policy: PolicyHolder;
  /** The SQLite file, for tests that look at what was stored. */
  dbFile: string;
  /** Sends a request through inject(), for FakeAgent. */
  send: SendFn;
  close: () => Promise<void>;
}

export async function startTestCollector(
  overrides: Partial<CollectorConfig> = {}, logger: FastifyBaseLogger = pino({ level: 'silent' }), options: Omit<AppOptions, 'policy'> = {},
): Promise<TestCollector> {
  const dir = makeTempDir();
  const db = join(dir, 'c.db');
  const store = openSqliteStore(db);
  await store.migrate();
  const config = makeConfig({ db, adminToken: ADMIN_TOKEN, enrollToken: ENROLL_TOKEN, ...overrides });
  const policy = PolicyHolder.open(config.policy, logger);
  const app = buildApp(store, config, logger, { ...options, policy });
  await app.ready();
  const send: SendFn = async (method, url, body, headers) => {
    const r = await app.inject({ method: method as 'POST', url, payload: Buffer.from(body), headers });
    return { status: r.statusCode, body: r.rawPayload };
  };
  return {
    store, app, send, policy, dbFile: db,
    close: async () => {
      await app.close();
      await store.close();
      removeTempDir(dir);
    },
  };
}
