import { APPROVALS_QUEUE, approvalTimeoutJobId, ApprovalTimeoutWorker } from '@luoshi/server/approvals';
import { QueueFactory } from '@luoshi/server/platform';
import { acceptTask, act, approval, approveAll, openReport, submitReport, userId, useTemporaryUploadDir, withDraftTasks } from './approvals-fixture';
import { waitFor } from './fixtures';
import type { TaskSummary } from './tasks-fixture';
import type { TestApp } from './test-app';

describe('Approval step timeouts: a delayed BullMQ job applies the engine timeout (remind, then escalate)', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  const uploads = useTemporaryUploadDir();
  const deadline = async (id: string): Promise<Date | null> =>
    (await t.dataSource.query(`SELECT step_deadline FROM approval_instance WHERE id = $1`, [id]))[0].step_deadline;
  /** Makes the current step overdue now and lets the reconciler hand it to the worker. */
  const expire = async (id: string) => {
    await t.dataSource.query(`UPDATE approval_instance SET step_deadline = now() - interval '1 second' WHERE id = $1`, [id]);
    await t.app.get(ApprovalTimeoutWorker).handleReconcile();
  };
  const timeouts = async (id: string) => (await approval(t, id)).timeline.filter((e) => e.type === 'timeout');
  const notificationsOf = async (username: string, kind: string, subjectId: string) =>
    Number(
      (await t.dataSource.query(`SELECT count(*) AS n FROM notification WHERE user_id = $1 AND kind = $2 AND subject_id = $3`, [await userId(t, username), kind, subjectId]))[0].n,
    );

  withDraftTasks('APPROVALS-TIMEOUTS', uploads, (app, tasks) => {
    [t, drafts] = [app, tasks];
  });

  it('plans a delayed job for the step deadline: 09:00 Beijing, N working days after activation', async () => {
    const taskId = await acceptTask(t, drafts[0], { lead: 'jtt' });
    const { approvalId } = await submitReport(t, (await openReport(t, taskId)).id);
    const due = await deadline(approvalId);
    expect(due).not.toBeNull();
    const at = new Date(due as Date);
    // 09:00 in Beijing is 01:00 UTC; dept_head times out after 2 working days.
    expect(at.getUTCHours()).toBe(1);
    expect(at.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
    const job = await t.app.get(QueueFactory).queue(APPROVALS_QUEUE).getJob(approvalTimeoutJobId(approvalId, at));
    expect(job?.name).toBe('approval-timeout');
    expect(job?.data).toEqual({ instanceId: approvalId });
    expect(job?.opts.delay).toBeGreaterThan(24 * 3600_000);
    expect((await approval(t, approvalId, 'jtt.head')).steps[0].status).toBe('active');
  });

  it('reminds the pending approver on the first timeout of a step, then escalates the office review to the office admins', async () => {
    const taskId = await acceptTask(t, drafts[1], { lead: 'jtt' });
    const { approvalId } = await submitReport(t, (await openReport(t, taskId)).id);
    await expire(approvalId);
    const first = await waitFor(() => timeouts(approvalId), (x) => x.length === 1, 15000, 'the first timeout');
    expect(first[0]).toMatchObject({ actorLabel: '系统', stepKey: 'dept_head', data: { timeoutOutcome: 'reminded' } });
    expect(await notificationsOf('jtt.head', 'approval_reminder', approvalId)).toBe(1);
    // The next timeout of this step is one more period out.
    expect((await deadline(approvalId))!.getTime()).toBeGreaterThan(Date.now());

    // A stale or duplicated job does nothing: the deadline is in the future now.
    expect(await t.app.get(ApprovalTimeoutWorker).handleApprovalTimeout({ instanceId: approvalId })).toBe('skipped');

    await approveAll(t, approvalId, ['jtt.head']);
    await expire(approvalId);
    await waitFor(() => timeouts(approvalId), (x) => x.length === 2, 15000, 'the office review reminder');
    await expire(approvalId);
    const all = await waitFor(() => timeouts(approvalId), (x) => x.length === 3, 15000, 'the escalation');
    expect(all[2]).toMatchObject({ stepKey: 'office_review', data: { timeoutOutcome: 'escalated' }, targets: [{ displayName: '王主任（办公室）' }] });
    expect(await notificationsOf('office', 'approval_escalated', approvalId)).toBe(1);
    const view = await approval(t, approvalId, 'office');
    expect(view.allowedActions).toContain('approve');
    // Escalated, the office admin decides the step alone.
    const res = await act(t, approvalId, 'office', { type: 'approve', comment: '超时升级，同意' });
    expect([res.status, res.body.status]).toEqual([200, 'approved']);
    expect(await deadline(approvalId)).toBeNull();
  });
});
