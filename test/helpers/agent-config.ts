// Loading agent settings from YAML text in tests, and the message of a refusal.
import assert from 'node:assert/strict';
import type { AgentConfig } from '../../agent/config/agent-config-schema.js';
import { loadAgentConfig } from '../../agent/config/load-agent-config.js';
import { DriftwatchError } from '../../common/errors.js';

export function load(text: string, flags: Partial<AgentConfig> = {}, path = 'agent.yaml'): Readonly<AgentConfig> {
  return loadAgentConfig({ file: { path, text }, flags });
}

/** The AGENT_CONFIG_INVALID message a file (and flags) is refused with; fails if it is accepted. */
export function refused(text: string, flags: Partial<AgentConfig> = {}, path = 'agent.yaml'): string {
  try {
    load(text, flags, path);
  } catch (err) {
    assert.ok(err instanceof DriftwatchError, String(err));
    assert.equal(err.code, 'AGENT_CONFIG_INVALID');
    return err.message;
  }
  return assert.fail('config was accepted');
}
