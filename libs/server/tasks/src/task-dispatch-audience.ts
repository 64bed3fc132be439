import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, type DispatchNotice } from '@luoshi/contracts';
import { UserDirectory } from '@luoshi/server/identity';
import type { TaskRow } from './task-row';

interface Recipient {
  id: string;
  displayName: string;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
}

/**
 * Who a 交办 tells, per department and role (lead / co), as the dispatch answer and the web's
 * toast list them: the liaisons and heads of each department. The notices themselves are written by
 * TaskStore from the task's change (task-notices.ts, notification matrix rows task_assigned and
 * task_co_assigned), to the same audience.
 */
@Injectable()
export class TaskDispatchAudience {
  constructor(private readonly users: UserDirectory) {}

  async whoIsTold(m: EntityManager, dispatched: readonly TaskRow[]): Promise<DispatchNotice[]> {
    const departmentIds = [...new Set(dispatched.flatMap((t) => [t.leadDepartmentId, ...t.coDepartmentIds]).filter((id): id is string => id !== null))];
    if (departmentIds.length === 0) return [];
    const [members, departments] = await Promise.all([
      this.users.members(m, departmentIds, DEPARTMENT_ROLES),
      this.users.departments(m, departmentIds),
    ]);
    const recipients: Recipient[] = members.flatMap((u) => {
      const d = u.departmentId ? departments.get(u.departmentId) : undefined;
      return d ? [{ id: u.id, displayName: u.displayName, departmentId: d.id, departmentCode: d.code, departmentName: d.name }] : [];
    });
    const inDepartment = (id: string) => recipients.filter((r) => r.departmentId === id);
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
        note(t.leadDepartmentId, 'lead', users);
      }
      for (const co of t.coDepartmentIds) {
        const users = inDepartment(co);
        note(co, 'co', users);
      }
    }
    return [...notices.values()].sort((a, b) => (a.role === b.role ? a.department.code.localeCompare(b.department.code) : a.role === 'lead' ? -1 : 1));
  }
}
