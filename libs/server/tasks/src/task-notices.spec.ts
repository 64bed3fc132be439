import { type TaskNoticeState, taskNotices } from './task-notices';

const draft: TaskNoticeState = {
  id: 't1',
  code: '2.1.3',
  title: '建设智慧交通平台',
  status: 'draft',
  dueDate: '2026-06-30',
  leadDepartmentId: 'jtt',
  coDepartmentIds: ['fgw', 'hz'],
  returnedReason: null,
};
const assigned: TaskNoticeState = { ...draft, status: 'assigned' };
const events = (before: TaskNoticeState, after: TaskNoticeState) => taskNotices(before, after).map((n) => n.event);

describe(taskNotices.name, () => {
  it('tells the lead and every co-department when a draft is dispatched (交办), not of its deadline', () => {
    const notices = taskNotices(draft, assigned);
    expect(notices.map((n) => n.event)).toEqual(['task_assigned', 'task_co_assigned']);
    expect(notices[1].departmentIds).toEqual(['fgw', 'hz']);
    expect(notices.every((n) => n.taskId === 't1' && n.link === '/tasks/t1')).toBe(true);
  });

  it('says 重新交办 when the office dispatches a returned task again', () => {
    expect(events({ ...draft, returnedReason: '不属于本单位职责' }, { ...assigned, returnedReason: null })).toEqual(['task_resubmitted', 'task_co_assigned']);
  });

  it('tells only new co-departments of a live task, never the lead as its own co-department', () => {
    const notices = taskNotices(assigned, { ...assigned, coDepartmentIds: ['fgw', 'hz', 'sj', 'jtt'] });
    expect(notices.map((n) => n.event)).toEqual(['task_co_assigned']);
    expect(notices[0].departmentIds).toEqual(['sj']);
    expect(taskNotices(assigned, { ...assigned, coDepartmentIds: ['fgw'] })).toEqual([]);
  });

  it('tells lead and co-departments of a moved deadline on a live task, naming both dates', () => {
    const [notice] = taskNotices({ ...assigned, status: 'accepted' }, { ...assigned, status: 'accepted', dueDate: '2026-09-30' });
    expect(notice.event).toBe('deadline_changed');
    expect(notice.body).toContain('2026-06-30');
    expect(notice.body).toContain('2026-09-30');
    expect(events({ ...assigned, status: 'in_progress', dueDate: null }, { ...assigned, status: 'in_progress' })).toEqual(['deadline_changed']);
  });

  it('says nothing of a draft edited or a closed task', () => {
    expect(taskNotices(draft, { ...draft, dueDate: '2026-09-30', coDepartmentIds: ['sj'] })).toEqual([]);
    expect(taskNotices({ ...assigned, status: 'completed' }, { ...assigned, status: 'completed', dueDate: '2026-09-30' })).toEqual([]);
    expect(taskNotices({ ...assigned, status: 'accepted' }, { ...assigned, status: 'cancelled' })).toEqual([]);
  });

  it('tells the office of a 退办 with its reason', () => {
    const [notice] = taskNotices(assigned, { ...draft, returnedReason: '不属于本单位职责' });
    expect(notice.event).toBe('task_returned');
    expect(notice.body).toContain('不属于本单位职责');
    expect(taskNotices(assigned, { ...draft, returnedReason: '不属于本单位职责' })).toHaveLength(1);
  });

  it('tells the new lead department of a reassignment (改派), and its new co-departments', () => {
    expect(events(assigned, { ...assigned, leadDepartmentId: 'fgw', coDepartmentIds: ['hz', 'sj'] })).toEqual(['task_assigned', 'task_co_assigned']);
    expect(events({ ...assigned, status: 'accepted' }, { ...assigned, leadDepartmentId: 'sj' })).toEqual(['task_assigned']);
  });
});
