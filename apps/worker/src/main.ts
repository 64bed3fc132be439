import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfigOrExit } from '@luoshi/server/platform';
import { WorkerModule } from './worker.module';

/** A worker process: scale out by starting more of them; each reminder is still delivered once. */
async function bootstrap(): Promise<void> {
  process.env['LUOSHI_ROLE'] = 'worker';
  loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  console.log(JSON.stringify({ msg: 'luoshi worker ready', pid: process.pid }));
}

void bootstrap();
