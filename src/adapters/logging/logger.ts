import { pino, type DestinationStream, type Logger } from 'pino';
import { executionScope } from '../system/execution-scope.js';

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
      serializers: { err: serializeError },
      mixin: () => {
        const scope = executionScope.getStore(); // the request or job: its id goes on every line
        return scope ? { reqId: scope.requestId } : {};
      },
    },
    // Buffered, asynchronous writes to stdout: one write per few KiB instead of one per line; pino
    // flushes the buffer when the process exits.
    destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

/** Shaped like an error code (Z_DATA_ERROR, ECONNREFUSED, a 5-character SQLSTATE), never like an OTP. */
const ERROR_CODE = /^(?:[A-Z][A-Z0-9_]*|[0-9A-Z]{5})$/;

/**
 * `code` is redacted everywhere (an OTP may travel under that name), which would also hide the codes
 * of errors (a driver's ECONNREFUSED, PostgreSQL's 23505) that operators need; they go as `errorCode`.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && ERROR_CODE.test(code) ? { ...serialized, errorCode: code } : serialized;
}
