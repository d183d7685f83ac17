// Structured logging (pino). Anything that looks like a credential is redacted by path, and the
// credential store never hands secrets to the logger in the first place.
import { pino, type Logger } from 'pino';

export type Log = Logger;

export const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLog(level: string, destination?: NodeJS.WritableStream): Log {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLog: Log = pino({ level: 'silent' });
