import pino, { type Logger } from 'pino';

/**
 * JSON logs (one object per line) for machines; readable lines when a person is
 * watching a terminal, unless LOG_FORMAT=json asks otherwise.
 */
export function createLogger(level: string, name = 'pandora'): Logger {
  const pretty = process.stdout.isTTY && process.env.LOG_FORMAT !== 'json';
  return pino({
    name,
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.credentials'],
      censor: '[redacted]',
    },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
