import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalStepTemplate, ApproverRule } from '@luoshi/domain/workflow';
import { UserDirectory } from '@luoshi/server/identity';
import type { ApprovalContext } from './approval-store';

/**
 * Turns a template's approver rules into active users, against the subject's departments. Users come
 * in username order so a step's lanes are stable.
 */
@Injectable()
export class ApproverResolver {
  constructor(private readonly users: UserDirectory) {}

  async resolve(m: EntityManager, rule: ApproverRule, ctx: ApprovalContext): Promise<string[]> {
    switch (rule.kind) {
      case 'role':
        return rule.scope === 'subject_lead_department'
          ? this.withRole(m, [rule.role], ctx.leadDepartmentId ? [ctx.leadDepartmentId] : [])
          : this.withRole(m, [rule.role], null);
      case 'lead_department_head':
        return this.withRole(m, ['dept_head'], ctx.leadDepartmentId ? [ctx.leadDepartmentId] : []);
      case 'drafting_department_head':
        return this.withRole(m, ['dept_head'], ctx.draftingDepartmentId ? [ctx.draftingDepartmentId] : []);
      case 'co_departments':
        return this.withRole(m, ['dept_head'], ctx.coDepartmentIds);
      case 'office':
        return this.withRole(m, ['office_reviewer', 'office_admin'], null);
      case 'users': {
        const active = await this.users.activeAmong(m, rule.userIds);
        return rule.userIds.filter((id) => active.has(id));
      }
    }
  }

  async resolveAll(m: EntityManager, rules: readonly ApproverRule[], ctx: ApprovalContext): Promise<string[]> {
    const ids: string[] = [];
    for (const rule of rules) for (const id of await this.resolve(m, rule, ctx)) if (!ids.includes(id)) ids.push(id);
    return ids;
  }

  /**
   * Everyone who may decide a step as its template says: its approver rules (role and department
   * against the subject) plus whoever its timeout escalates to. Transfer, add-signer and delegated
   * decisions are only allowed to these users.
   */
  async mayDecide(m: EntityManager, step: Pick<ApprovalStepTemplate, 'approvers' | 'onTimeout'>, ctx: ApprovalContext): Promise<Set<string>> {
    const rules = step.onTimeout?.escalateTo ? [...step.approvers, step.onTimeout.escalateTo] : step.approvers;
    return new Set(await this.resolveAll(m, rules, ctx));
  }

  /** Active users holding one of `roles`, in these departments (null = anywhere). */
  private withRole(m: EntityManager, roles: string[], departmentIds: string[] | null): Promise<string[]> {
    return this.users.usersOf(m, departmentIds, roles);
  }
}
