import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig, REDIS_CLIENT } from '@luoshi/server/platform';
import { IdentityException } from './identity.exception';

/**
 * Counts failed logins per account and per IP over a one-minute window, in Redis so every API
 * instance shares the count; an in-memory limiter stands in while Redis is down.
 */
@Injectable()
export class LoginThrottler {
  private readonly perAccount: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(@Inject(REDIS_CLIENT) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    const accountLimit = config.LOGIN_MAX_FAILURES_PER_MINUTE;
    this.perAccount = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:login-fail:account`,
      points: accountLimit,
      duration: 60,
      blockDuration: 60,
      insuranceLimiter: new RateLimiterMemory({ points: accountLimit, duration: 60, blockDuration: 60 }),
    });
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.REDIS_PREFIX}:login-fail:ip`,
      points: accountLimit * 6,
      duration: 60,
      blockDuration: 60,
      insuranceLimiter: new RateLimiterMemory({ points: accountLimit * 6, duration: 60, blockDuration: 60 }),
    });
  }

  /** Refuses (429) an account or IP that has used up its failures. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([
      this.perAccount.get(username.toLowerCase()),
      this.perIp.get(ip),
    ]);
    for (const res of [account, address]) {
      if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) {
        throw IdentityException.throttled(Math.ceil(res.msBeforeNext / 1000));
      }
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAccount.consume(username.toLowerCase()).catch((r: unknown) => this.swallowLimit(r)),
      this.perIp.consume(ip).catch((r: unknown) => this.swallowLimit(r)),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.perAccount.delete(username.toLowerCase()).catch(() => undefined);
  }

  private swallowLimit(reason: unknown): void {
    // Going over the limit here is expected; the next assertAllowed refuses.
    if (!(reason instanceof RateLimiterRes)) throw reason;
  }
}
