// drift-agent run: the daemon. Settings come from the config file, flags
// override it (docs/agent.md); the daemon itself is agent/daemon/agent-daemon.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DriftwatchError, describeFsError } from '../../common/errors.js';
import type { AgentConfig } from '../config/agent-config-schema.js';
import { loadAgentConfig, readAgentConfigFile } from '../config/load-agent-config.js';
import { resolveSealCondition } from '../config/seal-condition.js';
import { runDaemon, type DaemonSettings } from '../daemon/agent-daemon.js';
import { createAgentLogger } from '../daemon/logger.js';
import { parsePaths } from '../pipeline/scan-options.js';
import { ensureStateDir, removeStateFile, STATE_FILES, writeStateFile } from '../state/state-dir.js';

export const RUN_HELP = `Usage: drift-agent run [--config FILE] [--collector URL] [--enroll-token E] [--root DIR]
                      [--state-dir DIR] [--paths P1,P2] [--check-config]

Run the agent: enroll with the collector, seal the host's baseline once (when
the seal condition holds), watch for drift and report every change. Stops
cleanly on SIGTERM/SIGINT after telling the collector (agent_stopped).

Options:
  --config FILE      YAML settings (docs/agent.md); flags override it
  --collector URL    the collector, e.g. https://collector.example:8443
  --enroll-token E   fleet enrollment token (first start only; prefer enroll_token_file in the config)
  --root DIR         the filesystem to watch, as if it were / (default: /)
  --state-dir DIR    key, baseline, outbox (default: /var/lib/drift-agent)
  --paths P1,P2      paths inside the root to fingerprint and watch
  --check-config     validate the settings, print "config ok", and exit (0 ok, 2 invalid)
  -h, --help         show this help

Exit status: 0 stopped cleanly; 2 error.`;

/** The two second utmp poll is cheap (a stat) and keeps login events prompt. */
const LOGINS_POLL_MS = 2000;

function settingsOf(c: Readonly<AgentConfig>): DaemonSettings {
  if (c.collector === undefined) throw new DriftwatchError('AGENT_CONFIG_INVALID', 'no collector: set collector in the config file or give --collector URL');
  let ca: Buffer | undefined;
  if (c.caFile !== undefined) {
    try {
      ca = readFileSync(c.caFile);
    } catch (err) {
      throw new DriftwatchError('AGENT_CONFIG_INVALID', `ca_file ${c.caFile}: ${describeFsError(err)}`);
    }
  }
  return {
    collector: c.collector, enrollToken: c.enrollToken, ca, root: c.root, stateDir: c.stateDir,
    paths: c.paths, ignore: c.ignore, chokidarPaths: c.chokidarPaths, seal: resolveSealCondition(c, existsSync),
    heartbeatIntervalMs: c.heartbeatIntervalMs, rescanIntervalMs: c.rescanIntervalMs, fullRehashIntervalMs: c.fullRehashIntervalMs,
    debounceMs: c.watchDebounceMs, maxHashBytesPerS: c.hashRateMbPerS * 1024 * 1024, nice: c.nice,
    batchMaxEvents: c.batchMaxEvents, outboxMaxEvents: c.outboxMaxEvents, labels: { ...c.labels }, imageId: c.imageId,
    loginsPollMs: LOGINS_POLL_MS, shutdownCommand: c.shutdownCommand,
    capture: { globs: c.capture, maxBytes: c.captureMaxBytes, secret: c.secret },
  };
}

export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args, strict: true, allowPositionals: false,
    options: {
      config: { type: 'string' }, collector: { type: 'string' }, 'enroll-token': { type: 'string' }, root: { type: 'string' },
      'state-dir': { type: 'string' }, paths: { type: 'string' }, 'check-config': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    console.log(RUN_HELP);
    return 0;
  }
  const flags: Partial<AgentConfig> = {};
  if (values.collector !== undefined) flags.collector = values.collector;
  if (values['enroll-token'] !== undefined) flags.enrollToken = values['enroll-token'];
  if (values.root !== undefined) flags.root = values.root;
  if (values['state-dir'] !== undefined) flags.stateDir = values['state-dir'];
  if (values.paths !== undefined) flags.paths = parsePaths(values.paths);
  const config = loadAgentConfig({ ...(values.config === undefined ? {} : { file: readAgentConfigFile(values.config) }), flags });
  const settings = settingsOf(config);
  if (values['check-config']) {
    console.log('config ok');
    return 0;
  }
  const log = createAgentLogger(config.logLevel);
  if (process.getuid?.() !== 0) {
    log.warn('not running as root: files this user cannot read are reported as unreadable (coverage gaps), not skipped silently');
  }
  ensureStateDir(settings.stateDir);
  writeStateFile(settings.stateDir, STATE_FILES.pid, `${process.pid}\n`);
  const stop = new AbortController();
  const onSignal = (signal: string): void => {
    log.info({ signal }, 'stopping');
    stop.abort();
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  try {
    await runDaemon(settings, log, stop.signal);
  } finally {
    removeStateFile(settings.stateDir, STATE_FILES.pid);
    // Everything is closed and the outbox is on disk: a handle left open somewhere must not keep
    // a stopped agent alive (systemd would SIGKILL it at TimeoutStopSec). Unref'd: fires only then.
    setTimeout(() => {
      log.warn('a handle was still open 2 s after stop; exiting anyway');
      process.exit(process.exitCode ?? 0);
    }, 2000).unref();
  }
  log.info({ stateDir: join(settings.stateDir) }, 'stopped');
  return 0;
}
