import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { ACCESS_TOKEN_VERIFIER, type AccessTokenVerifier, JobRegistry } from '@luoshi/server/platform';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from '@luoshi/server/reminders';

function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

/**
 * Bull Board at /admin/queues for office_admin. A browser page cannot send a bearer header, so
 * POST /api/reminders/queue-board-session puts the access token in an HttpOnly cookie scoped to
 * this path, and every board request is checked against a live session.
 */
export function mountQueueBoard(app: INestApplication): void {
  const verifier = app.get<AccessTokenVerifier>(ACCESS_TOKEN_VERIFIER);
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    // Every queue of the job catalogue, as the registry runs them.
    queues: app.get(JobRegistry).queueList().map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: '落实 · 队列' } },
  });
  app.use(QUEUE_BOARD_PATH, async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : readCookie(req, QUEUE_BOARD_COOKIE);
    const user = token ? await verifier.verify(token).catch(() => null) : null;
    if (!user) return void res.status(401).json({ statusCode: 401, code: 'UNAUTHENTICATED', message: '请先以办公室管理员身份登录', messageEn: 'Sign in as office_admin' });
    if (!user.roles.includes('office_admin')) return void res.status(403).json({ statusCode: 403, code: 'FORBIDDEN', message: '仅办公室管理员可查看队列', messageEn: 'office_admin only' });
    next();
  });
  // The board is an Express app of its own: it must not announce itself either.
  const board = serverAdapter.getRouter() as { disable?: (setting: string) => void };
  board.disable?.('x-powered-by');
  app.use(QUEUE_BOARD_PATH, serverAdapter.getRouter());
}
