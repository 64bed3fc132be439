import type { DashboardTaskItem } from '@luoshi/contracts';

/** A listed task as the query returns it: the contract item's own columns, the lead department flat. */
export interface TaskItemRow extends Pick<DashboardTaskItem, 'id' | 'code' | 'title' | 'status' | 'progress' | 'dueDate' | 'health'> {
  leadId: string | null;
  leadCode: string | null;
  leadName: string | null;
  workingDays: number | null;
}

/** The task list item of a dashboard or an evaluation: days overdue, or days left when not yet due. */
export function toTaskItem(r: TaskItemRow, days: 'overdue' | 'left'): DashboardTaskItem {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    status: r.status,
    progress: r.progress,
    dueDate: r.dueDate,
    health: r.health,
    leadDepartment: r.leadId ? { id: r.leadId, code: r.leadCode ?? '', name: r.leadName ?? '' } : null,
    workingDaysOverdue: days === 'overdue' ? r.workingDays : null,
    workingDaysLeft: days === 'left' && r.workingDays !== null && r.workingDays >= 0 ? r.workingDays : null,
  };
}
