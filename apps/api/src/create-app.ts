import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from '@luoshi/contracts';
import { type AppConfig, APP_CONFIG, bodyParserErrorHandler, createValidationPipe, verifyJsonDepth } from '@luoshi/server/platform';
import { AppModule } from './app.module';
import { answerClientErrorsInShape } from './client-errors';
import { mountQueueBoard } from './queue-board';
import { securityHeaders, trustProxySetting } from './security-headers';

/** Builds the HTTP application (used by main.ts and by the integration tests alike). */
export async function createApp(options: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
    logger: options.logs === false ? false : undefined,
  });
  const config = app.get<AppConfig>(APP_CONFIG);
  if (options.logs !== false) app.useLogger(app.get(Logger));
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  // A request id on every request, echoed to the client and written in logs and the audit log.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.id);
    next();
  });
  app.useBodyParser('json', { limit: config.BODY_LIMIT, verify: verifyJsonDepth });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.use(bodyParserErrorHandler);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  if (config.API_DOCS) mountApiDocs(app);
  mountQueueBoard(app);
  serveWebApp(app, config);
  answerClientErrorsInShape(app.getHttpServer());
  return app;
}

/** OpenAPI at /api/docs and /api/docs-json; off in production unless API_DOCS=true. */
function mountApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('落实 Luoshi API')
      .setDescription('行动方案任务分解、督办与审批 / action-plan tasks, supervision and approvals')
      .setVersion('0.1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Serves the built Angular app with a fallback to index.html for its client-side routes. */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.WEB_DIST_DIR ?? join(process.cwd(), 'dist/web/browser'));
  if (!existsSync(join(dir, 'index.html'))) return;
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const indexFile = join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/admin')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
