import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationsService, signWebhook } from '@luoshi/server/notifications';
import { ReminderDeliveryWorker } from '@luoshi/server/reminders';
import { importFixturePlan, insertTask, waitFor } from './fixtures';
import { DEMO_PASSWORD, startTestApp, type TestApp } from './test-app';

interface ReceivedHook {
  path: string;
  validSignature: boolean;
  body: { msgtype: string; markdown: { title: string; text: string } };
}

describe('Notification channels', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let receiver: Server;
  const mails: { to: string; raw: string }[] = [];
  const hooks: ReceivedHook[] = [];
  let failingHookAnswers = 500;
  const SECRET = 'SEC-test-secret-123';
  const savedEnv = { ...process.env };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    receiver = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        const timestamp = Number(url.searchParams.get('timestamp'));
        hooks.push({ path: url.pathname, validSignature: url.searchParams.get('sign') === signWebhook(timestamp, SECRET), body: JSON.parse(body) });
        if (url.pathname === '/flaky') {
          res.writeHead(failingHookAnswers, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify({ errcode: failingHookAnswers === 200 ? 0 : 1, errmsg: 'x' }));
          return;
        }
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));

    process.env['SMTP_URL'] = `smtp://127.0.0.1:${smtpPort}`;
    process.env['DELIVERY_BACKOFF_MS'] = '50';
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await t.close();
    process.env = savedEnv;
    await new Promise((r) => smtp.close(() => r(undefined)));
    await new Promise((r) => receiver.close(() => r(undefined)));
  });

  it('delivers a reminder in-app, by e-mail and by signed webhook; a failing webhook ends in the failed list and does not block the others', async () => {
    const office = await t.login('office');
    const head = await t.login('jtt.head');
    await t.http().put('/api/notifications/preferences').set('Authorization', head).send({ email: 'zhou@jtt.example', emailEnabled: true, dailyDigest: false }).expect(200);
    const base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    await t.http().post('/api/notifications/webhooks').set('Authorization', office).send({ departmentCode: 'jtt', name: '交通厅工作群', url: `${base}/robot`, secret: SECRET }).expect(201);
    const flaky = await t.http().post('/api/notifications/webhooks').set('Authorization', office).send({ departmentCode: 'jtt', name: '坏掉的群', url: `${base}/flaky`, secret: SECRET }).expect(201);

    const fixture = await importFixturePlan(t, 1);
    const taskId = await insertTask(t, { planId: fixture.planId, measureId: fixture.measureIds[0], code: 'N1', leadCode: 'jtt', dueDate: '2027-06-30', title: '沪甬跨海通道前期研究' });
    const [reminder] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, '2027-06-30', 'offset:0', now(), 'due', ARRAY['lead_head'], '沪甬跨海通道前期研究') RETURNING id`,
      [taskId],
    );
    expect(await t.app.get(ReminderDeliveryWorker).handleDeliverReminder({ reminderId: reminder.id })).toBe('delivered 1 reminder(s) to 1');

    await waitFor(async () => mails.length, (n) => n >= 1, 15000, 'the e-mail');
    expect(mails[0].to).toBe('zhou@jtt.example');
    expect(mails[0].raw).toContain('=?UTF-8?');
    await waitFor(async () => hooks.filter((h) => h.path === '/robot').length, (n) => n >= 1, 15000, 'the robot message');
    const robot = hooks.find((h) => h.path === '/robot')!;
    expect(robot.validSignature).toBe(true);
    expect(robot.body.msgtype).toBe('markdown');
    expect(robot.body.markdown.title).toContain('沪甬跨海通道前期研究');

    // The failed list is the whole office's (other suites of the run share the database): this webhook's row.
    const failed = await waitFor(
      async () =>
        ((await t.http().get('/api/notifications/deliveries').query({ status: 'failed' }).set('Authorization', office)).body as { id: string; target: string; attempts: number; lastError: string }[]).filter(
          (row) => row.target === flaky.body.id, // a webhook delivery's target is its endpoint
        ),
      (rows) => rows.length >= 1,
      30000,
      'the failing webhook to give up',
    );
    expect(failed[0].attempts).toBe(5);
    expect(failed[0].lastError).toContain('500');
    expect(hooks.filter((h) => h.path === '/flaky').length).toBe(5);

    // The office fixes the receiver and retries.
    failingHookAnswers = 200;
    await t.http().post(`/api/notifications/deliveries/${failed[0].id}/retry`).set('Authorization', office).expect(204);
    await waitFor(async () => (await t.dataSource.query(`SELECT status FROM notification_delivery WHERE id = $1`, [failed[0].id]))[0].status, (s) => s === 'sent', 15000, 'the retried delivery');
  });

  it('pushes new notifications live over server-sent events', async () => {
    const login = await t.http().post('/api/auth/login').send({ username: 'hz.head', password: DEMO_PASSWORD }).expect(200);
    const address = t.app.getHttpServer().address() as AddressInfo;
    const controller = new AbortController();
    const ticket = await t.http().post('/api/auth/stream-ticket').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    expect(ticket.body).toMatchObject({ ticket: expect.any(String), expiresIn: 30 });
    const response = await fetch(`http://127.0.0.1:${address.port}/api/notifications/stream?ticket=${ticket.body.ticket}`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextEvent = async (): Promise<{ type: string; unread: number; title?: string }> => {
      for (;;) {
        const boundary = buffer.indexOf('\n\n');
        if (boundary >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (data && data.length > 6) return JSON.parse(data.slice(5));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value);
      }
    };
    const hello = await nextEvent();
    expect(hello.type).toBe('hello');
    await t.app.get(NotificationsService).notifyNow({ event: 'instruction_answered', userIds: [login.body.user.id], kind: 'urge', title: '催办：请尽快填报', body: '测试' });
    const pushed = await nextEvent();
    expect(pushed).toMatchObject({ type: 'notification', unread: hello.unread + 1, title: '催办：请尽快填报' });
    // The ticket was single-use; an access token in the URL is not accepted at all.
    await t.http().get('/api/notifications/stream').query({ ticket: ticket.body.ticket }).expect(401);
    await t.http().get('/api/notifications/stream').query({ access_token: login.body.accessToken }).expect(401);
    // Logout ends the stream of that session.
    await t.http().post('/api/auth/logout').set('Authorization', `Bearer ${login.body.accessToken}`).expect(204);
    const ended = await (async () => {
      for (;;) {
        const { done } = await reader.read();
        if (done) return true;
      }
    })();
    expect(ended).toBe(true);
    controller.abort();
  });

  it('refuses the stream without a token', async () => {
    await t.http().get('/api/notifications/stream').expect(401);
  });
});
