import type { INestApplication } from '@nestjs/common';
import type { Response } from 'superagent';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_DEMO_PASSWORD } from '@luoshi/contracts';
import { runMigrations } from '@luoshi/server/platform';
import { createApp } from '../src/create-app';
import { loadSeeds } from '../src/seeds';

export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  dataSource: DataSource;
  /** Logs a user in and returns an Authorization header value. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** The real application on the run's fresh database and the real Redis. */
export async function startTestApp(options: { plan?: boolean } = {}): Promise<TestApp> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl?.includes('luoshi_it_')) throw new Error('integration tests need the global setup (fresh database)');
  await runMigrations(databaseUrl);
  const app = await createApp({ logs: false });
  await app.init();
  const dataSource = app.get(DataSource);
  // The seed plan is imported by the plan tests themselves; the rest loads for every suite.
  await loadSeeds(app, { plan: options.plan ?? false });
  const server = app.getHttpServer();
  const tokens = new Map<string, string>();
  return {
    app,
    dataSource,
    http: () => request(server),
    async login(username, password = DEMO_PASSWORD) {
      const cached = tokens.get(username);
      if (cached && password === DEMO_PASSWORD) return cached;
      const res = await request(server).post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      const header = `Bearer ${res.body.accessToken}`;
      tokens.set(username, header);
      return header;
    },
    close: () => app.close(),
  };
}

/**
 * The test app of one describe block: started in its beforeAll, closed in its afterAll. The handle
 * forwards to that app, so it is usable in the block's tests and in hooks declared after this call;
 * a cleanup that still needs the app must run in a suite that starts its own (afterAll hooks run in
 * the order they are declared, so they would run after this close).
 */
export function useTestApp(options: { plan?: boolean } = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  });
  afterAll(() => started?.close());
  const current = (): TestApp => {
    if (!started) throw new Error('the test app is used before its beforeAll started it');
    return started;
  };
  return {
    get app() {
      return current().app;
    },
    get dataSource() {
      return current().dataSource;
    },
    http: () => current().http(),
    login: (username, password) => current().login(username, password),
    close: () => current().close(),
  };
}

/** A supertest parser that buffers a binary body (supertest buffers only text by default): `.buffer(true).parse(binaryBody)`. */
export const binaryBody = (res: Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
