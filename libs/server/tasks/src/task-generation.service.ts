import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { GenerateTasksResponse, TaskResponse } from '@luoshi/contracts';
import { CalendarError, parseDeadlinePhrase } from '@luoshi/domain/calendar';
import { CalendarService } from '@luoshi/server/calendar';
import type { SignedInActor } from '@luoshi/server/platform';
import { liveLeafMeasures, type PlanNodeRefRow, PlanReader } from '@luoshi/server/plans';
import { type DutyForPrefill, prefillFromDuties, type ReadDeadline, type TaskPrefill } from './prefill-from-duties';
import { TaskErrorCode, TaskException, type TaskFieldProblem } from './task.exception';
import { TaskQueryService } from './task-query.service';
import { TaskStore } from './task-store';

/** Tasks from a plan's measures, and splitting one measure's task into several. */
@Injectable()
export class TaskGenerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
    private readonly query: TaskQueryService,
    private readonly calendar: CalendarService,
    private readonly plans: PlanReader,
  ) {}

  /**
   * One draft task per live measure (or sub-measure) that has none yet, titled like the measure
   * (a special action plan's drafting task tied to the same node does not count).
   * A measure with live sub-measures is represented by them, not by a task of its own. Idempotent:
   * a second call creates nothing, and two concurrent calls cannot duplicate (unique plan + code).
   * The plan's duties pre-fill lead, co-departments and 完成时限 (prefillFromDuties); the tasks stay
   * drafts until the office confirms them in the assignment grid.
   */
  async generate(planId: string, actor: SignedInActor): Promise<GenerateTasksResponse> {
    const readDeadline = await this.deadlineReader();
    const { createdIds, existing, prefilled } = await this.dataSource.transaction(async (m) => {
      if (!(await this.plans.lock(m, planId))) throw TaskException.planNotFound(planId);
      const leaves = `FROM ${liveLeafMeasures('$1')} n`;
      const [{ n: existingCount }] = await m.query(
        `SELECT count(*)::int AS n ${leaves} WHERE EXISTS (SELECT 1 FROM task t WHERE t.measure_node_id = n.id AND t.kind = 'measure')`,
        [planId],
      );
      const created: { id: string; nodeId: string }[] = await m.query(
        `INSERT INTO task (plan_id, measure_node_id, code, title, body)
         SELECT n.plan_id, n.id, n.code, n.title, n.body ${leaves}
          WHERE NOT EXISTS (SELECT 1 FROM task t WHERE t.measure_node_id = n.id AND t.kind = 'measure')
          ORDER BY n.sort_order
         ON CONFLICT (plan_id, code) DO NOTHING
         RETURNING id, measure_node_id AS "nodeId"`,
        [planId],
      );
      const ids = created.map((r) => r.id);
      const prefills = await this.prefill(m, planId, created, readDeadline);
      if (ids.length > 0) {
        await m.query(
          `INSERT INTO task_event (task_id, actor_id, actor_name, kind, data)
           SELECT c.id, $2, $3, 'created', jsonb_build_object('planId', $4::uuid) || coalesce(c.prefill, '{}'::jsonb)
             FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, prefill jsonb)`,
          [JSON.stringify(created.map((c) => ({ id: c.id, prefill: prefillEvent(prefills.get(c.id)) }))), actor.user.id, actor.user.displayName, planId],
        );
      }
      await this.store.record(m, actor, 'task.generate', null, null, {
        planId,
        created: ids.length,
        existing: existingCount,
        prefilled: prefills.size,
        taskIds: ids,
      });
      return { createdIds: ids, existing: existingCount as number, prefilled: prefills.size };
    });
    const tasks = createdIds.length > 0 ? await this.query.all({ ids: createdIds }, actor.user, createdIds.length) : [];
    return { created: createdIds.length, existing, prefilled, tasks };
  }

  /** Writes each new draft's lead, co-departments and deadline from the plan's duties, in one statement. */
  private async prefill(
    m: EntityManager,
    planId: string,
    created: readonly { id: string; nodeId: string }[],
    readDeadline: ReadDeadline,
  ): Promise<Map<string, TaskPrefill>> {
    const out = new Map<string, TaskPrefill>();
    if (created.length === 0) return out;
    const duties = await this.plans.generalDuties(m, planId);
    if (duties.length === 0) return out;
    const parentOf = await this.plans.liveParents(m, planId);
    const byNode = new Map<string, DutyForPrefill[]>();
    for (const d of duties) byNode.set(d.nodeId, [...(byNode.get(d.nodeId) ?? []), d]);
    for (const task of created) {
      const prefill = prefillFromDuties(task.nodeId, parentOf, byNode, readDeadline);
      if (prefill) out.set(task.id, prefill);
    }
    if (out.size === 0) return out;
    const rows = [...out].map(([id, p]) => ({ id, lead: p.leadDepartmentId, co: p.coDepartmentIds, text: p.deadlineText, due: p.dueDate }));
    await m.query(
      `UPDATE task t SET lead_department_id = r.lead, co_department_ids = coalesce(r.co, '{}'), deadline_text = r.text, due_date = r.due
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, lead uuid, co uuid[], text text, due date)
        WHERE t.id = r.id`,
      [JSON.stringify(rows)],
    );
    return out;
  }

  /** 完成时限 as the assignment grid reads it: the working-day calendar's date for a dated phrase. */
  private async deadlineReader(): Promise<ReadDeadline> {
    const calendar = await this.calendar.calendar();
    return (text) => {
      try {
        const phrase = parseDeadlinePhrase(text, calendar);
        return { dueDate: phrase.kind === 'date' ? phrase.date : null };
      } catch (error) {
        if (error instanceof CalendarError) return null;
        throw error;
      }
    };
  }

  /**
   * Splits a draft task into several that keep the measure link: the task itself takes the first
   * title, new drafts the others, with codes <measure>-1, <measure>-2 … and the same assignment.
   */
  async split(id: string, titles: string[], version: number | undefined, actor: SignedInActor): Promise<TaskResponse[]> {
    const ids = await this.dataSource.transaction(async (m) => {
      const task = await this.store.find(m, id, { lock: true });
      if (version !== undefined && version !== task.version) throw TaskException.staleVersion(task.version, version);
      if (task.status !== 'draft') throw TaskException.notDraft('拆分', 'split');
      const measure = (await this.plans.nodes(m, [task.measureNodeId])).get(task.measureNodeId);
      const base = (measure as PlanNodeRefRow).code;
      // Serialise splits of one measure, so two of them cannot pick the same suffix.
      await m.query(`SELECT id FROM task WHERE measure_node_id = $1 FOR UPDATE`, [task.measureNodeId]);
      const [{ max }] = await m.query(
        `SELECT coalesce(max(substring(code FROM '-(\\d+)$')::int), 0) AS max FROM task WHERE plan_id = $1 AND code LIKE $2`,
        [task.planId, `${base}-%`],
      );
      let next = Number(max) + 1;
      const clean = titles.map((t) => t.trim());
      if (clean.some((t) => !t)) throw TaskException.fromProblem(emptyTitle());
      const after = await this.store.update(m, id, task.version, {
        title: clean[0],
        ...(task.code === base ? { code: `${base}-${next++}` } : {}),
      });
      const createdIds: string[] = [];
      for (const title of clean.slice(1)) {
        const [row] = await m.query(
          `INSERT INTO task (plan_id, measure_node_id, code, title, body, lead_department_id, co_department_ids, owner_user_id,
                             start_date, due_date, deadline_text, reporting_cycle)
           SELECT plan_id, measure_node_id, $2, $3, body, lead_department_id, co_department_ids, owner_user_id,
                  start_date, due_date, deadline_text, reporting_cycle
             FROM task WHERE id = $1
           RETURNING id`,
          [id, `${base}-${next++}`, title],
        );
        createdIds.push(row.id);
        await this.store.event(m, row.id, actor, 'created', null, { splitFrom: id });
      }
      await this.store.event(m, id, actor, 'split', null, { into: createdIds, titles: clean });
      await this.store.record(m, actor, 'task.split', task, after, { createdTaskIds: createdIds });
      return [id, ...createdIds];
    });
    const byId = new Map((await this.query.all({ ids }, actor.user, ids.length)).map((t) => [t.id, t]));
    return ids.map((i) => byId.get(i)).filter((t): t is TaskResponse => t !== undefined);
  }
}

function prefillEvent(p: TaskPrefill | undefined): Record<string, unknown> | null {
  return p ? { prefilledFromDuties: p.dutyIds, jointLeadDepartmentIds: p.jointLeadIds } : null;
}

function emptyTitle(): TaskFieldProblem {
  return {
    status: 400,
    code: TaskErrorCode.BAD_TITLE,
    field: 'titles',
    message: 'titles: 任务名称不能为空',
    messageEn: 'titles: a title is empty',
  };
}
