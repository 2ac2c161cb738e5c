import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/bootstrap/config.js';

const strong = (c: string) => c.repeat(40);
const productionEnv = {
  NODE_ENV: 'production',
  ALLOW_FAKE_GATEWAYS: 'true',
  JWT_SECRET: strong('a'),
  JWT_REFRESH_SECRET: strong('b'),
};

const failureOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
};

describe('configuration', () => {
  it('runs the embedded default with nothing set', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'embedded', dataDir: './.data' });
    expect(config.env).toMatchObject({
      PORT: 5000,
      JWT_EXPIRES_IN: 900,
      JWT_REFRESH_EXPIRES_IN: 604_800,
      RATE_LIMIT_AUTH_MAX: 5,
    });
    expect(config.env.REMINDER_OFFSETS).toEqual([86_400, 3600]);
    expect(config.fakeGateways).toEqual(['WhatsApp', 'SMS', 'Razorpay', 'Google Meet']);
  });

  it('selects a server from DATABASE_URL or from the DB_* variables', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d' }).database).toEqual({
      kind: 'server',
      url: 'postgres://u@h:5432/d',
    });
    expect(
      loadConfig({ DB_HOST: 'db', DB_NAME: 'mibo', DB_USER: 'app', DB_PASSWORD: 'p@ss' }).database,
    ).toEqual({
      kind: 'server',
      url: 'postgres://app:p%40ss@db:5432/mibo',
    });
  });

  it('names the variable and the problem in one line', () => {
    for (const [env, expected] of [
      [{ PORT: 'abc' }, /^Configuration error: PORT .*whole number/],
      [{ PORT: '70000' }, /^Configuration error: PORT .*at most 65535/],
      [{ JWT_EXPIRES_IN: '15 minutes' }, /^Configuration error: JWT_EXPIRES_IN .*15m/],
      [{ DATABASE_URL: 'mysql://x' }, /^Configuration error: DATABASE_URL/],
      [{ NODE_ENV: 'staging' }, /^Configuration error: NODE_ENV/],
      [{ REMINDER_OFFSETS: '24h;1h' }, /^Configuration error: REMINDER_OFFSETS/],
    ] as const) {
      const message = failureOf(env);
      expect(message).toMatch(expected);
      expect(message).not.toContain('\n');
    }
  });

  it('in production refuses fake gateways unless allowed', () => {
    const { ALLOW_FAKE_GATEWAYS: _, ...withoutAllow } = productionEnv;
    expect(failureOf(withoutAllow)).toMatch(/fake gateways.*ALLOW_FAKE_GATEWAYS=true/);
    expect(loadConfig(productionEnv).production).toBe(true);
  });

  it('in production refuses missing, short, example or identical JWT secrets', () => {
    expect(failureOf({ ...productionEnv, JWT_SECRET: '' })).toMatch(/JWT_SECRET is required/);
    expect(failureOf({ ...productionEnv, JWT_SECRET: 'short-secret' })).toMatch(
      /JWT_SECRET must be at least 32/,
    );
    expect(
      failureOf({ ...productionEnv, JWT_REFRESH_SECRET: 'your_refresh_secret_your_refresh_secret' }),
    ).toMatch(/example/);
    expect(failureOf({ ...productionEnv, JWT_REFRESH_SECRET: strong('a') })).toMatch(/must differ/);
  });

  it('parses CORS origins and booleans', () => {
    const config = loadConfig({
      CORS_ORIGIN: 'http://localhost:3000, http://localhost:5173',
      TRUST_PROXY: 'yes',
    });
    expect(config.corsOrigins).toEqual(['http://localhost:3000', 'http://localhost:5173']);
    expect(config.env.TRUST_PROXY).toBe(true);
  });
});
