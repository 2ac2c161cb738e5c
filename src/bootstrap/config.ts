import * as v from 'valibot';

/** Environment → typed Config. A bad value stops start-up with one line naming the variable. */

const optionalText = v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)));
const int = (min: number, max: number, fallback: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(min, `must be at least ${min}`),
      v.maxValue(max, `must be at most ${max}`),
    ),
    String(fallback),
  );
const bool = (fallback: boolean) =>
  v.optional(
    v.pipe(
      v.picklist(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], 'must be true or false'),
      v.transform((s) => ['true', '1', 'yes', 'on'].includes(s)),
    ),
    fallback ? 'true' : 'false',
  );
const duration = (fallback: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+[smhd]$/, 'must look like 15m, 12h or 7d'),
      v.transform(durationSeconds),
      v.minValue(1, 'must be longer than zero'),
    ),
    fallback,
  );
const url = (...protocols: string[]) =>
  v.optional(
    v.pipe(
      v.string(),
      v.url('must be a URL'),
      v.check(
        (s) => protocols.some((p) => s.startsWith(`${p}://`)),
        `must start with ${protocols.join(':// or ')}://`,
      ),
    ),
  );

const EnvSchema = v.object({
  NODE_ENV: v.optional(
    v.picklist(['development', 'test', 'production'], 'must be development, test or production'),
    'development',
  ),
  PORT: int(0, 65535, 5000),
  LOG_LEVEL: v.optional(v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  CORS_ORIGIN: v.optional(v.string(), ''),
  TRUST_PROXY: bool(false),
  JSON_BODY_LIMIT_KB: int(1, 10_240, 100),
  METRICS_TOKEN: optionalText,

  DATABASE_URL: url('postgres', 'postgresql'),
  DB_HOST: optionalText,
  DB_PORT: int(1, 65535, 5432),
  DB_NAME: optionalText,
  DB_USER: optionalText,
  DB_PASSWORD: v.optional(v.string()),
  DB_POOL_MAX: int(1, 100, 10),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './.data'),
  REDIS_URL: url('redis', 'rediss'),
  WORKER: v.optional(v.picklist(['on', 'off'], 'must be on or off'), 'on'),
  JOB_MAX_ATTEMPTS: int(1, 100, 8),
  JOB_BACKOFF_MS: int(1, 86_400_000, 2000),
  JOB_CONCURRENCY: int(1, 100, 4),
  JOB_STALLED_MS: int(500, 3_600_000, 30_000),
  OUTBOX_POLL_MS: int(10, 600_000, 1000),
  QUEUE_PREFIX: v.optional(
    v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'letters, digits, _ . - only')),
    'mibo-jobs',
  ),

  JWT_SECRET: optionalText,
  JWT_REFRESH_SECRET: optionalText,
  JWT_EXPIRES_IN: duration('15m'),
  JWT_REFRESH_EXPIRES_IN: duration('7d'),

  RAZORPAY_KEY_ID: optionalText,
  RAZORPAY_KEY_SECRET: optionalText,
  RAZORPAY_WEBHOOK_SECRET: optionalText,
  GALLABOX_API_KEY: optionalText,
  GALLABOX_API_SECRET: optionalText,
  GALLABOX_CHANNEL_ID: optionalText,
  GALLABOX_BASE_URL: v.optional(v.pipe(v.string(), v.url('must be a URL')), 'https://server.gallabox.com'),
  GALLABOX_TEMPLATE_OTP: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), 'mibo_otp'),
  GALLABOX_TEMPLATE_CONFIRMATION: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(1)),
    'mibo_appointment_confirmation',
  ),
  GALLABOX_TEMPLATE_REMINDER: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(1)),
    'mibo_appointment_reminder',
  ),
  GALLABOX_TEMPLATE_PAYMENT_LINK: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(1)),
    'mibo_payment_link',
  ),
  GALLABOX_TEMPLATE_CANCELLATION: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(1)),
    'mibo_appointment_cancellation',
  ),
  GALLABOX_TEMPLATE_REFUND: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), 'mibo_payment_refund'),
  SMS_PROVIDER: v.optional(v.picklist(['msg91'], 'must be msg91 or unset')),
  MSG91_AUTH_KEY: optionalText,
  MSG91_TEMPLATE_ID: optionalText,
  MSG91_BASE_URL: v.optional(v.pipe(v.string(), v.url('must be a URL')), 'https://control.msg91.com'),
  GOOGLE_CLIENT_ID: optionalText,
  GOOGLE_CLIENT_SECRET: optionalText,
  GOOGLE_REDIRECT_URI: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
  GOOGLE_REFRESH_TOKEN: optionalText,
  ALLOW_FAKE_GATEWAYS: bool(false),
  /** Fake WhatsApp/SMS only: how long a fake send takes to answer after recording (provider latency). */
  FAKE_GATEWAY_LATENCY_MS: int(0, 600_000, 0),

  BOOTSTRAP_ADMIN_USERNAME: optionalText,
  BOOTSTRAP_ADMIN_PASSWORD: optionalText,
  BOOTSTRAP_ADMIN_PHONE: optionalText,
  BOOTSTRAP_ADMIN_NAME: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)), 'Administrator'),

  RATE_LIMIT_AUTH_MAX: int(1, 1_000_000_000, 5),
  RATE_LIMIT_OTP_MAX: int(1, 1_000_000_000, 3),
  RATE_LIMIT_API_MAX: int(1, 1_000_000_000, 100),
  RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400, 900),
  RATE_LIMIT_IP_MULTIPLIER: int(1, 1_000_000, 10),
  RATE_LIMIT_PREFIX: v.optional(
    v.pipe(v.string(), v.regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only')),
    'mibo:rl',
  ),

  BOOKING_HOLD_MINUTES: int(1, 1440, 15),
  BOOKING_MIN_NOTICE_MINUTES: int(0, 10_080, 60),
  BOOKING_HORIZON_DAYS: int(1, 730, 60),
  PAYMENT_LINK_EXPIRY_HOURS: int(1, 720, 24),
  SLOT_CACHE_TTL_MS: int(0, 3_600_000, 10_000),
  SLOT_CACHE_MAX_ENTRIES: int(1, 1_000_000, 10_000),
  PATIENT_CANCEL_CUTOFF_HOURS: int(0, 720, 24),
  REMINDER_OFFSETS: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\s*\d+[smhd](\s*,\s*\d+[smhd])*\s*$/, 'must be a comma-separated list like 24h,1h'),
      v.transform((s) => s.split(',').map((part) => durationSeconds(part.trim()))),
    ),
    '24h,1h',
  ),
});

export type Env = v.InferOutput<typeof EnvSchema>;

export interface Config {
  env: Env;
  production: boolean;
  database: { kind: 'server'; url: string } | { kind: 'embedded'; dataDir: string };
  corsOrigins: string[];
  fakeGateways: string[];
}

/** Example values from the spec and .env.example: never acceptable as secrets in production. */
const EXAMPLE_SECRETS = new Set([
  'your_jwt_secret',
  'your_refresh_secret',
  'change-me',
  'changeme',
  'secret',
]);

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = v.safeParse(EnvSchema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const name = v.getDotPath(issue) ?? 'environment';
    throw new ConfigError(
      `Configuration error: ${name} ${issue.message.replace(/^Invalid \w+: /, 'is invalid: ')}`,
    );
  }
  const env = parsed.output;
  const production = env.NODE_ENV === 'production';
  const config: Config = {
    env,
    production,
    database: databaseOf(env),
    corsOrigins: env.CORS_ORIGIN.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    fakeGateways: fakeGatewaysOf(env),
  };
  checkProductionRules(config);
  return config;
}

function databaseOf(env: Env): Config['database'] {
  if (env.DATABASE_URL) return { kind: 'server', url: env.DATABASE_URL };
  if (env.DB_HOST) {
    const user = encodeURIComponent(env.DB_USER ?? 'postgres');
    const password = env.DB_PASSWORD ? `:${encodeURIComponent(env.DB_PASSWORD)}` : '';
    const name = encodeURIComponent(env.DB_NAME ?? 'mibo_db');
    return { kind: 'server', url: `postgres://${user}${password}@${env.DB_HOST}:${env.DB_PORT}/${name}` };
  }
  return { kind: 'embedded', dataDir: env.DATA_DIR };
}

function fakeGatewaysOf(env: Env): string[] {
  const fakes: string[] = [];
  if (!env.GALLABOX_API_KEY) fakes.push('WhatsApp');
  if (!env.SMS_PROVIDER && !env.GALLABOX_API_KEY) fakes.push('SMS');
  if (!env.RAZORPAY_KEY_ID) fakes.push('Razorpay');
  if (!env.GOOGLE_REFRESH_TOKEN) fakes.push('Google Meet');
  return fakes;
}

function checkProductionRules(config: Config): void {
  const { env } = config;
  if (env.SMS_PROVIDER === 'msg91' && !(env.MSG91_AUTH_KEY && env.MSG91_TEMPLATE_ID)) {
    throw new ConfigError(
      'Configuration error: MSG91_AUTH_KEY and MSG91_TEMPLATE_ID are required when SMS_PROVIDER=msg91',
    );
  }
  // Without the webhook secret no webhook could be verified, so every payment would wait on verify.
  if (env.RAZORPAY_KEY_ID && !(env.RAZORPAY_KEY_SECRET && env.RAZORPAY_WEBHOOK_SECRET)) {
    throw new ConfigError(
      'Configuration error: RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET are required when RAZORPAY_KEY_ID is set',
    );
  }
  if (env.GOOGLE_REFRESH_TOKEN && !(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET)) {
    throw new ConfigError(
      'Configuration error: GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET are required when GOOGLE_REFRESH_TOKEN is set',
    );
  }
  if (env.GALLABOX_API_KEY && !(env.GALLABOX_API_SECRET && env.GALLABOX_CHANNEL_ID)) {
    throw new ConfigError(
      'Configuration error: GALLABOX_API_SECRET and GALLABOX_CHANNEL_ID are required when GALLABOX_API_KEY is set',
    );
  }
  if (!config.production) return;
  if (config.fakeGateways.length > 0 && !env.ALLOW_FAKE_GATEWAYS) {
    throw new ConfigError(
      `Configuration error: NODE_ENV=production refuses fake gateways (${config.fakeGateways.join(', ')}); configure them or set ALLOW_FAKE_GATEWAYS=true`,
    );
  }
  for (const name of ['JWT_SECRET', 'JWT_REFRESH_SECRET'] as const) {
    const secret = env[name];
    if (!secret) throw new ConfigError(`Configuration error: ${name} is required in production`);
    if (secret.length < 32)
      throw new ConfigError(`Configuration error: ${name} must be at least 32 characters in production`);
    if (EXAMPLE_SECRETS.has(secret) || /^your_|example/i.test(secret)) {
      throw new ConfigError(`Configuration error: ${name} is an example value; generate a random secret`);
    }
  }
  if (env.JWT_SECRET === env.JWT_REFRESH_SECRET) {
    throw new ConfigError('Configuration error: JWT_REFRESH_SECRET must differ from JWT_SECRET');
  }
}

function durationSeconds(text: string): number {
  const amount = Number(text.slice(0, -1));
  const unit = text.slice(-1);
  const factor = unit === 's' ? 1 : unit === 'm' ? 60 : unit === 'h' ? 3600 : 86_400;
  return amount * factor;
}
