// One pino root logger per collector process; secrets redacted wherever they
// could appear (request headers, config).
import { pino, type Logger } from 'pino';

export function createLogger(level = process.env.DRIFTWATCH_LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-driftwatch-signature"]', 'adminToken', 'enrollToken', 'config.adminToken', 'config.enrollToken'],
      censor: '[redacted]',
    },
  });
}
