import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { RequestContext } from '@mikro-orm/core';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { loadConfig } from '../../src/bootstrap/config.js';
import { createApi, type Api } from '../../src/bootstrap/create-api.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Generous limits so tests that are not about rate limiting never meet them. */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'info',
  RATE_LIMIT_AUTH_MAX: '100000',
  RATE_LIMIT_OTP_MAX: '100000',
  RATE_LIMIT_API_MAX: '100000',
};

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestApi {
  api: Api;
  url: string;
  /** Every log line the API wrote, as text (for redaction tests). */
  logs: string[];
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Runs code against the API's database with its own ORM context (test data builders). */
  inContext<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent exactly as given (for malformed JSON and oversized bodies). */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** The whole API on its own fresh database, listening on a free port. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const database: TestDatabase = await createTestDatabase();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = loadConfig({ ...TEST_ENV, ...env });
  let api: Api;
  try {
    api = await createApi(config, { database, logger: createLogger(config.env.LOG_LEVEL, sink) });
  } catch (error) {
    await database.drop();
    throw error;
  }
  const server: Server = createServer(api.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    api,
    url,
    logs,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      if (options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(`${url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON (metrics, docs): keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as any, text };
    },
    inContext: (work) => RequestContext.create(api.infra.orm.em, work),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
      await database.drop();
    },
  };
}
