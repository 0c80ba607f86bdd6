import pino, { type Logger, type LoggerOptions } from 'pino';
import { requestContext } from './request-context';

export type { Logger };

/** Paths never written to logs. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'password',
  'secret',
  'token',
  'applicationPassword',
  'agentSecret',
  '*.password',
  '*.secret',
  '*.token',
  '*.applicationPassword',
  '*.agentSecret',
];

export function createLogger(options: {
  name: string;
  level?: string;
  destination?: pino.DestinationStream;
}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: options.name },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = requestContext.get();
      return context
        ? { requestId: context.requestId, ...(context.userId ? { userId: context.userId } : {}) }
        : {};
    },
  };
  // Asynchronous writes to stdout (flushed on exit): lines logged while a write is under way go out
  // together in the next one, instead of one blocking syscall per line on a busy API.
  return pino(config, options.destination ?? pino.destination({ dest: 1, sync: false }));
}
