// A termination runner for tests: its outcome clock is `clock.now`, which
// tick(ms) moves to the tick's time; terminator calls are not bounded unless
// the test says so, so one tick runs every approved termination; tick waits
// for the calls it started.
import { pino } from 'pino';
import { createTerminationRunner, type TerminationRunner, type TerminationRunnerOptions } from '../../collector/actions/termination-runner.js';
import type { Terminator } from '../../collector/actions/terminator.js';
import type { GovernorSettings, Severity } from '../../collector/policy/policy-types.js';
import type { Store } from '../../collector/store/store.js';
import { DEFAULT_GOVERNOR } from './drift-fleet.js';

export interface TestRunner {
  r: TerminationRunner;
  clock: { now: Date };
  tick(ms: number): Promise<void>;
}

export function testRunner(
  store: Store, terminator: Terminator | undefined, at: (ms: number) => Date,
  over: { settings?: Partial<GovernorSettings>; opts?: Partial<TerminationRunnerOptions>; notifiers?: { name: string; minSeverity: Severity }[] } = {},
): TestRunner {
  const clock = { now: at(0) };
  const r = createTerminationRunner(store, terminator, () => ({ ...DEFAULT_GOVERNOR, ...over.settings }), over.notifiers ?? [],
    { silentAfterMs: 90_000, alertTtlMs: 3_600_000, concurrency: 100, clock: () => clock.now, ...over.opts }, pino({ level: 'silent' }));
  return {
    r, clock,
    async tick(ms) {
      clock.now = at(ms);
      await r.tick(at(ms));
      await r.settled();
    },
  };
}

/** How many terminations are in each state. */
export async function stateCounts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await store.listTerminations({ limit: 1000 })) out[t.state] = (out[t.state] ?? 0) + 1;
  return out;
}
