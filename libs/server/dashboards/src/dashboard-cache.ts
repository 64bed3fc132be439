import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, REDIS_CLIENT } from '@luoshi/server/platform';

/** How long a computed dashboard stays in Redis. A change to the data makes it unreachable sooner. */
export const DASHBOARD_CACHE_TTL_SECONDS = 30;

/**
 * A short-lived Redis cache for aggregates. Keys carry `dashboard_data_version.version`, which
 * deferred triggers on task, plan_node, indicator and indicator_value bump once per committing
 * transaction (migration 1764700000000): whoever writes those tables — the tasks lib, reports,
 * a SQL script — invalidates every cached figure without calling anything. The version is read
 * before computing, so a figure is never cached under a version newer than its data. Reading it
 * is one primary-key lookup. Redis unavailable: the figure is computed, not cached.
 */
@Injectable()
export class DashboardCache {
  private readonly logger = new Logger(DashboardCache.name);
  private readonly prefix: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.prefix = `${config.REDIS_PREFIX}:dashboards`;
  }

  async version(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT version::text AS version FROM dashboard_data_version`);
    return (row?.version as string | undefined) ?? '0';
  }

  /** `${prefix}:dashboards:<name>:v<version>:<parts…>` */
  keyOf(name: string, version: string, parts: readonly (string | number)[]): string {
    return [this.prefix, name, `v${version}`, ...parts].join(':');
  }

  async through<T>(name: string, parts: readonly (string | number)[], compute: () => Promise<T>): Promise<{ value: T; hit: boolean }> {
    const key = this.keyOf(name, await this.version(), parts);
    try {
      const cached = await this.redis.get(key);
      if (cached !== null) return { value: JSON.parse(cached) as T, hit: true };
    } catch (error) {
      this.logger.warn(`dashboard cache read failed, computing: ${(error as Error).message}`);
    }
    const value = await compute();
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', DASHBOARD_CACHE_TTL_SECONDS);
    } catch (error) {
      this.logger.warn(`dashboard cache write failed: ${(error as Error).message}`);
    }
    return { value, hit: false };
  }
}
