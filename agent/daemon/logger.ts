// One pino root logger per agent process (JSON lines on stdout, for journald);
// the enrollment token is redacted wherever a settings object is logged.
import { pino, type Logger } from 'pino';

export function createAgentLogger(level: string): Logger {
  return pino({
    level,
    base: { component: 'drift-agent' },
    redact: { paths: ['enrollToken', 'settings.enrollToken', 'config.enrollToken'], censor: '[redacted]' },
  });
}
