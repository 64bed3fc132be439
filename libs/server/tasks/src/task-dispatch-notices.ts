import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DispatchNotice } from '@luoshi/contracts';
import { type NotifyInput, type NotifyOutcome, NotificationsService } from '@luoshi/server/notifications';
import type { TaskRow } from './task-row';

interface Recipient {
  id: string;
  displayName: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
}

/**
 * 交办 notices: the lead department's liaisons and heads are told a task is theirs, each
 * co-department's that it helps (协办). Written in the dispatching transaction; the caller hands the
 * outcome to NotificationsService.dispatch after the commit.
 */
@Injectable()
export class TaskDispatchNotices {
  constructor(private readonly notifications: NotificationsService) {}

  async notify(m: EntityManager, dispatched: readonly TaskRow[]): Promise<{ outcome: NotifyOutcome; notified: DispatchNotice[] }> {
    const departmentIds = [...new Set(dispatched.flatMap((t) => [t.leadDepartmentId, ...t.coDepartmentIds]).filter((id): id is string => id !== null))];
    if (departmentIds.length === 0) return { outcome: { pushes: [], deliveryIds: [] }, notified: [] };
    const recipients: Recipient[] = await m.query(
      `SELECT u.id, u.display_name AS "displayName", d.id AS "departmentId", d.code AS "departmentCode", d.name AS "departmentName"
         FROM app_user u JOIN department d ON d.id = u.department_id
        WHERE u.department_id = ANY($1::uuid[]) AND u.active AND u.roles && ARRAY['dept_liaison', 'dept_head']::text[]
        ORDER BY u.username`,
      [departmentIds],
    );
    const inDepartment = (id: string) => recipients.filter((r) => r.departmentId === id);
    const inputs: NotifyInput[] = [];
    const notices = new Map<string, DispatchNotice>();
    const note = (departmentId: string, role: 'lead' | 'co', fallback: Recipient[]) => {
      const key = `${role}:${departmentId}`;
      const first = fallback[0];
      let n = notices.get(key);
      if (!n && first) {
        n = { department: { id: departmentId, code: first.departmentCode, name: first.departmentName }, role, tasks: 0, users: fallback.map((r) => r.displayName) };
        notices.set(key, n);
      }
      if (n) n.tasks++;
    };
    for (const t of dispatched) {
      if (t.leadDepartmentId) {
        const users = inDepartment(t.leadDepartmentId);
        inputs.push({
          userIds: users.map((u) => u.id),
          kind: 'task_assigned',
          title: `交办：${t.code} ${t.title}`.slice(0, 200),
          body: `办公室已将任务“${t.title}”交办给本单位牵头办理${t.dueDate ? `，完成时限 ${t.dueDate}` : ''}，请及时签收。`,
          link: `/tasks/${t.id}`,
          subjectType: 'task',
          subjectId: t.id,
        });
        note(t.leadDepartmentId, 'lead', users);
      }
      for (const co of t.coDepartmentIds) {
        const users = inDepartment(co);
        inputs.push({
          userIds: users.map((u) => u.id),
          kind: 'task_co_assigned',
          title: `协办：${t.code} ${t.title}`.slice(0, 200),
          body: `办公室已交办任务“${t.title}”，本单位为配合单位，请配合牵头单位办理。`,
          link: `/tasks/${t.id}`,
          subjectType: 'task',
          subjectId: t.id,
        });
        note(co, 'co', users);
      }
    }
    const outcome = await this.notifications.notifyMany(m, inputs);
    const notified = [...notices.values()].sort((a, b) => (a.role === b.role ? a.department.code.localeCompare(b.department.code) : a.role === 'lead' ? -1 : 1));
    return { outcome, notified };
  }
}
