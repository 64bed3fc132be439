import type { INestApplication } from '@nestjs/common';
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
