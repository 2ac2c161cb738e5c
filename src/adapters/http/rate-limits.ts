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

type Bucket = 'otp:id' | 'otp:ip' | 'auth:id' | 'auth:ip' | 'api';

/**
 * Fixed-window counters per bucket. In Redis when a client is given (shared by every API process),
 * each backed by an in-memory insurance limiter that takes over at once when Redis does not answer.
 */
export class RateLimits {
  private readonly limiters: Map<Bucket, RateLimiterAbstract>;

  constructor(
    private readonly settings: RateLimitSettings,
    redis: Redis | null,
  ) {
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
        const memory = new RateLimiterMemory(options);
        const limiter = redis
          ? new RateLimiterRedis({
              ...options,
              storeClient: redis,
              rejectIfRedisNotReady: true,
              insuranceLimiter: memory,
            })
          : memory;
        return [bucket, limiter];
      }),
    );
  }

  /** Counts one request; throws RATE_LIMIT_EXCEEDED (with retryAfter) past the bucket's limit. */
  async consume(bucket: Bucket, key: string): Promise<RateLimitState> {
    const limiter = this.limiters.get(bucket)!;
    try {
      const res = await limiter.consume(key, 1);
      return this.stateOf(limiter.points, res);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitExceededError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      throw rejection;
    }
  }

  private stateOf(limit: number, res: RateLimiterRes): RateLimitState {
    return {
      limit,
      remaining: Math.max(0, res.remainingPoints),
      reset: Math.ceil((Date.now() + res.msBeforeNext) / 1000),
    };
  }
}
