import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { ALL_MIGRATIONS } from '../migrations';

/** The PostgreSQL connection pool (one per server when read replicas are configured). Schema comes only from migrations, never from synchronize. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        // With read replicas: writes, transactions and ordinary reads on the primary; only reads
        // made through ReplicaReads go to a replica (chosen at random per query).
        ...(config.DATABASE_REPLICA_URLS.length > 0
          ? {
              replication: {
                master: { url: config.DATABASE_URL },
                slaves: config.DATABASE_REPLICA_URLS.map((url) => ({ url })),
                defaultMode: 'master' as const,
              },
            }
          : {}),
        autoLoadEntities: true,
        synchronize: false,
        migrations: ALL_MIGRATIONS,
        migrationsRun: false,
        logging: config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? ['query', 'error'] : config.LOG_LEVEL === 'silent' ? false : ['error'],
        extra: { max: 20, connectionTimeoutMillis: 5000, application_name: 'luoshi-api' },
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
