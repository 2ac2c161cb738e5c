import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type DestinationStream, type Logger } from 'pino';

/** The request (or job) being served, so every log line carries its id without passing it around. */
export const logScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Keys whose values never reach a log: credentials, codes, tokens and clinical text. Bodies are not
 * logged at all; this is the second line of defence for anything that carries such a field.
 */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'otp',
  'code',
  'codeHash',
  'token',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
  'secret',
  'text',
  'notes',
  'medicalHistory',
  'razorpaySignature',
];

const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((key) => `*.${key}`),
  ...SECRET_KEYS.map((key) => `*.*.${key}`),
  'req.headers.authorization',
  'req.headers.cookie',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mibo' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      mixin: () => {
        const scope = logScope.getStore();
        return scope ? { reqId: scope.requestId } : {};
      },
    },
    destination,
  );
}
