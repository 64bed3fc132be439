import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { Public } from './access-policy';
import { REDIS_CLIENT } from './redis.module';

/** /api/health: database and Redis (which carries the queues); 503 with details when degraded. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      () => this.checkRedis(),
    ]);
  }

  private async checkRedis() {
    const indicator = this.indicators.check('redis');
    try {
      const started = Date.now();
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000)),
      ]);
      return indicator.up({ latencyMs: Date.now() - started, queues: 'redis reachable' });
    } catch (error) {
      return indicator.down({ message: (error as Error).message, queues: 'delayed jobs wait until Redis returns' });
    }
  }
}
