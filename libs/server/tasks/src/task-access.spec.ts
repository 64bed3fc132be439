import { allowedTaskActions, canSeeTask, canWrite, isLeadDepartmentMember } from './task-access';
import { idOf } from './testing/task-fixtures';

const user = (roles: string[], dept: string) => ({ id: 'u', roles: roles as never, departmentId: idOf(dept) });
const task = { status: 'assigned' as const, leadDepartmentId: idOf('fgw'), coDepartmentIds: [idOf('jtt')] };

describe('task access', () => {
  it('lets office roles, leaders and viewers see every task and a department only its own', () => {
    expect(canSeeTask(user(['viewer'], 'office'), task)).toBe(true);
    expect(canSeeTask(user(['dept_liaison'], 'jtt'), task)).toBe(true);
    expect(canSeeTask(user(['dept_liaison'], 'hz'), task)).toBe(false);
  });

  it('lets only the lead department’s liaison or head accept and return', () => {
    expect(isLeadDepartmentMember(user(['dept_liaison'], 'fgw'), task)).toBe(true);
    expect(isLeadDepartmentMember(user(['dept_liaison'], 'jtt'), task)).toBe(false);
    expect(isLeadDepartmentMember(user(['office_admin'], 'fgw'), task)).toBe(false);
    expect(allowedTaskActions(user(['dept_head'], 'fgw'), task, 0)).toEqual(['accept', 'return', 'comment']);
    expect(allowedTaskActions(user(['dept_liaison'], 'jtt'), task, 0)).toEqual(['comment']);
  });

  it('gives viewers nothing to press', () => {
    expect(canWrite(user(['viewer'], 'office'))).toBe(false);
    expect(allowedTaskActions(user(['viewer'], 'office'), task, 1)).toEqual([]);
  });

  it('offers the office the state machine’s events and leaders instructions', () => {
    expect(allowedTaskActions(user(['office_admin'], 'office'), task, 0)).toEqual(['edit', 'suspend', 'cancel', 'reassign', 'comment', 'urge']);
    expect(allowedTaskActions(user(['office_admin'], 'office'), { ...task, status: 'draft' }, 0)).toEqual(['edit', 'split', 'cancel', 'comment']);
    expect(allowedTaskActions(user(['leader'], 'office'), task, 0)).toEqual(['instruct', 'comment']);
    expect(allowedTaskActions(user(['dept_liaison'], 'fgw'), { ...task, status: 'accepted' }, 2)).toEqual(['answer', 'comment']);
  });
});
