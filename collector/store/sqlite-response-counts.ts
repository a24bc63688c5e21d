// Deliveries and terminations by state, for /metrics: two GROUP BY queries,
// read at scrape time so every replica on a shared database reports the same.
import type Database from 'better-sqlite3';
import { TERMINATION_STATES, type DeliveryState, type TerminationState } from './response-store.js';
import { perConnection } from './sqlite-statements.js';

const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'expired'];

const statements = perConnection((db: Database.Database) => ({
  deliveries: db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM deliveries GROUP BY state'),
  terminations: db.prepare<[], { state: string; n: number }>('SELECT state, count(*) AS n FROM terminations GROUP BY state'),
}));

function counted<S extends string>(states: readonly S[], rows: ReadonlyArray<{ state: string; n: number }>): Record<S, number> {
  const out = Object.fromEntries(states.map((s) => [s, 0])) as Record<S, number>;
  // The tables' CHECK constraints keep state to the known ones.
  for (const { state, n } of rows) out[state as S] = n;
  return out;
}

export function responseCounts(db: Database.Database): { deliveries: Record<DeliveryState, number>; terminations: Record<TerminationState, number> } {
  const s = statements(db);
  return { deliveries: counted(DELIVERY_STATES, s.deliveries.all()), terminations: counted(TERMINATION_STATES, s.terminations.all()) };
}
