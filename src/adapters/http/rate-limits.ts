import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { RateLimitExceededError } from './http-errors.js';

export interface RateLimitSettings {
  authMax: number;
  otpMax: number;
  apiMax: number;
  windowSeconds: number;
  ipMultiplier: number;
  prefix: string;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

export type Bucket = 'otp:id' | 'otp:ip' | 'auth:id' | 'auth:ip' | 'api';

/** RATE_LIMIT_EXCEEDED with the state of the bucket that refused (for the X-RateLimit-* headers). */
export class RateLimitRefusal extends RateLimitExceededError {
  constructor(
    retryAfter: number,
    readonly state: RateLimitState,
  ) {
    super(retryAfter);
  }
}

/** Longest a request waits for Redis before its bucket is counted in this process instead. */
const REDIS_TIMEOUT_MS = 250;
/** After Redis failed or was too slow, how long this process counts in memory before trying it again. */
const REDIS_RETRY_AFTER_MS = 1000;

interface Limiter {
  points: number;
  memory: RateLimiterMemory;
  redis: RateLimiterAbstract | null;
}

/**
 * Fixed-window counters per bucket. In Redis when a client is given (shared by every API process),
 * each backed by an in-memory limiter that takes over at once when Redis is not connected, fails, or
 * does not answer within REDIS_TIMEOUT_MS (a paused or partitioned Redis keeps the socket "ready").
 */
export class RateLimits {
  private readonly limiters: Map<Bucket, Limiter>;
  private redisAvoidedUntil = 0;

  constructor(settings: RateLimitSettings, redis: Redis | null) {
    const max: Record<Bucket, number> = {
      'otp:id': settings.otpMax,
      'otp:ip': settings.otpMax * settings.ipMultiplier,
      'auth:id': settings.authMax,
      'auth:ip': settings.authMax * settings.ipMultiplier,
      api: settings.apiMax,
    };
    this.limiters = new Map(
      (Object.keys(max) as Bucket[]).map((bucket) => {
        const options = {
          points: max[bucket],
          duration: settings.windowSeconds,
          keyPrefix: `${settings.prefix}:${bucket}`,
        };
        const limiter: Limiter = {
          points: max[bucket],
          memory: new RateLimiterMemory(options),
          redis: redis
            ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true })
            : null,
        };
        return [bucket, limiter];
      }),
    );
  }

  /** Counts one request; throws RATE_LIMIT_EXCEEDED (with retryAfter and the bucket's state) past its limit. */
  async consume(bucket: Bucket, identifier: string): Promise<RateLimitState> {
    const limiter = this.limiters.get(bucket)!;
    const key = storedKey(identifier);
    try {
      return this.stateOf(limiter.points, await this.count(limiter, key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new RateLimitRefusal(retryAfter, this.stateOf(limiter.points, rejection));
      }
      throw rejection;
    }
  }

  private async count(limiter: Limiter, key: string): Promise<RateLimiterRes> {
    if (limiter.redis && Date.now() >= this.redisAvoidedUntil) {
      try {
        return await withTimeout(limiter.redis.consume(key, 1), REDIS_TIMEOUT_MS);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw error;
        this.redisAvoidedUntil = Date.now() + REDIS_RETRY_AFTER_MS;
      }
    }
    return limiter.memory.consume(key, 1);
  }

  private stateOf(limit: number, res: RateLimiterRes): RateLimitState {
    return {
      limit,
      remaining: Math.max(0, res.remainingPoints),
      reset: Math.ceil((Date.now() + res.msBeforeNext) / 1000),
    };
  }
}

/**
 * Identifiers (phones, IPs, refresh tokens) are kept only as a short hash: Redis never holds a token
 * or a phone number, and long tokens do not make long keys.
 */
export function storedKey(identifier: string): string {
  return createHash('sha256').update(identifier).digest('base64url').slice(0, 22);
}

/** Settles as `work` does, or rejects after `ms` (a late rejection of `work` stays handled by the race). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
