import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from './config';
import { redisConnectionOptions, redisRetryDelay, type RedisSettings } from './redis-connection';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * One shared ioredis client for commands (rate limits, caches, health). It fails fast while Redis
 * is down (no offline queue) so the API keeps answering, and reconnects by itself.
 */
export function createRedisClient(settings: RedisSettings, name: string): Redis {
  return new Redis({
    ...redisConnectionOptions(settings),
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
    retryStrategy: redisRetryDelay,
  });
}

@Injectable()
class RedisShutdown implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const client = createRedisClient(config, 'luoshi-api');
        const logger = new Logger('Redis');
        let lastError = '';
        client.on('error', (err: Error) => {
          // Log each distinct failure once, not once per reconnect attempt.
          if (err.message !== lastError) logger.warn(`Redis unavailable: ${err.message}`);
          lastError = err.message;
        });
        client.on('ready', () => {
          if (lastError) logger.log('Redis connection restored');
          lastError = '';
          // Queued reminders must never be evicted; say so clearly when Redis might.
          client
            .config('GET', 'maxmemory-policy')
            .then((reply) => {
              const policy = Array.isArray(reply) ? String(reply[1]) : '';
              if (policy && policy !== 'noeviction') {
                logger.error(`Redis maxmemory-policy is "${policy}", not "noeviction": under memory pressure Redis may drop queued reminder jobs (the reconciler restores them from the database, late). Set maxmemory-policy noeviction.`);
              }
            })
            .catch(() => undefined);
        });
        return client;
      },
    },
    RedisShutdown,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule {}
