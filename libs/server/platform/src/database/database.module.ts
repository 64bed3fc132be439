import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { ALL_MIGRATIONS } from '../migrations';

/** The one PostgreSQL connection pool. Schema comes only from migrations, never from synchronize. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
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
