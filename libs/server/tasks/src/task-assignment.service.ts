import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BulkAssignResponse, DispatchNotice, TaskResponse } from '@luoshi/contracts';
import { type RequestActor, type SignedInActor, UnitOfWork } from '@luoshi/server/platform';
import { type AssignmentContext, type AssignmentInput, resolveAssignment, type ResolvedAssignment } from './resolve-assignment';
import { TaskDispatchAudience } from './task-dispatch-audience';
import { TaskErrorCode, TaskException, type TaskFieldProblem } from './task.exception';
import { TaskQueryService } from './task-query.service';
import type { TaskRow } from './task-row';
import { TaskStore } from './task-store';
import type { BulkAssignItemDto, UpdateTaskDto } from './tasks.dto';

/** Lists the changed fields as {field: {from, to}} for the timeline. */
function changesOf(before: TaskRow, resolved: ResolvedAssignment): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(resolved.write)) {
    if (key === 'returnedAt' || key === 'returnedReason') continue;
    changes[key] = { from: before[key as keyof TaskRow] ?? null, to: to ?? null };
  }
  return changes;
}

/**
 * The office assigns tasks: lead and co-departments, owner, dates or a deadline phrase, reporting
 * cycle. Saving keeps a draft a draft; 交办 (`dispatch`) makes it assigned and tells its departments.
 */
@Injectable()
export class TaskAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: TaskStore,
    private readonly query: TaskQueryService,
    private readonly audience: TaskDispatchAudience,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** PATCH /api/tasks/:id — version-checked; with `dispatch` a draft with a lead department is 交办. */
  async update(id: string, dto: UpdateTaskDto, actor: SignedInActor): Promise<TaskResponse> {
    const { version, ...input } = dto;
    // The 交办 notices follow from the change itself (TaskStore, notification matrix).
    await this.unitOfWork.run(async (m) => {
      const task = await this.store.find(m, id);
      if (task.version !== version) throw TaskException.staleVersion(task.version, version);
      const ctx = await this.store.assignmentContext(m, [input.ownerUserId]);
      const resolved = resolveAssignment(task, input, ctx);
      if (resolved.problems.length > 0) throw TaskException.fromProblem(resolved.problems[0]);
      await this.apply(m, task, version, resolved, actor);
    });
    return (await this.query.all({ id }, actor.user, 1))[0];
  }

  /** POST /api/tasks/bulk-assign — every item or none, in one transaction; `dispatch` 交办 the drafts among them. */
  async bulkAssign(items: BulkAssignItemDto[], dispatch: boolean, actor: SignedInActor): Promise<BulkAssignResponse> {
    const ids = items.map((i) => i.taskId);
    const { notified, dispatched } = await this.unitOfWork.run(async (m) => {
      const ctx = await this.store.assignmentContext(m, []);
      const problems: (TaskFieldProblem & { index: number })[] = [];
      const planned: { task: TaskRow; version: number; resolved: ResolvedAssignment; index: number }[] = [];
      const seen = new Map<string, number>();
      for (const [index, item] of items.entries()) {
        const { taskId, version, ...input } = item;
        const earlier = seen.get(taskId);
        if (earlier !== undefined) {
          problems.push({ ...duplicate(earlier), index });
          continue;
        }
        seen.set(taskId, index);
        const task = await this.findOrNull(m, taskId);
        if (!task) {
          problems.push({ ...missing(taskId), index });
          continue;
        }
        const resolved = resolveAssignment(task, { ...input, dispatch }, ctx);
        problems.push(...resolved.problems.map((p) => ({ ...p, index })));
        planned.push({ task, version, resolved, index });
      }
      if (problems.length > 0) throw TaskException.bulkInvalid(problems);
      const assigned: TaskRow[] = [];
      for (const { task, version, resolved, index } of planned) {
        try {
          const after = await this.apply(m, task, version, resolved, actor);
          if (resolved.assigns) assigned.push(after);
        } catch (error) {
          if (error instanceof TaskException && error.code === TaskErrorCode.STALE_VERSION) {
            throw TaskException.bulkStale(index, (error.details as { currentVersion: number }).currentVersion);
          }
          throw error;
        }
      }
      const notified: DispatchNotice[] = assigned.length > 0 ? await this.audience.whoIsTold(m, assigned) : [];
      return { notified, dispatched: assigned.length };
    });
    const byId = new Map((await this.query.all({ ids }, actor.user, ids.length)).map((t) => [t.id, t]));
    return { items: ids.map((id) => byId.get(id)).filter((t): t is TaskResponse => t !== undefined), dispatched, notified };
  }

  /**
   * Resolves and writes one assignment inside the caller's transaction (also used by the
   * spreadsheet import). Returns the problems instead of writing when there are any.
   */
  async assignWithin(
    m: EntityManager,
    task: TaskRow,
    input: AssignmentInput,
    ctx: AssignmentContext,
    actor: RequestActor,
  ): Promise<TaskFieldProblem[]> {
    const resolved = resolveAssignment(task, input, ctx);
    if (resolved.problems.length > 0) return resolved.problems;
    await this.apply(m, task, task.version, resolved, actor);
    return [];
  }

  private async apply(m: EntityManager, task: TaskRow, version: number, resolved: ResolvedAssignment, actor: RequestActor): Promise<TaskRow> {
    if (Object.keys(resolved.write).length === 0) {
      // Nothing to change still proves the caller held the current version. The locking read
      // waits for a concurrent writer to commit, so a no-op cannot pass on a stale snapshot.
      const [current] = await m.query(`SELECT version FROM task WHERE id = $1 FOR UPDATE`, [task.id]);
      if (current.version !== version) throw TaskException.staleVersion(current.version, version);
      return task;
    }
    const after = await this.store.update(m, task.id, version, resolved.write);
    const changes = changesOf(task, resolved);
    if (resolved.assigns) {
      await this.store.event(m, task.id, actor, 'assigned', null, { changes });
      await this.store.record(m, actor, 'task.assign', task, after);
    } else {
      await this.store.event(m, task.id, actor, 'updated', null, { changes });
      await this.store.record(m, actor, 'task.update', task, after);
    }
    return after;
  }

  private async findOrNull(m: EntityManager, id: string): Promise<TaskRow | null> {
    try {
      return await this.store.find(m, id);
    } catch (error) {
      if (error instanceof TaskException && error.status === 404) return null;
      throw error;
    }
  }
}

function missing(taskId: string): TaskFieldProblem {
  return {
    status: 400,
    code: TaskErrorCode.NOT_FOUND,
    field: 'taskId',
    message: `taskId: 任务不存在：${taskId}`,
    messageEn: `taskId: task not found: ${taskId}`,
  };
}

function duplicate(earlier: number): TaskFieldProblem {
  return {
    status: 400,
    code: TaskErrorCode.BULK_INVALID,
    field: 'taskId',
    message: `taskId: 与第${earlier + 1}项重复`,
    messageEn: `taskId: same task as items[${earlier}]`,
  };
}
