import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig, REDIS_CLIENT } from '@luoshi/server/platform';
import { IdentityException } from './identity.exception';

/** First back-off once an account has had its free failures from one address; doubles up to the cap. */
const FIRST_BACKOFF_SECONDS = 60;
const MAX_BACKOFF_SECONDS = 3600;
/** Failures of one account from one address are remembered this long (the back-off keeps growing). */
const FAILURE_MEMORY_SECONDS = 24 * 3600;

/**
 * Slows the attacker, not the owner (issue 12 row 9):
 * - per account AND address: after LOGIN_MAX_FAILURES_PER_MINUTE failures, each further failure
 *   blocks that pair for an exponentially growing time (60 s, 120 s, … 1 h); the right password
 *   from another address still works, and a success clears the pair;
 * - per address: at most 6× that many failures a minute over all accounts (password spraying).
 * Counters live in Redis so every API instance shares them; in-memory limiters stand in while
 * Redis is down. A refusal carries the seconds to wait (Retry-After).
 */
@Injectable()
export class LoginThrottler {
  private readonly failures: RateLimiterRedis;
  private readonly blocked: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;
  private readonly freeFailures: number;

  constructor(@Inject(REDIS_CLIENT) redis: Redis, @Inject(APP_CONFIG) config: AppConfig) {
    this.freeFailures = config.LOGIN_MAX_FAILURES_PER_MINUTE;
    const limiter = (name: string, points: number, duration: number, blockDuration = 0) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.REDIS_PREFIX}:login-fail:${name}`,
        points,
        duration,
        blockDuration,
        insuranceLimiter: new RateLimiterMemory({ points, duration, blockDuration }),
      });
    this.failures = limiter('account-ip', 1_000_000, FAILURE_MEMORY_SECONDS);
    this.blocked = limiter('account-ip-block', 1, MAX_BACKOFF_SECONDS);
    this.perIp = limiter('ip', this.freeFailures * 6, 60, 60);
  }

  /** Refuses (429 with the seconds to wait) a blocked account+address pair or a spraying address. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const [pair, address] = await Promise.all([this.blocked.get(pairKey(username, ip)), this.perIp.get(ip)]);
    for (const res of [pair, address]) {
      if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) {
        throw IdentityException.throttled(Math.ceil(res.msBeforeNext / 1000));
      }
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const key = pairKey(username, ip);
    const [count] = await Promise.all([
      this.failures.consume(key).then(
        (r) => r.consumedPoints,
        (r: unknown) => (r instanceof RateLimiterRes ? r.consumedPoints : Promise.reject(r)),
      ),
      this.perIp.consume(ip).catch((r: unknown) => this.swallowLimit(r)),
    ]);
    if (count >= this.freeFailures) await this.blocked.block(key, backoffSeconds(count - this.freeFailures));
  }

  /** The owner got in from this address: its failures there are forgotten. */
  async recordSuccess(username: string, ip: string): Promise<void> {
    const key = pairKey(username, ip);
    await Promise.all([this.failures.delete(key), this.blocked.delete(key)]).catch(() => undefined);
  }

  private swallowLimit(reason: unknown): void {
    // Going over the limit here is expected; the next assertAllowed refuses.
    if (!(reason instanceof RateLimiterRes)) throw reason;
  }
}

function pairKey(username: string, ip: string): string {
  return `${username.toLowerCase()}|${ip}`;
}

/** 60 s for the first failure over the free ones, doubling each time, capped at an hour. */
export function backoffSeconds(failuresOverLimit: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2 ** Math.min(failuresOverLimit, 16));
}
