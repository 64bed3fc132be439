import { verifyAuditChain } from '@luoshi/server/audit';
import { acceptTask, act, draftTasks, openReport, submitReport, userId } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import { useTestApp } from './test-app';

/** Issue 12 rows 3, 11, 12, 13 and deliver 3: refusals decide in one place, create nothing and are audited. */
describe('Refusals', () => {
  const t = useTestApp();
  let drafts: TaskSummary[];
  const as = (user: string) => t.login(user);
  const count = async (sql: string, params: unknown[] = []) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;

  beforeAll(async () => {
    drafts = await draftTasks(t, 'REFUSALS');
  });

  it('row 12: a refused read of another department\'s task reports creates no drafts', async () => {
    const taskId = await acceptTask(t, drafts[0], { lead: 'jtt' });
    expect(await count(`progress_report WHERE task_id = $1`, [taskId])).toBe(0);
    const refused = await t.http().get(`/api/tasks/${taskId}/reports`).set('Authorization', await as('hz.liaison'));
    expect(refused.status).toBe(403);
    expect(await count(`progress_report WHERE task_id = $1`, [taskId])).toBe(0);
    const allowed = await t.http().get(`/api/tasks/${taskId}/reports`).set('Authorization', await as('jtt.liaison')).expect(200);
    expect(allowed.body.length).toBeGreaterThan(0);
  });

  it('row 13: a refused .xlsx export answers in the JSON error shape, not as a spreadsheet', async () => {
    const res = await t.http().get('/api/tasks/export.xlsx').query({ scope: 'all' }).set('Authorization', await as('hz.liaison'));
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body).toMatchObject({ statusCode: 403, code: expect.any(String), message: expect.any(String) });
    const bad = await t.http().get('/api/tasks/export.xlsx').query({ dueTo: '9999-01-01' }).set('Authorization', await as('office'));
    expect([bad.status, bad.headers['content-type']]).toEqual([400, expect.stringMatching(/^application\/json/)]);
    const ok = await t.http().get('/api/tasks/export.xlsx').set('Authorization', await as('office')).buffer(true);
    expect([ok.status, ok.headers['content-type']]).toEqual([200, expect.stringContaining('spreadsheetml')]);
    expect(ok.headers['content-disposition']).toContain('attachment');
  });

  it('row 3: a delegate outside the step\'s department cannot decide it, even with an older delegation', async () => {
    const taskId = await acceptTask(t, drafts[1], { lead: 'jtt' });
    const report = await openReport(t, taskId);
    const { approvalId } = await submitReport(t, report.id);
    // A cross-department delegation is refused now …
    const refused = await t
      .http()
      .post('/api/approvals/delegations')
      .set('Authorization', await as('jtt.head'))
      .send({ toUserId: await userId(t, 'hz.head'), fromDate: '2026-01-01', toDate: '2099-12-31' });
    expect([refused.status, refused.body.code]).toEqual([400, 'APPROVAL_DELEGATION_INVALID']);
    // … and one written before the rule (straight into the table) does not let hz.head decide jtt's step.
    const [legacy] = await t.dataSource.query(
      `INSERT INTO approval_delegation (from_user_id, to_user_id, from_date, to_date, created_by) VALUES ($1, $2, '2026-01-01', '2099-12-31', $1) RETURNING id`,
      [await userId(t, 'jtt.head'), await userId(t, 'hz.head')],
    );
    // The database is shared by every suite of the run: the delegation must not outlive this test.
    const decided = await act(t, approvalId, 'hz.head', { type: 'approve' }).finally(() => t.dataSource.query(`DELETE FROM approval_delegation WHERE id = $1`, [legacy.id]));
    expect([decided.status, decided.body.code]).toEqual([403, 'APPROVAL_NOT_ELIGIBLE']);
    const transfer = await act(t, approvalId, 'jtt.head', { type: 'transfer', toUserId: await userId(t, 'viewer') });
    expect([transfer.status, transfer.body.code]).toEqual([400, 'APPROVAL_NOT_ELIGIBLE']);
    expect((await act(t, approvalId, 'jtt.head', { type: 'approve' })).status).toBe(200);
  });

  it('row 11: a refused action leaves an audit row saying who, what and why', async () => {
    const before = await count(`audit_event WHERE action = 'access.denied'`);
    await t.http().post('/api/departments').set('Authorization', await as('leader')).set('X-Request-Id', 'refusal-audit-0001').send({ code: 'x', name: 'x', kind: 'city' }).expect(403);
    const task = drafts[2];
    await t.http().post(`/api/tasks/${task.id}/comments`).set('Authorization', await as('hz.liaison')).send({ text: '越权评论' }).expect(403);
    expect(await count(`audit_event WHERE action = 'access.denied'`)).toBe(before + 2);
    const [row] = await t.dataSource.query(`SELECT * FROM audit_event WHERE request_id = 'refusal-audit-0001'`);
    expect(row).toMatchObject({ action: 'access.denied', subject_type: 'route', subject_id: 'POST /api/departments' });
    expect(row.actor_name).toContain('leader');
    expect(row.after).toMatchObject({ code: 'FORBIDDEN', reason: expect.any(String), reasonEn: expect.stringContaining('office_admin') });
    const [comment] = await t.dataSource.query(`SELECT * FROM audit_event WHERE action = 'access.denied' ORDER BY chain_seq DESC LIMIT 1`);
    expect(comment.subject_id).toBe('POST /api/tasks/:id/comments');
    expect(comment.after.params).toEqual({ id: task.id });
  });

  describe('deliver 3: the audit hash chain', () => {
    it('stays one unbroken chain under concurrent writers', async () => {
      const office = await as('office');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => t.http().post(`/api/tasks/${drafts[3 + (i % 5)].id}/comments`).set('Authorization', office).send({ text: `并发评论 ${i}` })),
      );
      expect(results.map((r) => r.status).every((s) => s === 201 || s === 200)).toBe(true);
      const report = await verifyAuditChain(t.dataSource);
      expect(report).toMatchObject({ ok: true, firstBroken: null });
      const [{ n, max }] = await t.dataSource.query(`SELECT count(*)::int AS n, max(chain_seq)::int AS max FROM audit_event`);
      expect([report.rows, max]).toEqual([n, n]);
    });

    it('names the first broken row when a row is edited behind the append-only trigger, and holds again once restored', async () => {
      const [victim] = await t.dataSource.query(`SELECT id::text AS id, chain_seq::text AS seq, action FROM audit_event ORDER BY chain_seq LIMIT 1 OFFSET 5`);
      const tamper = async (action: string) => {
        await t.dataSource.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
        try {
          await t.dataSource.query(`UPDATE audit_event SET action = $2 WHERE id = $1`, [victim.id, action]);
        } finally {
          await t.dataSource.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
        }
      };
      await tamper('user.delete');
      try {
        const report = await verifyAuditChain(t.dataSource);
        expect(report.ok).toBe(false);
        expect(report.firstBroken).toMatchObject({ id: victim.id, chainSeq: victim.seq, reason: expect.stringContaining('content') });
      } finally {
        await tamper(victim.action);
      }
      expect((await verifyAuditChain(t.dataSource)).ok).toBe(true);
    });
  });
});
