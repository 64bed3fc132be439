import type { TaskSummary } from './tasks-fixture';
import { useTestApp } from './test-app';

/**
 * Duties as real plans write them: annotations with several leads, collective units and names the
 * directory does not know, and an annex 分工表 with 完成时限. The unknown names are mapped by the
 * office; generated tasks start with the duties' lead, co-departments and deadline.
 */
const PLAN = [
  '测试市协同推进实施方案',
  '',
  '为贯彻落实区域协同发展战略，结合本市实际，制定本方案。',
  '',
  '一、重点任务',
  '',
  '（一）交通互联',
  '',
  '1.建设城际铁路。加快推进城际铁路项目前期工作。（省交通运输厅、省发展改革委牵头，省财政厅、有关部门配合）',
  '',
  '2.提升港口能力。推动港口协同发展。（牵头单位：省交通运输厅；配合单位：省海港集团、省财政厅）',
  '',
  '（二）创新协同',
  '',
  '3.共建创新平台。推进科创走廊建设。（省科技厅牵头，省数据资源中心参与）',
  '',
  '二、保障措施',
  '',
  '4.加强统筹协调。建立联席会议制度，定期研究重大问题。',
  '',
  '附件',
  '',
  '重点任务分工表',
  '',
  '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
  '1\t建设城际铁路\t省交通运输厅、省发展改革委\t省财政厅\t2026年底前',
  '2\t提升港口能力\t省交通运输厅\t省海港集团\t长期坚持',
  '3\t加强统筹协调\t省发展改革委\t各设区市政府\t2027年6月底前',
  '',
].join('\n');

interface Duty {
  deliverable: string;
  nodeCode: string | null;
  leadNames: string[];
  leadDepartmentCodes: (string | null)[];
  coNames: string[];
  coDepartmentCodes: string[];
  collectiveNames: string[];
  unresolvedNames: string[];
  deadlineText: string | null;
  deadline: string | null;
}
/** A generated task with the deadline phrase its duty gave it. */
interface Task extends TaskSummary {
  deadlineText: string | null;
}

describe('Plan import: duties, unknown department names, tasks pre-filled', () => {
  const t = useTestApp();
  let office: string;
  const upload = (query: Record<string, string>) =>
    t.http().post('/api/plans/import').query(query).set('Authorization', office).attach('file', Buffer.from(PLAN, 'utf8'), 'duties.txt');
  const dutyFor = (duties: Duty[], title: string) => duties.filter((d) => d.deliverable.includes(title));
  const map = (body: Record<string, unknown>, as = office) => t.http().post('/api/plans/department-mappings').set('Authorization', as).send(body);

  beforeAll(async () => {
    office = await t.login('office');
  });

  it('previews several leads, collective units, deadlines and lists the unknown names (none dropped)', async () => {
    const res = await upload({ dryRun: 'true' }).expect(200);
    expect(res.body.preamble).toContain('结合本市实际');
    const [rail] = dutyFor(res.body.duties, '建设城际铁路');
    expect(rail.leadNames).toEqual(['省交通运输厅', '省发展改革委']);
    expect(rail.leadDepartmentCodes).toEqual(['jtt', 'fgw']);
    expect(rail.coNames).toEqual(expect.arrayContaining(['省财政厅', '有关部门']));
    expect(rail.collectiveNames).toContain('有关部门');
    expect(res.body.duties.some((d: Duty) => d.deadlineText === '2026年底前' && d.deadline === '2026-12-31')).toBe(true);

    const names = res.body.unresolvedDepartmentNames.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['省海港集团', '省数据资源中心']));
    expect(names).not.toContain('有关部门');
    const port = dutyFor(res.body.duties, '提升港口能力');
    expect(port.flatMap((d) => d.unresolvedNames)).toContain('省海港集团');
    expect(port.flatMap((d) => d.coNames)).toContain('省海港集团');
  });

  it('maps an unknown name to a department as an alias, or creates a department; audited and refused when ambiguous', async () => {
    const alias = await map({ name: '省海港集团', departmentCode: 'jtt' }).expect(201);
    expect(alias.body).toMatchObject({ name: '省海港集团', department: { code: 'jtt' }, created: false });
    const [jtt] = await t.dataSource.query(`SELECT id, aliases FROM department WHERE code = 'jtt'`);
    expect(jtt.aliases).toContain('省海港集团');
    const [aliasAudit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'department.alias_add' AND subject_id = $1`, [jtt.id]);
    expect(aliasAudit.after.alias).toBe('省海港集团');
    // Mapping the same name again to the same department is a no-op; to another one a conflict.
    await map({ name: '省海港集团', departmentCode: 'jtt' }).expect(201);
    expect((await map({ name: '省海港集团', departmentCode: 'fgw' }).expect(409)).body.code).toBe('PLAN_DEPARTMENT_NAME_TAKEN');

    const created = await map({ name: '省数据资源中心', create: { code: 'sjzx', kind: 'provincial' } }).expect(201);
    expect(created.body).toMatchObject({ created: true, department: { code: 'sjzx', name: '省数据资源中心' } });
    const [createAudit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'department.create' AND subject_id = $1`, [created.body.department.id]);
    expect(createAudit.after.source).toBe('plan_import');

    expect((await map({ name: '某某局' }).expect(400)).body.code).toBe('PLAN_MAPPING_TARGET');
    expect((await map({ name: '某某局', departmentCode: 'nope' }).expect(400)).body.code).toBe('PLAN_UNKNOWN_DEPARTMENT');
    await map({ name: '某某局', departmentCode: 'jtt' }, await t.login('jtt.head')).expect(403);

    // The next preview resolves both names.
    const res = await upload({ dryRun: 'true' }).expect(200);
    expect(res.body.unresolvedDepartmentNames).toEqual([]);
    const port = dutyFor(res.body.duties, '提升港口能力');
    expect(port.flatMap((d) => d.unresolvedNames)).not.toContain('省海港集团');
    expect(dutyFor(res.body.duties, '共建创新平台').flatMap((d) => d.coDepartmentCodes)).toContain('sjzx');
  });

  it('stores the duties and pre-fills lead, co-departments and 完成时限 on generated tasks, which the office confirms', async () => {
    const committed = await upload({ dryRun: 'false' }).expect(200);
    const planId = committed.body.planId;
    const plan = await t.http().get(`/api/plans/${planId}`).set('Authorization', office).expect(200);
    expect(plan.body.preamble).toContain('结合本市实际');
    const duties = await t.http().get(`/api/plans/${planId}/duties`).set('Authorization', office).expect(200);
    const [rail] = duties.body.filter((d: { deliverable: string }) => d.deliverable.includes('建设城际铁路'));
    expect(rail.leadNames).toEqual(['省交通运输厅', '省发展改革委']);
    expect(rail.leadDepartmentIds.every((id: string | null) => id !== null)).toBe(true);
    expect(rail).toMatchObject({ deadlineText: '2026年底前', deadline: '2026-12-31' });

    const generated = await t.http().post(`/api/plans/${planId}/tasks/generate`).set('Authorization', office).expect(200);
    expect(generated.body.prefilled).toBeGreaterThanOrEqual(3);
    const tasks: Task[] = generated.body.tasks;
    const task = (title: string) => tasks.find((x) => x.title.includes(title))!;

    const railTask = task('建设城际铁路');
    expect(railTask.status).toBe('draft');
    expect(railTask.leadDepartment?.code).toBe('jtt');
    // The joint lead comes first among the co-departments; the collective unit has no department.
    expect(railTask.coDepartments.map((d) => d.code)).toEqual(['fgw', 'czt']);
    expect(railTask).toMatchObject({ deadlineText: '2026年底前', dueDate: '2026-12-31' });

    expect(task('提升港口能力')).toMatchObject({ leadDepartment: { code: 'jtt' }, deadlineText: '长期坚持', dueDate: null });
    expect(task('共建创新平台')).toMatchObject({ leadDepartment: { code: 'kjt' }, coDepartments: [{ code: 'sjzx' }] });
    expect(task('加强统筹协调').leadDepartment?.code).toBe('fgw');

    // The office confirms in the grid: bulk-assign with the pre-filled lead; the deadline stays.
    const confirm = await t
      .http()
      .post('/api/tasks/bulk-assign')
      .set('Authorization', office)
      .send({ items: [{ taskId: railTask.id, version: railTask.version, leadDepartmentCode: 'jtt' }], dispatch: true })
      .expect(200);
    expect(confirm.body.items[0]).toMatchObject({ status: 'assigned', dueDate: '2026-12-31', coDepartments: [{ code: 'fgw' }, { code: 'czt' }] });

    const [event] = await t.dataSource.query(`SELECT data FROM task_event WHERE task_id = $1 AND kind = 'created'`, [railTask.id]);
    expect(event.data.prefilledFromDuties).toHaveLength(1);
    const [audit] = await t.dataSource.query(`SELECT after FROM audit_event WHERE action = 'task.generate' ORDER BY at DESC LIMIT 1`);
    expect(audit.after.prefilled).toBe(generated.body.prefilled);
  });
});
