import { act, approval, approveAll, count, PDF, useTemporaryUploadDir } from './approvals-fixture';
import { docxOf } from './documents';
import { startTestApp, type TestApp } from './test-app';

const SEED_TITLE = '浙江省推进长江三角洲区域一体化发展行动方案';

interface SapBody {
  id: string;
  taskId: string;
  taskCode: string;
  taskStatus: string;
  dueDate: string | null;
  deadlineText: string | null;
  plan: { id: string; code: string; title: string };
  childPlan: { id: string; code: string; title: string } | null;
  deliverable: string;
  leadDepartment: { code: string } | null;
  coDepartments: { code: string }[];
  status: string;
  version: number;
  approvalId: string | null;
  childPlanId: string | null;
  draft: { fileName: string; sha256: string } | null;
}

/** The special action plan as its lead department drafts it: a plan the importer can parse. */
const draftDocx = (): Promise<Buffer> =>
  docxOf([
    { title: '交通一体化发展专项行动计划' },
    { heading: '一、总体要求' },
    '坚持统筹推进。全面对接长三角交通规划，形成工作合力。',
    { heading: '二、重点任务' },
    '（一）铁路网络',
    '建设沿湾铁路通道。加快推进杭州湾南岸铁路项目前期工作。',
    '推进城际铁路建设。推进嘉兴至上海城际轨道交通建设。',
    '（二）公路网络',
    '打通省际断头路。到2025年，省际断头路全部打通。',
    { heading: '三、保障措施' },
    '加强组织领导。建立专项工作推进机制。',
  ]);

describe('Special action plans: duties → drafting tasks → countersigned approval → child plan with its own tasks', () => {
  let t: TestApp;
  let planId: string;
  let plans: SapBody[];
  const uploads = useTemporaryUploadDir();
  const as = (user: string) => t.login(user);
  const sap = async (id: string, user = 'office'): Promise<SapBody> => (await t.http().get(`/api/special-action-plans/${id}`).set('Authorization', await as(user)).expect(200)).body;
  const reminders = (taskId: string, status: string) => count(t, `reminder WHERE subject_type = 'task' AND subject_id = $1 AND status = $2`, [taskId, status]);

  beforeAll(async () => {
    t = await startTestApp({ plan: true });
    [{ id: planId }] = await t.dataSource.query(`SELECT id FROM plan WHERE title = $1`, [SEED_TITLE]);
  });
  afterAll(async () => {
    await t.close();
    uploads.cleanup();
  });

  it('turns the six special-action-plan duties of the seed plan into drafting tasks, once', async () => {
    const office = await as('office');
    await t.http().post('/api/special-action-plans/generate').query({ planId }).set('Authorization', await as('reviewer')).expect(403);
    const res = await t.http().post('/api/special-action-plans/generate').query({ planId }).set('Authorization', office).expect(200);
    expect(res.body).toMatchObject({ created: 6, existing: 0, skipped: [] });
    plans = res.body.items;
    expect(plans.map((p) => p.deliverable).sort()).toEqual(
      [
        '交通一体化发展专项行动计划',
        '科创产业协同发展专项行动计划',
        '城乡区域融合发展专项行动计划',
        '市场体系一体化发展专项行动计划',
        '公共服务便利共享专项行动计划',
        '生态环境保护一体化专项行动计划',
      ].sort(),
    );
    const traffic = plans.find((p) => p.deliverable === '交通一体化发展专项行动计划')!;
    expect(traffic).toMatchObject({ leadDepartment: { code: 'fgw' }, coDepartments: [{ code: 'jtt' }], status: 'draft', draft: null, childPlanId: null });
    const task = (await t.http().get(`/api/tasks/${traffic.taskId}`).set('Authorization', office).expect(200)).body;
    expect(task).toMatchObject({ code: traffic.taskCode, title: '编制《交通一体化发展专项行动计划》', status: 'assigned', leadDepartment: { code: 'fgw' }, reportingCycle: 'none' });
    expect(traffic).toMatchObject({ taskStatus: 'assigned', dueDate: null, plan: { id: planId, title: SEED_TITLE }, childPlan: null });

    // The seed states no 完成时限 for its special plans: the office sets one through the task edit,
    // and the drafting task is reminded like any task.
    expect(await reminders(traffic.taskId, 'scheduled')).toBe(0);
    await t.http().patch(`/api/tasks/${traffic.taskId}`).set('Authorization', office).send({ version: task.version, dueDate: '2027-06-30' }).expect(200);
    expect(await reminders(traffic.taskId, 'scheduled')).toBeGreaterThan(0);
    expect(await sap(traffic.id)).toMatchObject({ dueDate: '2027-06-30', taskStatus: 'assigned' });

    const again = await t.http().post('/api/special-action-plans/generate').query({ planId }).set('Authorization', office).expect(200);
    expect(again.body).toMatchObject({ created: 0, existing: 6 });
    expect(await count(t, `task WHERE plan_id = $1 AND kind = 'special_action_plan'`, [planId])).toBe(6);

    // Departments see the ones they lead or co-handle.
    const jtt = (await t.http().get('/api/special-action-plans').query({ planId }).set('Authorization', await as('jtt.liaison')).expect(200)).body as SapBody[];
    expect(jtt.map((p) => p.deliverable)).toEqual(['交通一体化发展专项行动计划']);
    expect((await t.http().get('/api/special-action-plans').query({ planId }).set('Authorization', await as('hz.liaison')).expect(200)).body).toEqual([]);
    await t.http().get(`/api/special-action-plans/${traffic.id}`).set('Authorization', await as('hz.liaison')).expect(403);
  });

  it('takes the draft through drafting head → co-department countersign → office review → leader, then imports it as a child plan', async () => {
    const traffic = plans.find((p) => p.deliverable === '交通一体化发展专项行动计划')!;
    const liaison = await as('fgw.liaison');
    const pdf = await t.http().post(`/api/special-action-plans/${traffic.id}/draft`).set('Authorization', liaison).attach('file', PDF, '草案.pdf').expect(415);
    expect(pdf.body.code).toBe('EVIDENCE_TYPE_UNSUPPORTED');
    await t.http().post(`/api/special-action-plans/${traffic.id}/draft`).set('Authorization', await as('jtt.liaison')).attach('file', await draftDocx(), '草案.docx').expect(403);
    const noDraft = await t.http().post(`/api/special-action-plans/${traffic.id}/submit`).set('Authorization', liaison).send({ version: traffic.version }).expect(400);
    expect(noDraft.body.code).toBe('SPECIAL_ACTION_PLAN_DRAFT_MISSING');

    const uploaded = await t.http().post(`/api/special-action-plans/${traffic.id}/draft`).set('Authorization', liaison).attach('file', await draftDocx(), '交通一体化发展专项行动计划（草案）.docx').expect(200);
    expect(uploaded.body.draft).toMatchObject({ fileName: '交通一体化发展专项行动计划（草案）.docx' });
    const submitted = await t.http().post(`/api/special-action-plans/${traffic.id}/submit`).set('Authorization', liaison).send({ version: uploaded.body.version }).expect(200);
    expect(submitted.body).toMatchObject({ status: 'in_approval', approvalId: expect.any(String) });
    const approvalId = submitted.body.approvalId as string;

    const started = await approval(t, approvalId);
    expect(started.steps.map((s) => [s.key, s.approvers.map((a) => a.displayName)])).toEqual([
      ['drafting_dept_head', ['郑处长（省发展改革委）']],
      ['co_departments', ['周处长（省交通运输厅）']],
      ['office_review', ['李审核（办公室）']],
      ['leader', ['赵组长']],
    ]);
    await t.http().post(`/api/special-action-plans/${traffic.id}/import-child-plan`).set('Authorization', await as('office')).expect(409);
    // The co-department cannot countersign before the drafting head.
    expect((await act(t, approvalId, 'jtt.head', { type: 'approve' })).status).toBe(403);
    await approveAll(t, approvalId, ['fgw.head', 'jtt.head', 'reviewer']);
    expect((await sap(traffic.id)).status).toBe('in_approval');
    const before = (await t.http().get(`/api/tasks/${traffic.taskId}`).set('Authorization', await as('office')).expect(200)).body;
    expect(before.status).toBe('assigned');
    const scheduledBefore = await reminders(traffic.taskId, 'scheduled');
    expect(scheduledBefore).toBeGreaterThan(0);
    const done = await approveAll(t, approvalId, ['leader']);
    expect(done.status).toBe('approved');

    // The leader's approval closes the drafting task, audited, and cancels its reminders.
    const closed = (await t.http().get(`/api/tasks/${traffic.taskId}`).set('Authorization', await as('office')).expect(200)).body;
    expect(closed).toMatchObject({ status: 'completed', progress: 100 });
    expect(await reminders(traffic.taskId, 'scheduled')).toBe(0);
    expect(await reminders(traffic.taskId, 'cancelled')).toBeGreaterThanOrEqual(scheduledBefore);
    const [audit] = await t.dataSource.query(
      `SELECT a.before->>'status' AS "from", a.after->>'status' AS "to", a.after->>'specialActionPlanId' AS sap, u.username
         FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_id
        WHERE a.action = 'task.deliverable_approved' AND a.subject_id = $1`,
      [traffic.taskId],
    );
    expect(audit).toEqual({ from: 'assigned', to: 'completed', sap: traffic.id, username: 'leader' });
    expect(done.timeline.map((e) => [e.type, e.stepKey, e.actorLabel])).toEqual([
      ['start', 'drafting_dept_head', '吴联络员（省发展改革委）'],
      ['approve', 'drafting_dept_head', '郑处长（省发展改革委）'],
      ['approve', 'co_departments', '周处长（省交通运输厅）'],
      ['approve', 'office_review', '李审核（办公室）'],
      ['approve', 'leader', '赵组长'],
    ]);
    expect((await sap(traffic.id, 'jtt.liaison')).status).toBe('approved');

    const office = await as('office');
    await t.http().post(`/api/special-action-plans/${traffic.id}/import-child-plan`).set('Authorization', liaison).expect(403);
    const imported = await t.http().post(`/api/special-action-plans/${traffic.id}/import-child-plan`).set('Authorization', office).expect(200);
    expect(imported.body).toMatchObject({ specialActionPlanId: traffic.id, title: '交通一体化发展专项行动计划', childPlanId: expect.any(String) });
    expect(imported.body.measures).toBeGreaterThanOrEqual(3);
    const childId = imported.body.childPlanId as string;
    const [child] = await t.dataSource.query(`SELECT kind, parent_plan_id AS "parentPlanId" FROM plan WHERE id = $1`, [childId]);
    expect(child).toEqual({ kind: 'special_action_plan', parentPlanId: planId });
    expect(await sap(traffic.id)).toMatchObject({
      childPlanId: childId,
      childPlan: { id: childId, title: '交通一体化发展专项行动计划' },
      plan: { id: planId, title: SEED_TITLE },
      taskStatus: 'completed',
    });
    // Linked both ways on the plans too.
    const childPlan = (await t.http().get(`/api/plans/${childId}`).set('Authorization', await as('viewer')).expect(200)).body;
    expect(childPlan).toMatchObject({ kind: 'special_action_plan', parentPlanId: planId, parentPlan: { id: planId, title: SEED_TITLE }, childPlans: [] });
    const parentPlan = (await t.http().get(`/api/plans/${planId}`).set('Authorization', await as('viewer')).expect(200)).body;
    expect(parentPlan).toMatchObject({ parentPlan: null, childPlans: [{ id: childId, code: childPlan.code, title: '交通一体化发展专项行动计划' }] });

    const generated = await t.http().post(`/api/plans/${childId}/tasks/generate`).set('Authorization', office).expect(200);
    expect(generated.body.created).toBe(imported.body.measures);
    expect(generated.body.tasks.map((x: { title: string }) => x.title)).toEqual(expect.arrayContaining(['建设沿湾铁路通道', '打通省际断头路']));

    const twice = await t.http().post(`/api/special-action-plans/${traffic.id}/import-child-plan`).set('Authorization', office).expect(409);
    expect(twice.body.code).toBe('SPECIAL_ACTION_PLAN_ALREADY_IMPORTED');
    expect(await count(t, `plan WHERE parent_plan_id = $1`, [planId])).toBe(1);
  });

  it('gives a drafting task the 完成时限 the plan text states for its special plan, with reminders', async () => {
    const office = await as('office');
    const text = [
      '测试省协同发展实施方案',
      '一、保障措施',
      '（一）制定专项计划。省发展改革委会同省交通运输厅于2027年6月底前编制港口协同发展专项行动计划。省科技厅编制科创走廊建设专项行动计划。',
      '',
    ].join('\n');
    const imported = await t.http().post('/api/plans/import').query({ dryRun: 'false' }).set('Authorization', office).attach('file', Buffer.from(text, 'utf8'), '专项计划.txt').expect(200);
    const generated = await t.http().post('/api/special-action-plans/generate').query({ planId: imported.body.planId }).set('Authorization', office).expect(200);
    const items = generated.body.items as SapBody[];
    const port = items.find((p) => p.deliverable === '港口协同发展专项行动计划')!;
    const science = items.find((p) => p.deliverable === '科创走廊建设专项行动计划')!;
    expect(port).toMatchObject({ dueDate: '2027-06-30', deadlineText: '2027年6月底前', taskStatus: 'assigned', leadDepartment: { code: 'fgw' } });
    expect(science).toMatchObject({ dueDate: null, deadlineText: null });
    const task = (await t.http().get(`/api/tasks/${port.taskId}`).set('Authorization', await as('fgw.liaison')).expect(200)).body;
    expect(task).toMatchObject({ dueDate: '2027-06-30', status: 'assigned' });
    expect(await reminders(port.taskId, 'scheduled')).toBeGreaterThan(0);
    expect(await reminders(science.taskId, 'scheduled')).toBe(0);
  });

  it('refuses to submit when a co-department has no head to countersign (422), storing nothing', async () => {
    // 城乡区域融合: co-departments 省自然资源厅, 省建设厅, 省农业农村厅 have no users in the demo directory.
    const urban = plans.find((p) => p.deliverable === '城乡区域融合发展专项行动计划')!;
    const liaison = await as('fgw.liaison');
    const uploaded = await t.http().post(`/api/special-action-plans/${urban.id}/draft`).set('Authorization', liaison).attach('file', Buffer.from('# 城乡区域融合发展专项行动计划\n一、重点任务\n推进城乡融合。建立机制。\n', 'utf8'), '草案.md').expect(200);
    const instances = await count(t, 'approval_instance');
    const res = await t.http().post(`/api/special-action-plans/${urban.id}/submit`).set('Authorization', liaison).send({ version: uploaded.body.version }).expect(422);
    expect(res.body.code).toBe('APPROVAL_NO_APPROVERS');
    expect(res.body.message).toContain('配合部门会签');
    expect(await count(t, 'approval_instance')).toBe(instances);
    expect((await sap(urban.id)).status).toBe('draft');
  });

  it('returns a draft to the drafting department, which uploads a new one and resubmits', async () => {
    const services = plans.find((p) => p.deliverable === '公共服务便利共享专项行动计划')!;
    const liaison = await as('fgw.liaison');
    const uploaded = await t.http().post(`/api/special-action-plans/${services.id}/draft`).set('Authorization', liaison).attach('file', await draftDocx(), 'v1.docx').expect(200);
    const submitted = await t.http().post(`/api/special-action-plans/${services.id}/submit`).set('Authorization', liaison).send({ version: uploaded.body.version }).expect(200);
    // No co-departments were recognised (省直有关部门): the countersign step is skipped.
    expect((await approval(t, submitted.body.approvalId)).steps.find((s) => s.key === 'co_departments')?.status).toBe('skipped');
    await approveAll(t, submitted.body.approvalId, ['fgw.head']);
    const returned = await act(t, submitted.body.approvalId, 'reviewer', { type: 'return', comment: '请补充量化指标' });
    expect(returned.body.status).toBe('returned_to_drafter');
    expect(await sap(services.id, 'fgw.liaison')).toMatchObject({ status: 'returned', returnComment: '请补充量化指标' });
    const v2 = await t.http().post(`/api/special-action-plans/${services.id}/draft`).set('Authorization', liaison).attach('file', await draftDocx(), 'v2.docx').expect(200);
    expect(v2.body).toMatchObject({ status: 'draft', draft: { fileName: 'v2.docx' } });
    const again = await t.http().post(`/api/special-action-plans/${services.id}/submit`).set('Authorization', liaison).send({ version: v2.body.version }).expect(200);
    expect(again.body.approvalId).not.toBe(submitted.body.approvalId);
  });
});
