import { assignedPlan, type TaskSummary } from './tasks-fixture';
import { useTestApp } from './test-app';

/** Issue 12 rows 4 and 5: each class of hostile input answers 4xx in the error shape and writes nothing. */
describe('Hostile input at the edge', () => {
  const t = useTestApp();
  let tasks: TaskSummary[];
  beforeAll(async () => {
    tasks = (await assignedPlan(t, 'HOSTILE')).tasks;
  });

  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code?: string) => {
    expect({ status: res.status, code: res.body['code'] }).toEqual({ status, code: code ?? expect.any(String) });
    expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String), messageEn: expect.any(String) });
  };
  const taskRow = async (id: string) => (await t.dataSource.query(`SELECT title, due_date::text AS due, version FROM task WHERE id = $1`, [id]))[0];
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  describe('far dates (row 4)', () => {
    it('refuses a due date of 9999-12-31 and saves nothing; the list and export keep working', async () => {
      const office = await t.login('office');
      const task = tasks.find((x) => x.status === 'assigned')!;
      const before = await taskRow(task.id);
      for (const dueDate of ['9999-12-31', '1999-12-31', '2101-01-01', '2026-02-30']) {
        const res = await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: before.version, dueDate });
        expectError(res, 400, 'VALIDATION_FAILED');
      }
      const byText = await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: before.version, deadlineText: '2999年底' });
      expectError(byText, 400, 'TASK_BAD_DATE');
      expect(await taskRow(task.id)).toEqual(before);
      await t.http().get('/api/tasks').query({ pageSize: '100' }).set('Authorization', office).expect(200);
      await t.http().get(`/api/tasks/${task.id}`).set('Authorization', office).expect(200);
    });

    it('refuses far dates in bulk assignment, extensions, filters, the calendar, delegations and the audit search', async () => {
      const office = await t.login('office');
      const task = tasks[0];
      const bulk = await t
        .http()
        .post('/api/tasks/bulk-assign')
        .set('Authorization', office)
        .send({ items: [{ taskId: task.id, version: task.version, leadDepartmentCode: 'fgw', dueDate: '9999-12-31' }] });
      expectError(bulk, 400, 'VALIDATION_FAILED');
      const extensions = await count('task_request');
      const ext = await t
        .http()
        .post(`/api/tasks/${task.id}/requests`)
        .set('Authorization', await t.login('fgw.liaison'))
        .send({ kind: 'extension_request', reason: '测试', payload: { newDueDate: '9999-12-31' } });
      expectError(ext, 400, 'VALIDATION_FAILED');
      expect(await count('task_request')).toBe(extensions);
      expectError(await t.http().get('/api/tasks').query({ dueTo: '9999-12-31' }).set('Authorization', office), 400, 'VALIDATION_FAILED');
      expectError(await t.http().get('/api/calendar/working-days').query({ from: '9999-12-01', n: '5' }).set('Authorization', office), 400, 'CALENDAR_BAD_DATE');
      expectError(await t.http().get('/api/calendar/holidays').query({ year: '2999' }).set('Authorization', office), 400, 'VALIDATION_FAILED');
      expectError(await t.http().get('/api/audit').query({ from: '9999-01-01T00:00:00Z' }).set('Authorization', office), 400, 'VALIDATION_FAILED');
      const delegations = await count('approval_delegation');
      const [liaison] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'fgw.liaison'`);
      const del = await t
        .http()
        .post('/api/approvals/delegations')
        .set('Authorization', await t.login('fgw.head'))
        .send({ toUserId: liaison.id, fromDate: '2026-01-01', toDate: '9999-12-31' });
      expect(del.status).toBe(400);
      expect(await count('approval_delegation')).toBe(delegations);
    });
  });

  describe('malformed structures and strings (row 5)', () => {
    it('refuses deeply nested JSON before parsing it, also anonymously on login', async () => {
      const deep = '['.repeat(100_000) + ']'.repeat(100_000);
      const res = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username":"office","password":${deep}}`);
      expectError(res, 400, 'JSON_TOO_DEEP');
      const nested = JSON.stringify({ username: 'office', password: 'x', a: JSON.parse('{"b":'.repeat(40) + '1' + '}'.repeat(40)) });
      expectError(await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send(nested), 400, 'JSON_TOO_DEEP');
    });

    it('refuses NUL characters in query strings and in text fields, writing nothing', async () => {
      const office = await t.login('office');
      expectError(await t.http().get('/api/tasks').query({ q: 'a\u0000b' }).set('Authorization', office), 400, 'NUL_CHARACTER');
      expectError(await t.http().get('/api/audit').query({ q: '\u0000' }).set('Authorization', office), 400, 'NUL_CHARACTER');
      const comments = await count('task_event');
      const res = await t.http().post(`/api/tasks/${tasks[0].id}/comments`).set('Authorization', office).send({ text: '意见\u0000' });
      expectError(res, 400, 'NUL_CHARACTER');
      expect(await count('task_event')).toBe(comments);
      expectError(await t.http().post('/api/auth/login').send({ username: 'office\u0000', password: 'x' }), 400, 'NUL_CHARACTER');
    });

    it('refuses explicit null on optional fields that are not nullable, and keeps null where it means something', async () => {
      const office = await t.login('office');
      const task = tasks.find((x) => x.status === 'assigned')!;
      const before = await taskRow(task.id);
      for (const field of ['title', 'startDate', 'leadDepartmentCode', 'coDepartmentCodes', 'deadlineText', 'reportingCycle']) {
        const res = await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: before.version, [field]: null });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toContain(field);
      }
      expect(await taskRow(task.id)).toEqual(before);
      // dueDate: null is meaningful (long-term) and stays accepted.
      await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: before.version, dueDate: null }).expect(200);
    });

    it('refuses whitespace-only text where text is required', async () => {
      const office = await t.login('office');
      const task = tasks.find((x) => x.status === 'assigned')!;
      const before = await taskRow(task.id);
      expectError(await t.http().post(`/api/tasks/${task.id}/comments`).set('Authorization', office).send({ text: ' \n\t ' }), 400, 'VALIDATION_FAILED');
      expectError(await t.http().patch(`/api/tasks/${task.id}`).set('Authorization', office).send({ version: before.version, title: '   ' }), 400, 'VALIDATION_FAILED');
      expectError(await t.http().post(`/api/tasks/${task.id}/urge`).set('Authorization', office).send({ message: '\u3000 ' }), 400, 'VALIDATION_FAILED');
      expect(await taskRow(task.id)).toEqual(before);
    });

    it('refuses malformed e-mail addresses', async () => {
      const user = await t.login('hz.liaison');
      for (const email of ['not-an-email', 'a@b', 'a@@example.com', 'x'.repeat(300) + '@example.com', 'a@example.com\r\nBcc: b@example.com']) {
        const res = await t.http().put('/api/notifications/preferences').set('Authorization', user).send({ email, emailEnabled: true, dailyDigest: false });
        expect(res.status).toBe(400);
      }
    });

    it('answers a URL over the HTTP parser\'s limit in the error shape', async () => {
      const res = await t.http().get('/api/tasks').query({ q: 'x'.repeat(20_000) }).set('Authorization', await t.login('office'));
      expectError(res, 431, 'HEADERS_TOO_LARGE');
    });

    it('bounds page numbers on every paged list', async () => {
      const office = await t.login('office');
      for (const path of ['/api/audit', '/api/tasks', '/api/notifications', '/api/approvals/inbox']) {
        for (const page of ['99999999999', '1e308', '10001']) {
          const res = await t.http().get(path).query({ page }).set('Authorization', office);
          expectError(res, 400, 'VALIDATION_FAILED');
        }
      }
      await t.http().get('/api/audit').query({ page: '2' }).set('Authorization', office).expect(200);
      // Past the first 10,000 rows page numbers give way to `after` cursors: a clear 400, not a scan.
      const deep = await t.http().get('/api/audit').query({ page: '10000' }).set('Authorization', office);
      expect([deep.status, deep.body.statusCode, typeof deep.body.message]).toEqual([400, 400, 'string']);
    });
  });
});
