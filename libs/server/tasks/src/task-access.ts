import { DEPARTMENT_ROLES, OFFICE_ROLES, type TaskAction } from '@luoshi/contracts';
import { allowedTaskEvents, isTerminalTaskState, type TaskState } from '@luoshi/domain/workflow';
import { type AuthUser, hasAnyRole, seesAllDepartments } from '@luoshi/server/platform';
import { TaskException } from './task.exception';

export type TaskAccessUser = Pick<AuthUser, 'id' | 'roles' | 'departmentId'>;

export interface TaskAccessSubject {
  status: TaskState;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
}

const URGEABLE: readonly TaskState[] = ['assigned', 'accepted', 'in_progress', 'completion_requested'];

/** Office roles, leaders and viewers see every task; a department sees what it leads or co-handles. */
export function canSeeTask(user: TaskAccessUser, task: TaskAccessSubject): boolean {
  return (
    seesAllDepartments(user) || task.leadDepartmentId === user.departmentId || task.coDepartmentIds.includes(user.departmentId)
  );
}

/** The lead department's liaison or head: who accepts (签收), returns (退办) and answers instructions. */
export function isLeadDepartmentMember(user: TaskAccessUser, task: TaskAccessSubject): boolean {
  return task.leadDepartmentId !== null && task.leadDepartmentId === user.departmentId && hasAnyRole(user, DEPARTMENT_ROLES);
}

/** Viewers read only; every other role may at least comment on what it can see. */
export function canWrite(user: TaskAccessUser): boolean {
  return user.roles.some((r) => r !== 'viewer');
}

export function assertCanSee(user: TaskAccessUser, task: TaskAccessSubject): void {
  if (!canSeeTask(user, task)) {
    throw TaskException.forbidden('无权查看此任务：本单位既不牵头也不配合', 'Your department neither leads nor co-handles this task');
  }
}

export function assertLeadDepartmentMember(user: TaskAccessUser, task: TaskAccessSubject, action: string): void {
  if (!isLeadDepartmentMember(user, task)) {
    throw TaskException.forbidden(`只有牵头单位的联络员或负责人可以${action}`, `Only the lead department's liaison or head may do this`);
  }
}

/** The buttons to show the caller, from the task's state and the caller's roles and department. */
export function allowedTaskActions(user: TaskAccessUser, task: TaskAccessSubject, openInstructions: number): TaskAction[] {
  const events = allowedTaskEvents(task.status);
  const office = hasAnyRole(user, ['office_admin']);
  const lead = isLeadDepartmentMember(user, task);
  const open = !isTerminalTaskState(task.status);
  const actions: TaskAction[] = [];
  if (office && open) actions.push('edit');
  if (office && task.status === 'draft') actions.push('split');
  if (lead && events.includes('accept')) actions.push('accept');
  if (lead && events.includes('return_to_office')) actions.push('return');
  if (office) {
    if (events.includes('suspend')) actions.push('suspend');
    if (events.includes('resume')) actions.push('resume');
    if (events.includes('cancel')) actions.push('cancel');
    if (events.includes('reassign')) actions.push('reassign');
  }
  if (hasAnyRole(user, ['leader']) && open) actions.push('instruct');
  if (lead && openInstructions > 0) actions.push('answer');
  if (canWrite(user) && canSeeTask(user, task)) actions.push('comment');
  if (hasAnyRole(user, OFFICE_ROLES) && task.leadDepartmentId && URGEABLE.includes(task.status)) actions.push('urge');
  return actions;
}

export function canUrge(task: TaskAccessSubject): boolean {
  return task.leadDepartmentId !== null && URGEABLE.includes(task.status);
}
