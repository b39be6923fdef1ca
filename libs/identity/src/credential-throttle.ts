import { Injectable, OnModuleInit } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Environment } from '@hld/config';
import { DomainError } from '@hld/kernel';
import { RedisConnection } from '@hld/persistence';
import { InvalidCredentials } from './identity-errors.js';

export class TooManySignInAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_SIGN_IN_ATTEMPTS', 'rate_limited', `Too many failed sign-in attempts; retry in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}

export class TooManyPasswordAttempts extends DomainError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_PASSWORD_ATTEMPTS', 'rate_limited', `Too many wrong current passwords; retry in ${retryAfterSeconds} s.`, {
      retryAfterSeconds,
    });
  }
}

/** One draw on a budget, and what a successful attempt does to it. */
interface Charge {
  budget: RateLimiterRedis;
  key: string;
  /** `clear`: the success proves the guesser knows the secret, so earlier failures stop counting. */
  onSuccess: 'clear' | 'refund';
}

/**
 * Every attempt to prove a password goes through here, whatever route it comes from. Budgets live in Redis, so
 * every API instance draws on the same counts (in memory while Redis is unreachable):
 * - signing in: LOGIN_THROTTLE_LIMIT failures per email and client address, and LOGIN_THROTTLE_ADDRESS_LIMIT per
 *   client address whatever the emails (a guesser going through a list of accounts);
 * - confirming the current password (to change it): LOGIN_THROTTLE_LIMIT failures per account.
 * An attempt is charged before the password is checked, atomically in Redis, so N simultaneous guesses cost N and
 * only as many as the budget allows reach the hash; it is refunded if it succeeds, or fails for another reason
 * than a wrong password, and a refused attempt (429) costs nothing.
 */
@Injectable()
export class CredentialThrottle implements OnModuleInit {
  private byAccountAndAddress: RateLimiterRedis;
  private byAddress: RateLimiterRedis;
  private byAccount: RateLimiterRedis;

  constructor(
    private readonly redis: RedisConnection,
    private readonly env: Environment,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.redis.ping().catch(() => undefined); // connect now; the insurance limiter covers an outage
    const { LOGIN_THROTTLE_LIMIT: limit, LOGIN_THROTTLE_TTL_SECONDS: ttl } = this.env;
    this.byAccountAndAddress = this.budget('login-failures', limit, ttl);
    this.byAddress = this.budget(
      'login-failures-by-address',
      this.env.LOGIN_THROTTLE_ADDRESS_LIMIT,
      this.env.LOGIN_THROTTLE_ADDRESS_TTL_SECONDS,
    );
    this.byAccount = this.budget('password-confirmation-failures', limit, ttl);
  }

  /** Runs `attempt` (which throws InvalidCredentials for a wrong email or password) if the budgets allow it. */
  signIn<T>(email: string, clientAddress: string, attempt: () => Promise<T>): Promise<T> {
    const network = addressKey(clientAddress);
    return this.spend(
      [
        // refunded, never cleared, on success: signing into one's own account must not reset a guesser's count
        { budget: this.byAddress, key: network, onSuccess: 'refund' },
        { budget: this.byAccountAndAddress, key: `${network}|${email.trim().toLowerCase()}`, onSuccess: 'clear' },
      ],
      attempt,
      (seconds) => new TooManySignInAttempts(seconds),
    );
  }

  /** Runs `attempt` (which throws InvalidCredentials for a wrong password) if the account's budget allows it. */
  confirmPassword<T>(userId: string, attempt: () => Promise<T>): Promise<T> {
    return this.spend(
      [{ budget: this.byAccount, key: userId, onSuccess: 'clear' }],
      attempt,
      (seconds) => new TooManyPasswordAttempts(seconds),
    );
  }

  private async spend<T>(charges: Charge[], attempt: () => Promise<T>, refused: (retryAfterSeconds: number) => DomainError): Promise<T> {
    const taken: Charge[] = [];
    for (const charge of charges) {
      try {
        await charge.budget.consume(charge.key);
        taken.push(charge);
      } catch (error) {
        await refund([...taken, ...(error instanceof RateLimiterRes ? [charge] : [])]);
        if (error instanceof RateLimiterRes) throw refused(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
        throw error;
      }
    }
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (!(error instanceof InvalidCredentials)) await refund(taken);
      throw error;
    }
    await Promise.all(taken.map((c) => (c.onSuccess === 'clear' ? c.budget.delete(c.key) : c.budget.reward(c.key, 1))));
    return result;
  }

  private budget(name: string, points: number, duration: number): RateLimiterRedis {
    return new RateLimiterRedis({
      points,
      duration,
      storeClient: this.redis.client,
      keyPrefix: `${this.env.QUEUE_PREFIX}:${name}`,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
  }
}

const refund = (charges: Charge[]) => Promise.all(charges.map((c) => c.budget.reward(c.key, 1)));

/**
 * What a client address is counted as: IPv4 addresses (also written as IPv6-mapped) as themselves, IPv6 ones by
 * their /64 network, since one subscriber usually holds a whole /64 and could take a fresh address per attempt.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const network = (parsed as ipaddr.IPv6).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...network, 0, 0, 0, 0]).toString()}/64`;
}
