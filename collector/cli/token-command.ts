// drift-collector token create|list|revoke: operator API tokens straight in
// the database, for bootstrapping (the first token, before anyone can call
// the API) and for recovery. Each change is audited with actor "cli".
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DriftwatchError } from '../../common/errors.js';
import { hashSecret, isRole, newSecret, ROLES, tokenNameProblem } from '../api/operator-auth.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { Role, Store, TokenRecord } from '../store/store.js';
import { textTable } from './text-table.js';

export const TOKEN_HELP = `Usage: drift-collector token create --db FILE --role ROLE [--name NAME]
       drift-collector token list --db FILE
       drift-collector token revoke --db FILE ID

Manage operator API tokens directly in the collector's database (no running
collector needed). Roles: viewer (read everything), responder (also approve
actions), admin (also manage tokens).

  create   make a token; its secret is printed once on stdout and never stored
  list     show tokens (id, name, role, created, revoked); never secrets
  revoke   revoke the token with this id; requests with it are refused at once

Options:
  --db FILE      the collector's SQLite database (create makes it if missing)
  --role ROLE    viewer, responder or admin
  --name NAME    a label for the token, 1..64 characters (default: cli-ROLE)
  -h, --help     show this help`;

const usage = (message: string): DriftwatchError => new DriftwatchError('COLLECTOR_USAGE', message);

/** Opens and migrates the database. Only create may make a new file: a typo in list/revoke must not. */
async function openStore(db: string | undefined, mayCreate: boolean): Promise<Store> {
  if (db === undefined) throw usage('token commands need --db FILE');
  if (!mayCreate && !existsSync(db)) throw usage(`no database at ${db}`);
  const store = openSqliteStore(db);
  try {
    await store.migrate();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

/** Checked before the database is opened, so a typo creates no file. */
function createArgs(role: string | undefined, name: string | undefined): { role: Role; tokenName: string } {
  if (!isRole(role)) throw usage(`--role must be one of ${ROLES.join(', ')}`);
  const tokenName = name ?? `cli-${role}`;
  const problem = tokenNameProblem(tokenName);
  if (problem !== undefined) throw usage(`--${problem}`);
  return { role, tokenName };
}

async function create(store: Store, { role, tokenName }: { role: Role; tokenName: string }): Promise<void> {
  const secret = newSecret();
  const now = new Date();
  const token = await store.createToken(tokenName, role, hashSecret(secret), now, 'cli');
  // stdout holds the secret alone, so `$(drift-collector token create …)` captures exactly it.
  process.stdout.write(`${secret}\n`);
  process.stderr.write(`created ${role} token ${token.id} (${tokenName}); the secret above is shown only once\n`);
}

function table(tokens: TokenRecord[]): string {
  return textTable([['ID', 'NAME', 'ROLE', 'CREATED', 'REVOKED'],
    ...tokens.map((t) => [t.id, t.name, t.role, t.createdAt.toISOString(), t.revokedAt?.toISOString() ?? '-'])]);
}

async function revoke(store: Store, id: string | undefined): Promise<void> {
  if (id === undefined) throw usage('token revoke needs the token ID');
  const now = new Date();
  if (!/^[0-9a-f]{32}$/.test(id) || !(await store.revokeToken(id, now, 'cli'))) {
    throw new DriftwatchError('COLLECTOR_NOT_FOUND', `no live token ${id}`);
  }
  process.stderr.write(`revoked token ${id}\n`);
}

export async function tokenCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true, strict: true,
    options: { db: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [sub, ...rest] = positionals;
  if (values.help === true) {
    console.log(TOKEN_HELP);
    return 0;
  }
  if (sub !== 'create' && sub !== 'list' && sub !== 'revoke') {
    throw usage(`token needs create, list or revoke${sub === undefined ? '' : `, not ${JSON.stringify(sub)}`} (try drift-collector token --help)`);
  }
  if (rest.length > (sub === 'revoke' ? 1 : 0)) throw usage(`unexpected argument ${JSON.stringify(rest.at(-1))}`);
  if (sub !== 'create' && (values.role !== undefined || values.name !== undefined)) throw usage('--role and --name are for token create only');
  const created = sub === 'create' ? createArgs(values.role, values.name) : undefined;
  const store = await openStore(values.db, sub === 'create');
  try {
    if (created !== undefined) await create(store, created);
    else if (sub === 'list') console.log(table(await store.listTokens()));
    else await revoke(store, rest[0]);
  } finally {
    await store.close();
  }
  return 0;
}
