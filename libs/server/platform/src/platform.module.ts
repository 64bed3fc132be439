import { Global, Module } from '@nestjs/common';
import { APP_FILTER, DiscoveryModule } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiExceptionFilter } from './api-exception.filter';
import { APP_CONFIG, type AppConfig, loadConfig } from './config';
import { DatabaseModule } from './database/database.module';
import { ReplicaReads } from './database/replica-reads';
import { UnitOfWork } from './database/unit-of-work';
import { AppInfoController } from './app-info.controller';
import { HealthController } from './health.controller';
import { JobRegistry } from './jobs/job-registry';
import { QueueFactory } from './queues';
import { RedisModule } from './redis.module';
import { redactQuery, redactUrl } from './redact-url';

const configProvider = { provide: APP_CONFIG, useFactory: () => loadConfig() };

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [configProvider, QueueFactory, JobRegistry, ReplicaReads, UnitOfWork],
  exports: [configProvider, QueueFactory, JobRegistry, ReplicaReads, UnitOfWork],
})
class ConfigModule {}

/** Config, logs, database, Redis, health and the one error shape. (The access guard comes with identity.) */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          // The request id middleware in create-app sets req.id first; reuse it.
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? randomUUID(),
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          // Credentials in query strings (stream tickets, robot tokens) never reach the access log.
          serializers: {
            req: (req: { url?: string; query?: unknown }) => ({ ...req, url: redactUrl(req.url), query: redactQuery(req.query) }),
          },
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
        },
      }),
    }),
    DatabaseModule,
    RedisModule,
    TerminusModule,
  ],
  controllers: [HealthController, AppInfoController],
  providers: [
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class PlatformModule {}
