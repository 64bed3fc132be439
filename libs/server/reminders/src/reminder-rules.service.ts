import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ReminderRuleResponse } from '@luoshi/contracts';
import { DEFAULT_REMINDER_RULE, type ReminderRule, validateReminderRule } from '@luoshi/domain/reminder-schedule';
import { AuditService } from '@luoshi/server/audit';
import { DomainException, type RequestActor } from '@luoshi/server/platform';

export type RuleScope = 'global' | 'plan' | 'task';

/** Reminder rules: global, per plan, per task; the most specific one applies. */
@Injectable()
export class ReminderRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The rule that applies to each task: its own, else its plan's, else the global one, else the default. */
  async rulesForTasks(m: EntityManager, tasks: { taskId: string; planId: string | null }[]): Promise<Map<string, ReminderRule>> {
    const rows: { scope: RuleScope; scope_id: string | null; rule: ReminderRule }[] = await m.query(
      `SELECT scope, scope_id, rule FROM reminder_rule
        WHERE scope = 'global' OR (scope = 'task' AND scope_id = ANY($1::uuid[])) OR (scope = 'plan' AND scope_id = ANY($2::uuid[]))`,
      [tasks.map((t) => t.taskId), tasks.map((t) => t.planId).filter((p): p is string => p !== null)],
    );
    const pick = (scope: RuleScope, id: string | null) => rows.find((r) => r.scope === scope && (scope === 'global' || r.scope_id === id))?.rule;
    return new Map(tasks.map((t) => [t.taskId, pick('task', t.taskId) ?? pick('plan', t.planId) ?? pick('global', null) ?? DEFAULT_REMINDER_RULE]));
  }

  async get(scope: RuleScope, scopeId: string | null): Promise<ReminderRuleResponse> {
    const [row] = await this.dataSource.query(`SELECT rule FROM reminder_rule WHERE scope = $1 AND scope_id IS NOT DISTINCT FROM $2`, [scope, scopeId]);
    if (row) return { scope, scopeId, rule: row.rule, inherited: false };
    if (scope !== 'global') {
      const global = await this.get('global', null);
      return { ...global, scope, scopeId, inherited: true };
    }
    return { scope, scopeId, rule: DEFAULT_REMINDER_RULE as ReminderRuleResponse['rule'], inherited: true };
  }

  async put(scope: RuleScope, scopeId: string | null, body: unknown, actor: RequestActor): Promise<ReminderRuleResponse> {
    if ((scope === 'global') !== (scopeId === null)) {
      throw new DomainException(400, 'REMINDER_RULE_SCOPE', '全局规则不带 scopeId，计划/任务规则必须带 scopeId', 'global takes no scopeId; plan and task rules need one');
    }
    const validated = validateReminderRule(body);
    if (!validated.ok) {
      throw new DomainException(400, 'REMINDER_RULE_INVALID', `提醒规则有误：${validated.errors.join('；')}`, `Invalid reminder rule: ${validated.errors.join('; ')}`, validated.errors);
    }
    await this.dataSource.transaction(async (m) => {
      const before = await this.get(scope, scopeId);
      await m.query(
        `INSERT INTO reminder_rule (scope, scope_id, rule) VALUES ($1, $2, $3)
         ON CONFLICT (scope, scope_id) DO UPDATE SET rule = EXCLUDED.rule, updated_at = now()`,
        [scope, scopeId, JSON.stringify(validated.rule)],
      );
      await this.audit.record(m, actor, { action: 'reminder_rule.update', subjectType: `reminder_rule:${scope}`, subjectId: scopeId, before: before.inherited ? null : before.rule, after: validated.rule });
    });
    return { scope, scopeId, rule: validated.rule as ReminderRuleResponse['rule'], inherited: false };
  }
}
