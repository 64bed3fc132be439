import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GenerateTasksResponse, TaskResponse } from '@luoshi/contracts';
import type { AuthUser, RequestActor } from '@luoshi/server/platform';
import { TaskErrorCode, TaskException, type TaskFieldProblem } from './task.exception';
import { TaskQueryService } from './task-query.service';
import { TaskStore } from './task-store';

type Actor = RequestActor & { user: AuthUser };

/** Tasks from a plan's measures, and splitting one measure's task into several. */
@Injectable()
export class TaskGenerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
    private readonly query: TaskQueryService,
  ) {}

  /**
   * One draft task per live measure (or sub-measure) that has none yet, titled like the measure
   * (a special action plan's drafting task tied to the same node does not count).
   * A measure with live sub-measures is represented by them, not by a task of its own. Idempotent:
   * a second call creates nothing, and two concurrent calls cannot duplicate (unique plan + code).
   */
  async generate(planId: string, actor: Actor): Promise<GenerateTasksResponse> {
    const { createdIds, existing } = await this.dataSource.transaction(async (m) => {
      const [plan] = await m.query(`SELECT id FROM plan WHERE id = $1 FOR UPDATE`, [planId]);
      if (!plan) throw TaskException.planNotFound(planId);
      const leaves = `
        FROM plan_node n
       WHERE n.plan_id = $1 AND n.retired_in_version IS NULL AND n.kind IN ('measure', 'submeasure')
         AND NOT EXISTS (SELECT 1 FROM plan_node c
                          WHERE c.parent_id = n.id AND c.kind = 'submeasure' AND c.retired_in_version IS NULL)`;
      const [{ n: existingCount }] = await m.query(
        `SELECT count(*)::int AS n ${leaves} AND EXISTS (SELECT 1 FROM task t WHERE t.measure_node_id = n.id AND t.kind = 'measure')`,
        [planId],
      );
      const created: { id: string }[] = await m.query(
        `INSERT INTO task (plan_id, measure_node_id, code, title, body)
         SELECT n.plan_id, n.id, n.code, n.title, n.body ${leaves}
            AND NOT EXISTS (SELECT 1 FROM task t WHERE t.measure_node_id = n.id AND t.kind = 'measure')
          ORDER BY n.sort_order
         ON CONFLICT (plan_id, code) DO NOTHING
         RETURNING id`,
        [planId],
      );
      const ids = created.map((r) => r.id);
      if (ids.length > 0) {
        await m.query(
          `INSERT INTO task_event (task_id, actor_id, actor_name, kind, data)
           SELECT id, $2, $3, 'created', jsonb_build_object('planId', $4::uuid) FROM unnest($1::uuid[]) AS id`,
          [ids, actor.user.id, actor.user.displayName, planId],
        );
      }
      await this.store.record(m, actor, 'task.generate', null, null, { planId, created: ids.length, existing: existingCount, taskIds: ids });
      return { createdIds: ids, existing: existingCount as number };
    });
    const tasks = createdIds.length > 0 ? await this.query.all({ ids: createdIds }, actor.user, createdIds.length) : [];
    return { created: createdIds.length, existing, tasks };
  }

  /**
   * Splits a draft task into several that keep the measure link: the task itself takes the first
   * title, new drafts the others, with codes <measure>-1, <measure>-2 … and the same assignment.
   */
  async split(id: string, titles: string[], version: number | undefined, actor: Actor): Promise<TaskResponse[]> {
    const ids = await this.dataSource.transaction(async (m) => {
      const task = await this.store.find(m, id, { lock: true });
      if (version !== undefined && version !== task.version) throw TaskException.staleVersion(task.version, version);
      if (task.status !== 'draft') throw TaskException.notDraft('拆分', 'split');
      const [measure] = await m.query(`SELECT code FROM plan_node WHERE id = $1`, [task.measureNodeId]);
      const base = measure.code as string;
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

function emptyTitle(): TaskFieldProblem {
  return {
    status: 400,
    code: TaskErrorCode.BAD_TITLE,
    field: 'titles',
    message: 'titles: 任务名称不能为空',
    messageEn: 'titles: a title is empty',
  };
}
