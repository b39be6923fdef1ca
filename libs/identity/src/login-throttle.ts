import { Injectable, OnModuleInit } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { Environment } from '@hld/config';
import { DomainError } from '@hld/kernel';
import { RedisConnection } from '@hld/persistence';

export class TooManySignInAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_SIGN_IN_ATTEMPTS', 'rate_limited', `Too many failed sign-in attempts; retry in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}

/**
 * Counts failed sign-ins per email and client address, in Redis so that every API instance sees the same
 * count (in memory while Redis is unreachable). A success clears the count.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit {
  private limiter: RateLimiterRedis;

  constructor(
    private readonly redis: RedisConnection,
    private readonly env: Environment,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.redis.ping().catch(() => undefined); // connect now; the insurance limiter covers an outage
    const options = { points: this.env.LOGIN_THROTTLE_LIMIT, duration: this.env.LOGIN_THROTTLE_TTL_SECONDS };
    this.limiter = new RateLimiterRedis({
      ...options,
      storeClient: this.redis.client,
      keyPrefix: `${this.env.QUEUE_PREFIX}:login-failures`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  /** Refuses at once when this email and address have used up their attempts. */
  async assertMayTry(email: string, ip: string | undefined): Promise<void> {
    const used = await this.limiter.get(key(email, ip));
    if (used && used.consumedPoints >= this.env.LOGIN_THROTTLE_LIMIT) throw new TooManySignInAttempts(retryAfter(used));
  }

  async recordFailure(email: string, ip: string | undefined): Promise<void> {
    await this.limiter.consume(key(email, ip)).catch(() => undefined); // over the limit already: nothing more to count
  }

  async recordSuccess(email: string, ip: string | undefined): Promise<void> {
    await this.limiter.delete(key(email, ip));
  }
}

const key = (email: string, ip: string | undefined) => `${ip ?? '-'}|${email.trim().toLowerCase()}`;
const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
