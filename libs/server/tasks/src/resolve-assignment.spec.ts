import { type AssignmentContext, resolveAssignment } from './resolve-assignment';
import { TaskErrorCode } from './task.exception';
import { directory, draftTask, idOf, seedCalendar } from './testing/task-fixtures';

const OWNER = '44444444-4444-4444-8444-444444444444';
const ctx: AssignmentContext = {
  directory: directory(),
  calendar: seedCalendar(),
  today: '2026-03-02',
  owners: new Map([[OWNER, { departmentId: idOf('jtt'), active: true }]]),
};

describe(resolveAssignment.name, () => {
  it('dispatches (交办) a draft: lead, co-departments, deadline phrase on the working-day calendar, start today', () => {
    const r = resolveAssignment(draftTask(), { leadDepartmentCode: 'jtt', coDepartmentCodes: ['hz', 'jtt', 'hz'], deadlineText: '2026年6月底', dispatch: true }, ctx);
    expect(r.problems).toEqual([]);
    expect(r.assigns).toBe(true);
    expect(r.write).toMatchObject({
      status: 'assigned',
      leadDepartmentId: idOf('jtt'),
      // The lead is not its own co-department; duplicates collapse.
      coDepartmentIds: [idOf('hz')],
      startDate: '2026-03-02',
      dueDate: '2026-06-30',
      deadlineText: '2026年6月底',
    });
  });

  it('saves a draft without dispatching it unless asked, and refuses to dispatch a draft without a lead', () => {
    const saved = resolveAssignment(draftTask(), { leadDepartmentCode: 'jtt', deadlineText: '2026年6月底' }, ctx);
    expect(saved.problems).toEqual([]);
    expect(saved.assigns).toBe(false);
    expect(saved.write).toMatchObject({ leadDepartmentId: idOf('jtt'), dueDate: '2026-06-30' });
    expect(saved.write.status).toBeUndefined();
    const noLead = resolveAssignment(draftTask(), { coDepartmentCodes: ['hz'], dispatch: true }, ctx);
    expect(noLead.assigns).toBe(false);
    expect(noLead.problems).toEqual([expect.objectContaining({ status: 400, code: TaskErrorCode.NO_LEAD_DEPARTMENT, field: 'leadDepartmentCode' })]);
    // Dispatching a task already assigned changes nothing.
    const assigned = draftTask({ status: 'assigned', leadDepartmentId: idOf('jtt') });
    expect(resolveAssignment(assigned, { dispatch: true }, ctx)).toEqual({ write: {}, assigns: false, problems: [] });
  });

  it('moves a period deadline falling on a rest day back to the last working day (2026年10月初 → 国庆)', () => {
    // 2026-09-30 is a Wednesday; 2026年第三季度 ends on it.
    expect(resolveAssignment(draftTask(), { leadDepartmentCode: 'jtt', deadlineText: '2026年第三季度' }, ctx).write.dueDate).toBe('2026-09-30');
    // 2026-01-31 is a Saturday: 2026年1月底 is Friday 2026-01-30.
    const january = resolveAssignment(draftTask({ startDate: '2026-01-05' }), { leadDepartmentCode: 'jtt', deadlineText: '2026年1月底' }, ctx);
    expect(january.write.dueDate).toBe('2026-01-30');
  });

  it('reads 每季度 as a recurring task without a due date and 长期 or dueDate null as long-term', () => {
    const recurring = resolveAssignment(draftTask({ reportingCycle: 'yearly' }), { leadDepartmentCode: 'jtt', deadlineText: '每季度' }, ctx);
    expect(recurring.write).toMatchObject({ deadlineText: '每季度', reportingCycle: 'quarterly' });
    expect(recurring.write).not.toHaveProperty('dueDate');
    const longTerm = resolveAssignment(draftTask({ dueDate: '2026-12-31' }), { leadDepartmentCode: 'jtt', dueDate: null }, ctx);
    expect(longTerm.write).toMatchObject({ dueDate: null, deadlineText: '长期' });
  });

  it('refuses a due date before the start date', () => {
    const r = resolveAssignment(draftTask(), { leadDepartmentCode: 'jtt', startDate: '2026-05-01', dueDate: '2026-04-30' }, ctx);
    expect(r.problems).toEqual([expect.objectContaining({ status: 400, code: TaskErrorCode.DEADLINE_BEFORE_START, field: 'dueDate' })]);
    expect(r.assigns).toBe(false);
  });

  it('names unknown departments, an unknown cycle and an unreadable deadline, each with its field', () => {
    const r = resolveAssignment(
      draftTask(),
      { leadDepartmentCode: 'nosuch', coDepartmentCodes: ['hz', 'ghost'], reportingCycle: 'weekly', deadlineText: '尽快' },
      ctx,
    );
    expect(r.problems.map((p) => [p.code, p.field])).toEqual([
      [TaskErrorCode.UNKNOWN_DEPARTMENT, 'leadDepartmentCode'],
      [TaskErrorCode.UNKNOWN_DEPARTMENT, 'coDepartmentCodes'],
      [TaskErrorCode.UNKNOWN_CYCLE, 'reportingCycle'],
      [TaskErrorCode.BAD_DEADLINE, 'deadlineText'],
    ]);
    expect(r.problems[0].message).toContain('nosuch');
    expect(r.problems[1].message).toContain('ghost');
  });

  it('locks the deadline and the lead once the task is accepted, but allows co-departments and the cycle', () => {
    const accepted = draftTask({ status: 'accepted', leadDepartmentId: idOf('jtt'), startDate: '2026-03-02', dueDate: '2026-06-30' });
    expect(resolveAssignment(accepted, { dueDate: '2026-07-31' }, ctx).problems[0]).toMatchObject({ status: 409, code: TaskErrorCode.DEADLINE_LOCKED });
    expect(resolveAssignment(accepted, { leadDepartmentCode: 'hz' }, ctx).problems[0]).toMatchObject({ status: 409, code: TaskErrorCode.LEAD_LOCKED });
    // The same date written another way is not a change.
    expect(resolveAssignment(accepted, { deadlineText: '2026-06-30' }, ctx).problems).toEqual([]);
    const ok = resolveAssignment(accepted, { coDepartmentCodes: ['hz'], reportingCycle: 'monthly' }, ctx);
    expect(ok.problems).toEqual([]);
    expect(ok.assigns).toBe(false);
    expect(ok.write).toEqual({ coDepartmentIds: [idOf('hz')], reportingCycle: 'monthly' });
  });

  it('refuses any change to a closed task', () => {
    expect(resolveAssignment(draftTask({ status: 'cancelled' }), { title: 'x' }, ctx).problems[0].code).toBe(TaskErrorCode.CLOSED);
  });

  it('accepts an owner only from the lead department', () => {
    expect(resolveAssignment(draftTask(), { leadDepartmentCode: 'jtt', ownerUserId: OWNER }, ctx).write.ownerUserId).toBe(OWNER);
    expect(resolveAssignment(draftTask(), { leadDepartmentCode: 'hz', ownerUserId: OWNER }, ctx).problems[0].code).toBe(TaskErrorCode.BAD_OWNER);
  });

  it('writes nothing when nothing changes', () => {
    const assigned = draftTask({ status: 'assigned', leadDepartmentId: idOf('jtt'), startDate: '2026-03-02', dueDate: '2026-06-30', deadlineText: '2026年6月底' });
    const r = resolveAssignment(assigned, { leadDepartmentCode: 'jtt', coDepartmentCodes: [], deadlineText: '2026年6月底', title: assigned.title }, ctx);
    expect(r).toEqual({ write: {}, assigns: false, problems: [] });
  });
});
