import { ReportDraftsService } from '@luoshi/server/reports';
import { acceptTask, approveAll, count, isoDaysFromToday, officeTask, openReport, reportsOf, submitReport, useTemporaryUploadDir, withDraftTasks } from './approvals-fixture';
import type { TaskSummary } from './tasks-fixture';
import type { TestApp } from './test-app';

describe('Progress reports: drafts per period, contributions, red explanation, lock and lateness', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  const uploads = useTemporaryUploadDir();
  const as = (user: string) => t.login(user);
  const report = async (id: string, user = 'jtt.liaison') => (await t.http().get(`/api/reports/${id}`).set('Authorization', await as(user)).expect(200)).body;

  withDraftTasks('REPORTS-PROGRESS', uploads, (app, tasks) => {
    [t, drafts] = [app, tasks];
  });

  it('creates one draft per period, lazily on read and by the daily job, never twice', async () => {
    const lazy = await acceptTask(t, drafts[0], { lead: 'jtt', startDate: '2026-01-15', reportingCycle: 'quarterly' });
    const first = await reportsOf(t, lazy);
    expect(first.map((r) => r.periodKey).slice(0, 4)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect((await reportsOf(t, lazy)).map((r) => r.id)).toEqual(first.map((r) => r.id));

    // Monthly from two months ago: those two months and this one (and next month near its end).
    const daily = await acceptTask(t, drafts[1], { lead: 'hz', startDate: `${isoDaysFromToday(-62).slice(0, 7)}-01`, reportingCycle: 'monthly' });
    expect(await count(t, `progress_report WHERE task_id = $1`, [daily])).toBe(0);
    expect(await t.app.get(ReportDraftsService).handleEnsureReportDrafts()).toBeGreaterThanOrEqual(3);
    const created = await count(t, `progress_report WHERE task_id = $1`, [daily]);
    expect(created).toBeGreaterThanOrEqual(3);
    expect(created).toBeLessThanOrEqual(4);
    await t.app.get(ReportDraftsService).handleEnsureReportDrafts();
    expect(await count(t, `progress_report WHERE task_id = $1`, [daily])).toBe(created);
    // Tasks without a reporting cycle get none.
    const quiet = await acceptTask(t, drafts[2], { lead: 'jtt', reportingCycle: 'none' });
    expect(await reportsOf(t, quiet)).toEqual([]);
  });

  it('merges co-department contributions into the report text', async () => {
    const taskId = await acceptTask(t, drafts[3], { lead: 'jtt', co: ['fgw'] });
    const { id } = await openReport(t, taskId);
    const fgw = await as('fgw.liaison');
    await t.http().post(`/api/reports/${id}/contributions`).set('Authorization', await as('hz.liaison')).send({ content: '无关' }).expect(403);
    await t.http().post(`/api/reports/${id}/contributions`).set('Authorization', await as('jtt.liaison')).send({ content: '牵头单位不是配合单位' }).expect(403);
    const withContribution = await t.http().post(`/api/reports/${id}/contributions`).set('Authorization', fgw).send({ content: '已完成项目立项审批。' }).expect(200);
    expect(withContribution.body.contributions).toEqual([expect.objectContaining({ department: expect.objectContaining({ code: 'fgw' }), content: '已完成项目立项审批。', mergedAt: null })]);
    expect(withContribution.body.allowedActions).toEqual(['contribute']);
    const lead = await report(id);
    expect(lead.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit', 'merge']));
    const notes = (await t.http().get('/api/notifications').set('Authorization', await as('jtt.liaison')).expect(200)).body.items;
    expect(notes.find((n: { kind: string; subjectId: string }) => n.kind === 'report_contribution' && n.subjectId === id)).toBeDefined();

    const edited = await t.http().patch(`/api/reports/${id}`).set('Authorization', await as('jtt.liaison')).send({ content: '完成前期工作。', version: lead.version }).expect(200);
    const merged = await t.http().post(`/api/reports/${id}/merge-contributions`).set('Authorization', await as('jtt.liaison')).send({ version: edited.body.version }).expect(200);
    expect(merged.body.content).toBe('完成前期工作。\n\n【省发展改革委】已完成项目立项审批。');
    expect(merged.body.contributions[0].mergedAt).toEqual(expect.any(String));
    const again = await t.http().post(`/api/reports/${id}/merge-contributions`).set('Authorization', await as('jtt.liaison')).send({ version: merged.body.version }).expect(409);
    expect(again.body.code).toBe('REPORT_NOTHING_TO_MERGE');
    // The co-department can read the merged report.
    expect((await report(id, 'fgw.head')).content).toContain('【省发展改革委】');
  });

  it('validates edits: lead department only, version checked, progress 0–100, complete before submitting', async () => {
    const taskId = await acceptTask(t, drafts[4], { lead: 'jtt', co: ['fgw'] });
    const r = await openReport(t, taskId);
    await t.http().patch(`/api/reports/${r.id}`).set('Authorization', await as('fgw.liaison')).send({ content: 'x', version: r.version }).expect(403);
    expect((await t.http().patch(`/api/reports/${r.id}`).set('Authorization', await as('jtt.liaison')).send({ progress: 101, version: r.version }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await t.http().patch(`/api/reports/${r.id}`).set('Authorization', await as('jtt.liaison')).send({ content: 'x', version: r.version + 5 }).expect(409)).body.code).toBe('REPORT_STALE');
    const incomplete = await t.http().post(`/api/reports/${r.id}/submit`).set('Authorization', await as('jtt.liaison')).send({ version: r.version }).expect(400);
    expect(incomplete.body.code).toBe('REPORT_INCOMPLETE');
    expect(incomplete.body.message).toContain('content');
    expect(await count(t, `approval_instance WHERE subject_id = $1`, [r.id])).toBe(0);
  });

  it('requires an explanation while the task is red', async () => {
    const taskId = await acceptTask(t, drafts[5], { lead: 'jtt', startDate: isoDaysFromToday(-120), dueDate: isoDaysFromToday(-3) });
    expect((await officeTask(t, taskId)).health).toBe('red');
    const r = await openReport(t, taskId);
    const liaison = await as('jtt.liaison');
    const edited = await t.http().patch(`/api/reports/${r.id}`).set('Authorization', liaison).send({ content: '主体工程完工', progress: 90, version: r.version }).expect(200);
    const refused = await t.http().post(`/api/reports/${r.id}/submit`).set('Authorization', liaison).send({ version: edited.body.version }).expect(400);
    expect(refused.body).toMatchObject({ code: 'REPORT_RED_EXPLANATION_REQUIRED', details: { field: 'redExplanation' } });
    const explained = await t.http().patch(`/api/reports/${r.id}`).set('Authorization', liaison).send({ redExplanation: '受台风影响停工两周', version: edited.body.version }).expect(200);
    const ok = await t.http().post(`/api/reports/${r.id}/submit`).set('Authorization', liaison).send({ version: explained.body.version }).expect(200);
    expect(ok.body).toMatchObject({ status: 'in_approval', redExplanation: '受台风影响停工两周' });
  });

  it('locks a period after its grace window and marks a late report late (the task turns amber)', async () => {
    const taskId = await acceptTask(t, drafts[6], { lead: 'jtt', startDate: '2026-07-01' });
    const [q3, q4] = await reportsOf(t, taskId);
    expect(q3).toMatchObject({ periodKey: '2026-Q3', locked: true });
    const liaison = await as('jtt.liaison');
    expect((await t.http().patch(`/api/reports/${q3.id}`).set('Authorization', liaison).send({ content: '补报', version: q3.version }).expect(409)).body.code).toBe('REPORT_PERIOD_LOCKED');
    expect((await t.http().post(`/api/reports/${q3.id}/submit`).set('Authorization', liaison).send({ version: q3.version }).expect(409)).body.code).toBe('REPORT_PERIOD_LOCKED');

    // Q4 due yesterday, still inside its grace window: accepted, but late.
    await t.dataSource.query(`UPDATE progress_report SET due_date = current_date - 1, locks_on = current_date + 10 WHERE id = $1`, [q4.id]);
    const submitted = await submitReport(t, q4.id, { progress: 50 });
    expect(submitted.late).toBe(true);
    await approveAll(t, submitted.approvalId, ['jtt.head', 'reviewer']);
    expect(await officeTask(t, taskId)).toMatchObject({ progress: 50, lastReportLate: true, health: 'amber' });
  });
});
