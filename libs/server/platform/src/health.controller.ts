import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { Public } from './access-policy';
import { APP_CONFIG, type AppConfig } from './config';
import { withTimeout } from './queues';
import { describeRedis } from './redis-connection';
import { REDIS_CLIENT } from './redis.module';

type Check = { status: 'up' | 'down'; [key: string]: unknown };

/**
 * /api/health. PostgreSQL down → 503 (the instance cannot serve). Redis down → 200 "degraded":
 * the API keeps serving and accepting changes; reminders wait in the database and catch up.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: TypeOrmHealthIndicator,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  async check(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const status = database.status === 'down' ? 'down' : redis.status === 'down' ? 'degraded' : 'ok';
    res.status(status === 'down' ? 503 : 200);
    return { status, details: { database, redis, queues: { status: redis.status, note: redis.status === 'up' ? 'workers connected' : 'reminder jobs wait until Redis returns' } } };
  }

  private async checkDatabase(): Promise<Check> {
    try {
      await this.database.pingCheck('database', { timeout: 3000 });
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', message: (error as Error).message };
    }
  }

  private async checkRedis(): Promise<Check> {
    try {
      const started = Date.now();
      await withTimeout(this.redis.ping(), 2000);
      const policy = await withTimeout(this.redis.config('GET', 'maxmemory-policy'), 2000).catch(() => null);
      const evictionPolicy = Array.isArray(policy) ? String(policy[1]) : 'unknown';
      return {
        status: 'up',
        latencyMs: Date.now() - started,
        maxmemoryPolicy: evictionPolicy,
        ...(evictionPolicy !== 'noeviction' && evictionPolicy !== 'unknown' ? { warning: 'maxmemory-policy should be noeviction: Redis may drop queued jobs' } : {}),
      };
    } catch (error) {
      return { status: 'down', message: (error as Error).message, url: describeRedis(this.config) };
    }
  }
}
