import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isConnectionFailure } from './connection-failure';

/**
 * Reads that may be served by a PostgreSQL read replica (DATABASE_REPLICA_URLS): dashboards,
 * lists, exports — reads that tolerate being a moment behind. Without replicas they run on the
 * primary like everything else. Never use it to read back what the same request just wrote:
 * those reads, all writes and all transactions stay on the primary (TypeORM's replication with
 * `defaultMode: 'master'`, so only these explicit reads go to a replica). A replica that cannot
 * be reached is skipped for the primary, so losing it degrades speed, not service.
 */
@Injectable()
export class ReplicaReads {
  private readonly logger = new Logger(ReplicaReads.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether reads can go to a replica (for health and logs). */
  get replicated(): boolean {
    return this.dataSource.driver.isReplicated;
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    if (!this.replicated) return this.dataSource.query(sql, parameters);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await runner.query(sql, parameters);
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      this.logger.warn(`read replica unavailable (${(error as Error).message}); reading from the primary`);
      return this.dataSource.query(sql, parameters);
    } finally {
      await runner.release();
    }
  }
}
