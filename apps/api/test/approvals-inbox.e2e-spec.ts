import { getSeedApprovalTemplate } from '@luoshi/domain/workflow';
import { acceptTask, act, approval, approveAll, openReport, submitReport, userId, useTemporaryUploadDir, withDraftTasks } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import type { TestApp } from './test-app';

interface InboxBody {
  counts: { todo: number; done: number; cc: number };
  items: { id: string; title: string; currentStep: { key: string } | null; drafter: { displayName: string }; onBehalfOf: { displayName: string }[] }[];
  total: number;
}

describe('Approval inbox, delegation, bulk approval and templates', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  let next = 0;
  const uploads = useTemporaryUploadDir();
  const as = (user: string) => t.login(user);
  const inbox = async (user: string, box = 'todo'): Promise<InboxBody> =>
    (await t.http().get('/api/approvals/inbox').query({ box, pageSize: '100' }).set('Authorization', await as(user)).expect(200)).body;
  /** A fresh jtt task with a submitted report; returns the approval id. */
  const submitted = async (progress = 40) => {
    const taskId = await acceptTask(t, drafts[next++], { lead: 'jtt' });
    return (await submitReport(t, (await openReport(t, taskId)).id, { progress })).approvalId;
  };
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  withDraftTasks('APPROVALS-INBOX', uploads, (app, tasks) => {
    [t, drafts] = [app, tasks];
  });

  it('counts what waits for me, what I decided and what was copied to me', async () => {
    const before = { head: (await inbox('jtt.head')).counts, reviewer: (await inbox('reviewer')).counts };
    const ids = [await submitted(), await submitted(), await submitted()];
    const head = await inbox('jtt.head');
    expect(head.counts).toEqual({ ...before.head, todo: before.head.todo + 3 });
    expect(head.total).toBe(head.counts.todo);
    const item = head.items.find((i) => i.id === ids[0]);
    expect(item).toMatchObject({ currentStep: { key: 'dept_head' }, drafter: { displayName: '陈联络员（省交通运输厅）' } });
    expect(item?.title).toContain('进展报告');

    await approveAll(t, ids[0], ['jtt.head']);
    expect((await inbox('jtt.head')).counts).toEqual({ ...before.head, todo: before.head.todo + 2, done: before.head.done + 1 });
    expect((await inbox('jtt.head', 'done')).items.map((i) => i.id)).toContain(ids[0]);
    expect((await inbox('reviewer')).counts.todo).toBe(before.reviewer.todo + 1);
    // Nobody else has these in their to-do box.
    expect((await inbox('fgw.head')).items.map((i) => i.id)).not.toContain(ids[1]);
    // An unknown box is a 400.
    await t.http().get('/api/approvals/inbox').query({ box: 'all' }).set('Authorization', await as('jtt.head')).expect(400);
  });

  it('lets B decide for A under a delegation, shown as "B 代 A", and stops when it is revoked', async () => {
    const id = await submitted();
    await approveAll(t, id, ['jtt.head']);
    const reviewer = await as('reviewer');
    const created = await t
      .http()
      .post('/api/approvals/delegations')
      .set('Authorization', reviewer)
      .send({ toUserId: await userId(t, 'office'), fromDate: today(), toDate: '2099-12-31', reason: '出差' })
      .expect(201);
    expect(created.body).toMatchObject({ from: { displayName: '李审核（办公室）' }, to: { displayName: '王主任（办公室）' }, active: true });
    expect((await t.http().get('/api/approvals/delegations').set('Authorization', reviewer).expect(200)).body.map((d: { id: string }) => d.id)).toContain(created.body.id);

    const officeTodo = await inbox('office');
    expect(officeTodo.items.find((i) => i.id === id)?.onBehalfOf.map((u) => u.displayName)).toEqual(['李审核（办公室）']);
    expect((await approval(t, id, 'office')).allowedActions).toContain('approve');
    const res = await act(t, id, 'office', { type: 'approve', comment: '代为审核，同意' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    expect(res.body.timeline.at(-1)).toMatchObject({
      type: 'approve',
      actorLabel: '王主任（办公室） 代 李审核（办公室）',
      onBehalfOf: { displayName: '李审核（办公室）' },
      comment: '代为审核，同意',
    });
    const [audit] = await t.dataSource.query(`SELECT actor_name, after FROM audit_event WHERE action = 'approval.approve' AND subject_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect(audit.actor_name).toContain('王主任');
    expect(audit.after.onBehalfOf).toBe(await userId(t, 'reviewer'));

    // Only the delegator (or the office admin) can revoke; then B no longer sees A's items.
    await t.http().delete(`/api/approvals/delegations/${created.body.id}`).set('Authorization', await as('jtt.head')).expect(403);
    await t.http().delete(`/api/approvals/delegations/${created.body.id}`).set('Authorization', reviewer).expect(204);
    const other = await submitted();
    await approveAll(t, other, ['jtt.head']);
    expect((await inbox('office')).items.map((i) => i.id)).not.toContain(other);
    const refused = await act(t, other, 'office', { type: 'approve' });
    expect([refused.status, refused.body.code]).toEqual([403, 'APPROVAL_NOT_AN_APPROVER']);
  });

  it('never lets the drafter decide their own report as a delegate', async () => {
    const head = await as('jtt.head');
    // A liaison cannot be made a delegate any more (no approving role) …
    const refused = await t
      .http()
      .post('/api/approvals/delegations')
      .set('Authorization', head)
      .send({ toUserId: await userId(t, 'jtt.liaison'), fromDate: today(), toDate: today() })
      .expect(400);
    expect(refused.body.code).toBe('APPROVAL_DELEGATION_INVALID');
    // … and one made before that rule still cannot decide the drafter's own item.
    const [d] = await t.dataSource.query(
      `INSERT INTO approval_delegation (from_user_id, to_user_id, from_date, to_date, created_by) VALUES ($1, $2, $3, $3, $1) RETURNING id`,
      [await userId(t, 'jtt.head'), await userId(t, 'jtt.liaison'), today()],
    );
    const id = await submitted();
    const res = await act(t, id, 'jtt.liaison', { type: 'approve' });
    expect([res.status, res.body.code]).toEqual([403, 'APPROVAL_OWN_ITEM']);
    await t.http().delete(`/api/approvals/delegations/${d.id}`).set('Authorization', head).expect(204);
    const bad = await t.http().post('/api/approvals/delegations').set('Authorization', head).send({ toUserId: await userId(t, 'jtt.head'), fromDate: today(), toDate: today() }).expect(400);
    expect(bad.body.code).toBe('APPROVAL_DELEGATION_INVALID');
  });

  it('bulk-approves for the office reviewer, each independently, with a result per id', async () => {
    const ready = [await submitted(), await submitted()];
    for (const id of ready) await approveAll(t, id, ['jtt.head']);
    const notYet = await submitted();
    const missing = '00000000-0000-4000-8000-000000000000';
    await t.http().post('/api/approvals/bulk-approve').set('Authorization', await as('jtt.head')).send({ ids: ready }).expect(403);
    const res = await t.http().post('/api/approvals/bulk-approve').set('Authorization', await as('reviewer')).send({ ids: [...ready, notYet, missing], comment: '同意' }).expect(200);
    expect(res.body).toMatchObject({ approved: 2, failed: 2 });
    expect(res.body.results).toEqual([
      { id: ready[0], ok: true, status: 'approved', version: 3 },
      { id: ready[1], ok: true, status: 'approved', version: 3 },
      { id: notYet, ok: false, code: 'APPROVAL_NOT_AN_APPROVER', message: expect.stringContaining('不是当前步骤') },
      { id: missing, ok: false, code: 'APPROVAL_NOT_FOUND', message: expect.any(String) },
    ]);
    expect((await approval(t, notYet)).status).toBe('in_progress');
    const [row] = await t.dataSource.query(`SELECT status FROM progress_report WHERE approval_instance_id = $1`, [ready[0]]);
    expect(row.status).toBe('approved');
  });

  it('lets the office edit a template: the version goes up, running instances keep their snapshot, cc is copied', async () => {
    const office = await as('office');
    const list = await t.http().get('/api/approval-templates').set('Authorization', office).expect(200);
    expect(list.body.map((x: { code: string }) => x.code).sort()).toEqual(['change_request', 'completion_request', 'extension_request', 'progress_report', 'special_action_plan']);
    await t.http().get('/api/approval-templates/progress_report').set('Authorization', await as('reviewer')).expect(403);
    const current = (await t.http().get('/api/approval-templates/progress_report').set('Authorization', office).expect(200)).body;
    const running = await submitted();

    const invalid = await t
      .http()
      .put('/api/approval-templates/progress_report')
      .set('Authorization', office)
      .send({ version: current.version, steps: [{ key: 'a', name: '审核', mode: 'sometimes', approvers: [] }] })
      .expect(400);
    expect(invalid.body.code).toBe('APPROVAL_TEMPLATE_INVALID');
    expect(invalid.body.details.problems).toEqual(expect.arrayContaining([expect.stringContaining('steps[0].mode'), 'steps[0].approvers: 至少一条审批人规则']));

    const viewer = await userId(t, 'viewer');
    const steps = getSeedApprovalTemplate('progress_report').steps.map((s) => (s.key === 'dept_head' ? { ...s, name: '处室负责人审核' } : s));
    const edited = await t
      .http()
      .put('/api/approval-templates/progress_report')
      .set('Authorization', office)
      .send({ version: current.version, steps, cc: [{ kind: 'users', userIds: [viewer] }] })
      .expect(200);
    expect(edited.body).toMatchObject({ version: current.version + 1, cc: [{ kind: 'users', userIds: [viewer] }] });
    const stale = await t.http().put('/api/approval-templates/progress_report').set('Authorization', office).send({ version: current.version, steps }).expect(409);
    expect(stale.body.code).toBe('APPROVAL_TEMPLATE_STALE');

    const old = await approval(t, running);
    expect(old.steps[0]).toMatchObject({ key: 'dept_head', status: 'active' });
    expect((await t.http().get(`/api/approvals/${running}`).set('Authorization', office).expect(200)).body).toMatchObject({ templateVersion: current.version, cc: [] });
    const ccBefore = (await inbox('viewer', 'cc')).counts.cc;
    const fresh = await submitted();
    const view = (await t.http().get(`/api/approvals/${fresh}`).set('Authorization', office).expect(200)).body;
    expect(view).toMatchObject({ templateVersion: current.version + 1, cc: [{ displayName: '孙审计（只读）' }], steps: [{ name: '处室负责人审核' }, { name: '办公室审核' }] });

    await approveAll(t, fresh, ['jtt.head', 'reviewer']);
    const cc = await inbox('viewer', 'cc');
    expect(cc.counts.cc).toBe(ccBefore + 1);
    expect(cc.items.map((i) => i.id)).toContain(fresh);
    const notes = (await t.http().get('/api/notifications').set('Authorization', await as('viewer')).expect(200)).body.items;
    expect(notes.find((n: { kind: string; subjectId: string }) => n.kind === 'approval_cc' && n.subjectId === fresh)).toBeDefined();
    // The viewer may read what was copied to them, but not decide.
    expect((await approval(t, fresh, 'viewer')).allowedActions).toEqual([]);

    // Back to the seed steps for the rest of the run.
    await t
      .http()
      .put('/api/approval-templates/progress_report')
      .set('Authorization', office)
      .send({ version: current.version + 1, steps: getSeedApprovalTemplate('progress_report').steps, cc: [] })
      .expect(200);
  });
});
