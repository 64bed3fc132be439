import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { TaskEventKind } from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { CalendarService } from '@luoshi/server/calendar';
import { UserDirectory } from '@luoshi/server/identity';
import { type RequestActor, UnitOfWork } from '@luoshi/server/platform';
import { NotificationsService, type NotifyInput } from '@luoshi/server/notifications';
import { type ReminderChanges, ReminderPlanner } from '@luoshi/server/reminders';
import { DepartmentDirectory, type DirectoryDepartment } from './department-directory';
import type { AssignmentContext } from './resolve-assignment';
import { TaskException } from './task.exception';
import { taskNotices } from './task-notices';
import { TASK_ROW_COLUMNS, type TaskRow, type TaskWrite, WRITABLE_COLUMNS } from './task-row';
import { nextTaskState, type TaskTransition } from './task-transition';

/** Written fields that can make a task write a notice (task-notices.ts). */
const NOTICE_FIELDS = ['status', 'dueDate', 'leadDepartmentId', 'coDepartmentIds'] as const;

/** The fields an audit record keeps of a task, before and after a change. */
function snapshot(t: TaskRow): Record<string, unknown> {
  return {
    code: t.code,
    title: t.title,
    status: t.status,
    leadDepartmentId: t.leadDepartmentId,
    coDepartmentIds: t.coDepartmentIds,
    ownerUserId: t.ownerUserId,
    startDate: t.startDate,
    dueDate: t.dueDate,
    deadlineText: t.deadlineText,
    reportingCycle: t.reportingCycle,
    returnedReason: t.returnedReason,
    version: t.version,
  };
}

/** A special action plan's drafting task, as TaskStore.insertDraftingTask writes it. */
export interface DraftingTask {
  planId: string;
  measureNodeId: string;
  code: string;
  title: string;
  body: string;
  leadDepartmentId: string;
  coDepartmentIds: string[];
  startDate: string;
  dueDate: string | null;
  deadlineText: string | null;
}

/**
 * The write side shared by every task use case: read (and lock) a task, apply a version-checked
 * UPDATE, and write the timeline event and the audit record in the caller's transaction.
 */
@Injectable()
export class TaskStore {
  /** Tasks written in each open unit of work, re-planned together before it commits. */
  private readonly touchedTasks = new WeakMap<EntityManager, Set<string>>();
  /** Notices implied by the task writes of each open unit of work, written together before it commits. */
  private readonly pendingNotices = new WeakMap<EntityManager, NotifyInput[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly reminders: ReminderPlanner,
    private readonly notifications: NotificationsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserDirectory,
  ) {}

  /**
   * In a UnitOfWork, task writes hang their follow-up on its commit: before it, the reminder rows of
   * every task written are re-planned and the notices the changes imply (交办, 配合, deadline moved,
   * 退办 — task-notices.ts) are written, set-based; after it, reminder jobs, live pushes and
   * deliveries go out. Outside one, both happen at once and the reconcilers enqueue.
   */
  private touch(m: EntityManager, ids: readonly string[], notices: NotifyInput[]): boolean {
    const open = this.unitOfWork.beforeCommit(m, 'tasks.follow-up', async () => {
      const touched = [...(this.touchedTasks.get(m) ?? [])];
      const pending = this.pendingNotices.get(m) ?? [];
      this.touchedTasks.delete(m);
      this.pendingNotices.delete(m);
      // Deadline, status or lead department may have changed: the reminders follow, set-based, in this transaction.
      const changes: ReminderChanges = await this.reminders.replanTasks(m, touched);
      this.unitOfWork.afterCommit(m, () => this.reminders.applyToQueue(changes));
      await this.notifications.notifyMany(m, pending);
    });
    if (!open) return false;
    const touched = this.touchedTasks.get(m) ?? new Set<string>();
    for (const id of ids) touched.add(id);
    this.touchedTasks.set(m, touched);
    this.pendingNotices.set(m, [...(this.pendingNotices.get(m) ?? []), ...notices]);
    return true;
  }

  async find(m: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<TaskRow> {
    const [row] = await m.query(`SELECT ${TASK_ROW_COLUMNS} FROM task t WHERE t.id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw TaskException.notFound(id);
    return row as TaskRow;
  }

  /**
   * `UPDATE task SET … , version = version + 1 WHERE id = $1 AND version = $2`. Of concurrent
   * writers holding the same version exactly one succeeds; the others get 409 TASK_STALE_VERSION.
   */
  async update(m: EntityManager, id: string, expectedVersion: number, write: TaskWrite): Promise<TaskRow> {
    // Only writes that can imply a notice pay for reading the row first.
    const noticeable = NOTICE_FIELDS.some((f) => write[f] !== undefined);
    const [before] = noticeable ? ((await m.query(`SELECT ${TASK_ROW_COLUMNS} FROM task t WHERE t.id = $1`, [id])) as TaskRow[]) : [];
    const sets: string[] = [];
    const params: unknown[] = [id, expectedVersion];
    for (const [key, value] of Object.entries(write)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${WRITABLE_COLUMNS[key as keyof typeof WRITABLE_COLUMNS]} = $${params.length}`);
    }
    const [rows] = (await m.query(
      `UPDATE task t SET ${[...sets, 'version = t.version + 1', 'updated_at = now()'].join(', ')}
        WHERE t.id = $1 AND t.version = $2
        RETURNING ${TASK_ROW_COLUMNS}`,
      params,
    )) as [TaskRow[], number];
    if (rows[0]) {
      const notices = before ? taskNotices(before, rows[0]) : [];
      if (!this.touch(m, [id], notices)) {
        // Outside a unit of work: re-plan and store the notices now; the reconcilers enqueue their jobs.
        await this.reminders.replanTask(m, id);
        if (notices.length > 0) await this.notifications.notifyMany(m, notices);
      }
      return rows[0];
    }
    const [current] = await m.query(`SELECT version FROM task WHERE id = $1`, [id]);
    if (!current) throw TaskException.notFound(id);
    throw TaskException.staleVersion(current.version, expectedVersion);
  }

  /** How many special-action-plan drafting tasks the plan has (their codes are SAP-1, SAP-2 …). */
  async draftingTaskCount(m: EntityManager, planId: string): Promise<number> {
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND kind = 'special_action_plan'`, [planId]);
    return n as number;
  }

  /**
   * Inserts a special action plan's drafting task, assigned at once and without progress reports;
   * the caller writes its events and plans its reminders (planReminders). Returns its id.
   */
  async insertDraftingTask(m: EntityManager, t: DraftingTask): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO task (plan_id, measure_node_id, code, title, body, lead_department_id, co_department_ids, start_date,
                         due_date, deadline_text, reporting_cycle, status, kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'none', 'assigned', 'special_action_plan') RETURNING id`,
      [t.planId, t.measureNodeId, t.code, t.title, t.body, t.leadDepartmentId, t.coDepartmentIds, t.startDate, t.dueDate, t.deadlineText],
    );
    return row.id as string;
  }

  /**
   * Tasks written by an INSERT rather than `update` (with a deadline and a running state): their
   * reminders are planned with the transaction's other tasks, or at once outside a unit of work.
   */
  async planReminders(m: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length > 0 && !this.touch(m, ids, [])) await this.reminders.replanTasks(m, [...ids]);
  }

  async event(
    m: EntityManager,
    taskId: string,
    actor: RequestActor,
    kind: TaskEventKind,
    body: string | null = null,
    data: Record<string, unknown> = {},
  ): Promise<string> {
    const [row] = await m.query(
      `INSERT INTO task_event (task_id, actor_id, actor_name, kind, body, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text AS id`,
      [
        taskId,
        actor.user?.id ?? null,
        actor.user?.displayName ?? null,
        kind,
        body,
        data,
      ],
    );
    return row.id as string;
  }

  async record(m: EntityManager, actor: RequestActor, action: string, before: TaskRow | null, after: TaskRow | null, extra?: Record<string, unknown>) {
    await this.audit.record(m, actor, {
      action,
      subjectType: 'task',
      subjectId: (after ?? before)?.id ?? null,
      before: before ? snapshot(before) : null,
      after: after ? { ...snapshot(after), ...extra } : (extra ?? null),
    });
  }

  /**
   * Fires `t.event` on a task the caller has read (and locked) in `m`: the version-checked write of
   * the new state, its timeline entry (with `from`/`to`) and its audit record.
   */
  async transition(m: EntityManager, task: TaskRow, actor: RequestActor, t: TaskTransition): Promise<TaskRow> {
    const next = nextTaskState(task, t.event);
    const write: TaskWrite = { status: next.state, ...(next.resumeTo ? { resumeTo: next.resumeTo } : {}), ...t.extra };
    const after = await this.update(m, task.id, task.version, write);
    await this.event(m, task.id, actor, t.eventKind, t.body ?? null, { from: task.status, to: after.status, ...t.eventData });
    await this.record(m, actor, t.audit, task, after, t.auditData);
    return after;
  }

  async directory(m: EntityManager): Promise<DepartmentDirectory> {
    const rows: DirectoryDepartment[] = (await this.users.allDepartments(m)).map(({ id, code, name, shortName, kind, aliases }) => ({ id, code, name, shortName, kind, aliases }));
    return new DepartmentDirectory(rows);
  }

  async assignmentContext(m: EntityManager, ownerIds: (string | null | undefined)[]): Promise<AssignmentContext> {
    const owners = new Map<string, { departmentId: string | null; active: boolean }>();
    for (const [id, user] of await this.users.profiles(m, ownerIds)) owners.set(id, { departmentId: user.departmentId, active: user.active });
    return {
      directory: await this.directory(m),
      calendar: await this.calendar.calendar(),
      today: this.calendar.today(),
      owners,
    };
  }
}
