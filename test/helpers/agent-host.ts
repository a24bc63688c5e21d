// One agent's host at a collector shared by several agents: found by the host
// id the agent wrote into its state directory, read through the operator API.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, waitFor, type AgentProcess, type ApiEvent, type ApiHost } from './agent-process.js';

/** The host id of an enrolled state directory (identity.json), or undefined before enrollment. */
export function enrolledHostId(stateDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(stateDir, 'identity.json'), 'utf8')) as { hostId: string }).hostId;
  } catch {
    return undefined;
  }
}

/** Waits for the agent to enroll; returns its host id. */
export function waitEnrolled(stateDir: string, agent: AgentProcess, ms = 20_000): Promise<string> {
  return waitFor('enrollment (identity.json)', () => Promise.resolve(enrolledHostId(stateDir)), ms, agent.logs);
}

export async function hostById(base: string, id: string): Promise<ApiHost> {
  return (await api<{ host: ApiHost }>(base, `/api/v1/hosts/${id}`)).host;
}

/** Waits until the host is in `state` at the collector. */
export function waitHostState(base: string, id: string, state: string, agent: AgentProcess, ms = 20_000): Promise<ApiHost> {
  return waitFor(`host ${id} ${state}`, async () => {
    const h = await hostById(base, id);
    return h.state === state ? h : undefined;
  }, ms, agent.logs);
}

/** An event as the operator API returns it, with the payload fields these tests read. */
export interface HostEvent extends ApiEvent {
  package?: { manager: string; name: string; version: string; arch: string };
  previous?: { manager: string; name: string; version: string; arch: string };
  login?: { user: string; tty: string; origin: string };
}

export async function hostEvents(base: string, id: string): Promise<HostEvent[]> {
  return (await api<{ events: HostEvent[] }>(base, `/api/v1/hosts/${id}/events?limit=1000`)).events;
}

/** Waits for an event matching `pred` at the collector. */
export function waitEvent(base: string, id: string, what: string, pred: (e: HostEvent) => boolean, agent: AgentProcess, ms = 20_000): Promise<HostEvent> {
  return waitFor(what, async () => (await hostEvents(base, id)).find(pred), ms, agent.logs);
}

/** Waits for the agent's "watching" log line: the seal and the rescan at start are done. */
export function waitWatching(agent: AgentProcess, ms = 20_000): Promise<true> {
  return waitFor('watching', () => Promise.resolve(agent.logs.some((l) => l.includes('"msg":"watching"')) ? true : undefined), ms, agent.logs);
}

/** Waits for `n` occurrences of a log message (pino's "msg"). */
export function waitLog(agent: AgentProcess, msg: string, n = 1, ms = 20_000): Promise<true> {
  const needle = `"msg":${JSON.stringify(msg)}`;
  return waitFor(`log "${msg}" x${n}`, () => Promise.resolve(agent.logs.filter((l) => l.includes(needle)).length >= n ? true : undefined), ms, agent.logs);
}
