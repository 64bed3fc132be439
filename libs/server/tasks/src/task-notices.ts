import type { NotifyInput } from '@luoshi/server/notifications';
import type { TaskRow } from './task-row';

export type TaskNoticeState = Pick<TaskRow, 'id' | 'code' | 'title' | 'status' | 'dueDate' | 'leadDepartmentId' | 'coDepartmentIds' | 'returnedReason'>;

/** States in which a task's departments are at work on it (and so are told of changes). */
const LIVE = new Set(['assigned', 'accepted', 'in_progress', 'completion_requested', 'suspended']);

/**
 * The notices a task write implies, whatever use case wrote it (edit, bulk assignment, Excel import,
 * 退办, 改派, approved extension): 交办 to the lead department (重新交办 after a 退办), 配合 to the
 * co-departments that are new to the task, a moved deadline to both, and a 退办 to the office.
 */
export function taskNotices(before: TaskNoticeState, after: TaskNoticeState): NotifyInput[] {
  const base = { taskId: after.id, link: `/tasks/${after.id}`, subjectType: 'task', subjectId: after.id };
  const name = `${after.code} ${after.title}`;
  const due = after.dueDate ? `完成时限：${after.dueDate}。` : '';
  const notices: NotifyInput[] = [];
  const dispatched = before.status === 'draft' && after.status === 'assigned';
  const newLead = dispatched || (LIVE.has(after.status) && before.leadDepartmentId !== after.leadDepartmentId);
  if (newLead) {
    const again = dispatched && before.returnedReason !== null;
    notices.push({
      ...base,
      event: again ? 'task_resubmitted' : 'task_assigned',
      title: `${again ? '任务重新交办' : '任务交办'}：${name}`,
      body: `贵单位牵头的任务「${after.title}」已${again ? '重新' : ''}交办，请及时签收。${due}`,
    });
  }
  const coBefore = dispatched || !LIVE.has(before.status) ? [] : before.coDepartmentIds;
  const newCo = after.coDepartmentIds.filter((id) => !coBefore.includes(id) && id !== after.leadDepartmentId);
  if (LIVE.has(after.status) && newCo.length > 0) {
    notices.push({
      ...base,
      event: 'task_co_assigned',
      departmentIds: newCo,
      title: `配合任务交办：${name}`,
      body: `贵单位为任务「${after.title}」的配合单位，请配合牵头单位推进。${due}`,
    });
  }
  if (!dispatched && LIVE.has(after.status) && before.dueDate !== after.dueDate) {
    notices.push({
      ...base,
      event: 'deadline_changed',
      title: `完成时限变更：${name}`,
      body: `任务「${after.title}」的完成时限由 ${before.dueDate ?? '未定'} 调整为 ${after.dueDate ?? '长期'}。`,
    });
  }
  if (before.status !== 'draft' && after.status === 'draft' && after.returnedReason !== null) {
    notices.push({
      ...base,
      event: 'task_returned',
      title: `任务退办：${name}`,
      body: `牵头单位退回了任务「${after.title}」，理由：${after.returnedReason}。请调整后重新交办。`,
    });
  }
  return notices;
}
