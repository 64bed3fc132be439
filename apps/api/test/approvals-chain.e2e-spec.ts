import { acceptTask, act, approval, approveAll, count, officeTask, openReport, PDF, reportsOf, submitReport, userId, useTemporaryUploadDir, withDraftTasks } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import { DEMO_PASSWORD, type TestApp } from './test-app';

describe('Approval chains: progress reports through department head and office review', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  const uploads = useTemporaryUploadDir();
  const as = (user: string) => t.login(user);

  withDraftTasks('APPROVALS-CHAIN', uploads, (app, tasks) => {
    [t, drafts] = [app, tasks];
  });

  it('takes a report through its whole chain: jtt.liaison drafts, jtt.head approves, the reviewer approves; the task follows', async () => {
    const taskId = await acceptTask(t, drafts[0], { lead: 'jtt' });
    const reports = await reportsOf(t, taskId);
    // Start 2026-07-01, quarterly: 2026-Q3 is long past its grace window; the current quarter is open.
    expect(reports[0]).toMatchObject({ periodKey: '2026-Q3', status: 'draft', locked: true });
    expect(reports.filter((r) => !r.locked).length).toBeGreaterThanOrEqual(1);
    const report = await openReport(t, taskId);
    const liaison = await as('jtt.liaison');
    await t.http().post('/api/evidence').query({ ownerType: 'progress_report', ownerId: report.id }).set('Authorization', liaison).attach('file', PDF, '现场照片说明.pdf').expect(201);
    const submitted = await submitReport(t, report.id, { content: '完成可研报告编制，启动征地拆迁。', progress: 40 });
    expect(submitted).toMatchObject({ status: 'in_approval', late: false });

    const started = await approval(t, submitted.approvalId, 'jtt.head');
    expect(started).toMatchObject({ status: 'in_progress', currentStep: { key: 'dept_head' }, allowedActions: expect.arrayContaining(['approve', 'return']) });
    expect(started.pendingApprovers.map((u) => u.displayName)).toEqual(['周处长（省交通运输厅）']);
    // The liaison may not decide; the head may.
    expect((await act(t, submitted.approvalId, 'jtt.liaison', { type: 'approve' })).status).toBe(403);
    const afterHead = await act(t, submitted.approvalId, 'jtt.head', { type: 'approve', comment: '同意报送' });
    expect(afterHead.status).toBe(200);
    expect(afterHead.body).toMatchObject({ status: 'in_progress', currentStep: { key: 'office_review' } });
    expect((await officeTask(t, taskId)).progress).toBe(0);

    const done = await approveAll(t, submitted.approvalId, ['reviewer']);
    expect(done.status).toBe('approved');
    expect(done.timeline.map((e) => [e.type, e.actorLabel, e.stepKey])).toEqual([
      ['start', '陈联络员（省交通运输厅）', 'dept_head'],
      ['approve', '周处长（省交通运输厅）', 'dept_head'],
      ['approve', '李审核（办公室）', 'office_review'],
    ]);
    const after = await t.http().get(`/api/reports/${report.id}`).set('Authorization', liaison).expect(200);
    expect(after.body).toMatchObject({ status: 'approved', approvalStatus: 'approved', progress: 40, evidence: [{ fileName: '现场照片说明.pdf' }] });
    expect(after.body.approvedAt).toEqual(expect.any(String));
    // The first approved report starts the task (accepted → in_progress) and sets its progress.
    expect(await officeTask(t, taskId)).toMatchObject({ status: 'in_progress', progress: 40, lastReportLate: false, lastReportAt: expect.any(String) });
    const [audit] = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE action = 'task.progress_report_approved' AND subject_id = $1`, [taskId]);
    expect([audit.before.status, audit.after.status, audit.after.progress]).toEqual(['accepted', 'in_progress', 40]);
    // The drafter heard about it.
    const inbox = await t.http().get('/api/notifications').set('Authorization', liaison).expect(200);
    expect(inbox.body.items.find((n: { kind: string; subjectId: string }) => n.kind === 'approval_approved' && n.subjectId === submitted.approvalId)).toBeDefined();
    // Closed: any further action is a 409.
    const closed = await act(t, submitted.approvalId, 'reviewer', { type: 'comment', comment: '补充' });
    expect([closed.status, closed.body.code]).toEqual([409, 'APPROVAL_INSTANCE_CLOSED']);
  });

  it('returns a report with a comment to the liaison, who sees it, edits and resubmits', async () => {
    const taskId = await acceptTask(t, drafts[1], { lead: 'jtt' });
    const report = await openReport(t, taskId);
    const first = await submitReport(t, report.id, { content: '初稿', progress: 20 });
    const instanceId = first.approvalId;

    // A return without a comment is refused and changes nothing.
    const actionsBefore = await count(t, `approval_action WHERE instance_id = $1`, [instanceId]);
    const noComment = await act(t, instanceId, 'jtt.head', { type: 'return' });
    expect([noComment.status, noComment.body.code]).toEqual([400, 'APPROVAL_COMMENT_REQUIRED']);
    expect(await count(t, `approval_action WHERE instance_id = $1`, [instanceId])).toBe(actionsBefore);
    expect((await approval(t, instanceId)).version).toBe(1);

    const returned = await act(t, instanceId, 'jtt.head', { type: 'return', comment: '请补充投资完成情况和形象进度' });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned_to_drafter');

    const liaison = await as('jtt.liaison');
    const back = (await t.http().get(`/api/reports/${report.id}`).set('Authorization', liaison).expect(200)).body;
    expect(back).toMatchObject({ status: 'returned', returnComment: '请补充投资完成情况和形象进度', allowedActions: expect.arrayContaining(['edit', 'submit']) });
    const timeline = (await approval(t, instanceId, 'jtt.liaison')).timeline;
    expect(timeline.at(-1)).toMatchObject({ type: 'return', actorLabel: '周处长（省交通运输厅）', comment: '请补充投资完成情况和形象进度' });
    const notes = (await t.http().get('/api/notifications').set('Authorization', liaison).expect(200)).body.items;
    const notice = notes.find((n: { kind: string; subjectId: string }) => n.kind === 'approval_returned' && n.subjectId === instanceId);
    expect(notice?.body).toContain('请补充投资完成情况和形象进度');
    // The return notice opens the report itself (editable again), not the closed approval.
    expect(notice?.link).toBe(`/reports/${report.id}`);

    const second = await submitReport(t, report.id, { content: '初稿。补充：完成投资1.2亿元，形象进度30%。', progress: 30 });
    expect(second.approvalId).not.toBe(instanceId);
    expect(second).toMatchObject({ status: 'in_approval', returnComment: null });
    // The second round shows the first: its return with the comment.
    const round2 = (await t.http().get(`/api/approvals/${second.approvalId}`).set('Authorization', await as('jtt.head')).expect(200)).body;
    expect(round2.round).toBe(2);
    expect(round2.otherRounds).toHaveLength(1);
    expect(round2.otherRounds[0]).toMatchObject({ id: instanceId, round: 1, status: 'returned_to_drafter', finishedAt: expect.any(String) });
    expect(round2.otherRounds[0].timeline.map((e: { type: string; comment: string | null }) => [e.type, e.comment])).toEqual([
      ['start', null],
      ['return', '请补充投资完成情况和形象进度'],
    ]);
    expect(round2.timeline.map((e: { type: string }) => e.type)).toEqual(['start']);
    // And the first round names the later one.
    const round1 = (await t.http().get(`/api/approvals/${instanceId}`).set('Authorization', liaison).expect(200)).body;
    expect([round1.round, round1.otherRounds.map((r: { id: string; round: number }) => [r.id, r.round])]).toEqual([1, [[second.approvalId, 2]]]);
    // The inbox names the task's plan (codes repeat across plans).
    const todo = (await t.http().get('/api/approvals/inbox').query({ box: 'todo' }).set('Authorization', await as('jtt.head')).expect(200)).body;
    const item = todo.items.find((i: { id: string }) => i.id === second.approvalId);
    expect(item.task).toEqual({ code: expect.any(String), planCode: 'APPROVALS-CHAIN', planTitle: expect.any(String) });
    const done = await approveAll(t, second.approvalId, ['jtt.head', 'reviewer']);
    expect(done.status).toBe('approved');
    expect(await officeTask(t, taskId)).toMatchObject({ progress: 30, status: 'in_progress' });
  });

  it('refuses a decision by someone who is not an approver of the current step (403) and stores nothing', async () => {
    const taskId = await acceptTask(t, drafts[2], { lead: 'jtt' });
    const submitted = await submitReport(t, (await openReport(t, taskId)).id);
    const before = await count(t, `approval_action WHERE instance_id = $1`, [submitted.approvalId]);
    const auditBefore = await count(t, `audit_event WHERE subject_id = $1`, [submitted.approvalId]);
    for (const user of ['fgw.head', 'reviewer', 'hz.head']) {
      const res = await act(t, submitted.approvalId, user, { type: 'approve' });
      expect([user, res.status, res.body.code]).toEqual([user, 403, 'APPROVAL_NOT_AN_APPROVER']);
      expect(res.body.message).toContain('不是当前步骤');
    }
    const stale = await t.http().post(`/api/approvals/${submitted.approvalId}/actions`).set('Authorization', await as('jtt.head')).send({ type: 'approve', version: 7 });
    expect([stale.status, stale.body.code]).toEqual([409, 'APPROVAL_STALE']);
    expect(await count(t, `approval_action WHERE instance_id = $1`, [submitted.approvalId])).toBe(before);
    expect(await count(t, `audit_event WHERE subject_id = $1`, [submitted.approvalId])).toBe(auditBefore);
  });

  it('lets only one of 50 parallel decisions on one step win; the others get 409 APPROVAL_STALE', async () => {
    const taskId = await acceptTask(t, drafts[3], { lead: 'jtt' });
    const submitted = await submitReport(t, (await openReport(t, taskId)).id);
    const head = await as('jtt.head');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/api/approvals/${submitted.approvalId}/actions`)
          .set('Authorization', head)
          .send(i % 2 === 0 ? { type: 'approve', version: 1 } : { type: 'return', comment: `退回 ${i}`, version: 1 }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.code))).toEqual(new Set(['APPROVAL_STALE']));
    expect(await count(t, `approval_action WHERE instance_id = $1`, [submitted.approvalId])).toBe(2);
    const [row] = await t.dataSource.query(`SELECT version, state->'version' AS "stateVersion" FROM approval_instance WHERE id = $1`, [submitted.approvalId]);
    expect([row.version, row.stateVersion]).toEqual([2, 2]);
  });

  it('lets the drafter withdraw before any decision, and transfers and added signers move the step', async () => {
    const taskId = await acceptTask(t, drafts[4], { lead: 'jtt' });
    const report = await openReport(t, taskId);
    const first = await submitReport(t, report.id);
    const withdrawn = await act(t, first.approvalId, 'jtt.liaison', { type: 'withdraw' });
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
    expect((await t.http().get(`/api/reports/${report.id}`).set('Authorization', await as('jtt.liaison')).expect(200)).body.status).toBe('draft');

    const second = await submitReport(t, report.id);
    const id = second.approvalId;
    expect((await act(t, id, 'jtt.liaison', { type: 'comment', comment: '附件已补充' })).status).toBe(200);
    // Transfer and add-signer only reach people who may decide this step: heads of the drafting department.
    for (const [username, displayName] of [['jtt.head2', '吴副处长（省交通运输厅）'], ['jtt.head3', '孙副处长（省交通运输厅）']]) {
      await t
        .http()
        .post('/api/users')
        .set('Authorization', await as('office'))
        .send({ username, displayName, password: DEMO_PASSWORD, departmentCode: 'jtt', roles: ['dept_head'] })
        .expect(201);
    }
    for (const other of ['hz.head', 'viewer', 'jtt.liaison']) {
      const refused = await act(t, id, 'jtt.head', { type: 'transfer', toUserId: await userId(t, other) });
      expect([other, refused.status, refused.body.code]).toEqual([other, 400, 'APPROVAL_NOT_ELIGIBLE']);
    }
    const transferred = await act(t, id, 'jtt.head', { type: 'transfer', toUserId: await userId(t, 'jtt.head2'), comment: '请吴副处长审核' });
    expect(transferred.status).toBe(200);
    expect(transferred.body.pendingApprovers.map((u: { displayName: string }) => u.displayName)).toEqual(['吴副处长（省交通运输厅）']);
    expect((await act(t, id, 'jtt.head', { type: 'approve' })).status).toBe(403);
    const wrongSigner = await act(t, id, 'jtt.head2', { type: 'addSigner', userId: await userId(t, 'fgw.head'), position: 'before' });
    expect([wrongSigner.status, wrongSigner.body.code]).toEqual([400, 'APPROVAL_NOT_ELIGIBLE']);
    const added = await act(t, id, 'jtt.head2', { type: 'addSigner', userId: await userId(t, 'jtt.head3'), position: 'before' });
    expect(added.body.pendingApprovers.map((u: { displayName: string }) => u.displayName)).toEqual(['孙副处长（省交通运输厅）']);
    const notYet = await act(t, id, 'jtt.head2', { type: 'approve' });
    expect([notYet.status, notYet.body.code]).toEqual([409, 'APPROVAL_NOT_YOUR_TURN']);
    await approveAll(t, id, ['jtt.head3']);
    const late = await act(t, id, 'jtt.liaison', { type: 'withdraw' });
    expect([late.status, late.body.code]).toEqual([409, 'APPROVAL_WITHDRAW_AFTER_DECISION']);
    const done = await approveAll(t, id, ['jtt.head2']);
    expect(done.currentStep?.key).toBe('office_review');
    expect(done.timeline.map((e) => e.type)).toEqual(['start', 'comment', 'transfer', 'addSigner', 'approve', 'approve']);
    const bad = await act(t, id, 'reviewer', { type: 'transfer', toUserId: '00000000-0000-4000-8000-000000000000' });
    expect([bad.status, bad.body.code]).toEqual([400, 'APPROVAL_BAD_USER']);
    // Other suites count 省交通运输厅's heads: the two deputies leave when this journey is done.
    await t.dataSource.query(`UPDATE app_user SET active = false WHERE username IN ('jtt.head2', 'jtt.head3')`);
  });

});
