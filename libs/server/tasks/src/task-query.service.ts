import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  type TaskDetailResponse,
  type TaskEventResponse,
  type TaskHealthColor,
  type TaskInstructionResponse,
  type TaskPageResponse,
  type TaskReportingPeriodResponse,
  type TaskResponse,
} from '@luoshi/contracts';
import { type IsoDate, listReportingPeriods, type WorkingDayCalendar } from '@luoshi/domain/calendar';
import { CalendarService } from '@luoshi/server/calendar';
import { DEPARTMENTS_READ_MODEL, USER_NAMES_READ_MODEL, UserDirectory } from '@luoshi/server/identity';
import { measureAncestryJoins, PART_CODE, PART_TITLE, PLANS_READ_MODEL, SECTION_CODE, SECTION_TITLE } from '@luoshi/server/plans';
import {
  type AuthUser,
  cappedCountSql,
  cappedTotal,
  COUNT_CAP,
  decodeCursor,
  keysetAfter,
  keysetColumns,
  keysetOrderBy,
  MAX_OFFSET_ROWS,
  nextCursorOf,
  SqlParams,
} from '@luoshi/server/platform';
import { allowedTaskActions, assertCanSee } from './task-access';
import { TaskErrorCode, TaskException } from './task.exception';
import { type HealthContext, healthContext, healthSql, HEALTH_PROGRESS_MARGIN_PERCENT, remainingWorkingDays, taskHealth } from './task-health';
import { TASK_SORT_KEYS, type TaskListFilter, taskListWhere } from './task-list-sql';
import { TASK_ROW_COLUMNS, type TaskRow } from './task-row';
import { INSTRUCTION_COLUMNS, type InstructionRow, instructionUserIds, toInstructionResponse } from './instruction-row';

export type { TaskListFilter } from './task-list-sql';


export interface TaskListRow extends TaskRow {
  measureCode: string;
  measureTitle: string;
  measureOrder: number;
  partCode: string | null;
  sectionCode: string | null;
  partTitle: string | null;
  sectionTitle: string | null;
  planCode: string;
  planTitle: string;
  leadCode: string | null;
  leadName: string | null;
  coDepartments: { id: string; code: string; name: string }[];
  ownerName: string | null;
  lastReportAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  health: TaskHealthColor;
}

export const MAX_PAGE_SIZE = 100;
/** Reporting periods listed on a task without a due date: this many years ahead. */
const LONG_TERM_PERIOD_YEARS = 1;

/** Read side: the task list (one query, with its total), the detail, the timeline. */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendarService: CalendarService,
    private readonly users: UserDirectory,
  ) {}

  async healthContext(): Promise<HealthContext> {
    return healthContext(await this.calendarService.calendar(), this.calendarService.today());
  }

  /**
   * One page: its ids from an index in the sort order (OFFSET for the first pages, the `after`
   * cursor beyond), then only those rows joined to their plan and department data; the total is a
   * count capped at COUNT_CAP, run beside the page (`totalExact: false` above the cap).
   */
  async list(filter: TaskListFilter, user: AuthUser): Promise<TaskPageResponse> {
    const ctx = await this.healthContext();
    const page = filter.page ?? 1;
    const pageSize = Math.min(filter.pageSize ?? 20, MAX_PAGE_SIZE);
    const offset = filter.after ? 0 : (page - 1) * pageSize;
    if (offset > MAX_OFFSET_ROWS) throw TaskException.pageTooDeep(MAX_OFFSET_ROWS);
    const [list, counted] = await Promise.all([
      this.listSql(filter, user, ctx, { limit: pageSize + 1, offset }),
      this.countSql(filter, user, ctx),
    ]);
    const [rows, [{ n }]] = await Promise.all([
      this.dataSource.query(list.sql, list.params) as Promise<(TaskListRow & Record<string, unknown>)[]>,
      this.dataSource.query(counted.sql, counted.params) as Promise<{ n: number }[]>,
    ]);
    const more = rows.length > pageSize;
    const items = rows.slice(0, pageSize);
    const sort = filter.sort ?? 'code';
    return {
      items: items.map((r) => this.toResponse(r, ctx)),
      ...cappedTotal(n),
      page,
      pageSize,
      nextCursor: nextCursorOf(sort, TASK_SORT_KEYS[sort], items[items.length - 1], more),
    };
  }

  /** Every matching task (the ledger export), in the list's order; at most `limit`. */
  async all(filter: TaskListFilter, user: AuthUser, limit: number): Promise<TaskResponse[]> {
    const ctx = await this.healthContext();
    const { sql, params } = await this.listSql(filter, user, ctx, { limit, offset: 0 });
    const rows: TaskListRow[] = await this.dataSource.query(sql, params);
    return rows.map((r) => this.toResponse(r, ctx));
  }

  async detail(id: string, user: AuthUser): Promise<TaskDetailResponse> {
    const ctx = await this.healthContext();
    const { sql, params } = await this.listSql({ id }, user, ctx, { limit: 1, offset: 0 });
    const [row] = (await this.dataSource.query(sql, params)) as TaskListRow[];
    if (!row) throw TaskException.notFound(id);
    assertCanSee(user, row);
    const [events, instructions] = await Promise.all([this.events(id), this.instructions(id)]);
    const openInstructions = instructions.filter((i) => i.answer === null).length;
    return {
      ...this.toResponse(row, ctx),
      body: row.body,
      measureTitle: row.measureTitle,
      allowedActions: allowedTaskActions(user, row, openInstructions),
      reportingPeriods: this.reportingPeriods(row, ctx.calendar),
      events,
      instructions,
    };
  }

  /**
   * The list query, exposed so the export and the EXPLAIN test run exactly what the list runs.
   * Inner query over `task t` alone: every filter and the sort key are task columns (indexes:
   * AddTaskListKeys' sort-key btrees, GIN on search_grams and co_department_ids), so the page's
   * ids come from an index without reading every match. Outer query: only those rows, joined.
   * Rows carry k0…kn, the sort key as text, for the next cursor.
   */
  async listSql(
    filter: TaskListFilter,
    user: Pick<AuthUser, 'id' | 'roles' | 'departmentId'>,
    ctx: HealthContext,
    page: { limit: number | null; offset: number },
  ): Promise<{ sql: string; params: unknown[] }> {
    const { values: params, p } = new SqlParams();
    const where = await taskListWhere(filter, user, ctx, p, (code, field) => this.departmentId(code, field));
    const sortName = filter.sort ?? 'code';
    const sort = TASK_SORT_KEYS[sortName];
    if (filter.after) {
      const values = decodeCursor(filter.after, sortName, sort.keys.length);
      if (!values) throw TaskException.badCursor();
      where.push(keysetAfter(sort, values, p));
    }
    const health = healthSql({ today: p(ctx.today), amberBefore: p(ctx.amberBefore), margin: p(HEALTH_PROGRESS_MARGIN_PERCENT) });
    const order = keysetOrderBy(sort);
    const sql = `
      SELECT ${TASK_ROW_COLUMNS},
             t.last_report_at AS "lastReportAt", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
             m.code AS "measureCode", m.title AS "measureTitle", m.sort_order AS "measureOrder",
             ${PART_CODE} AS "partCode",
             ${SECTION_CODE} AS "sectionCode",
             ${PART_TITLE} AS "partTitle",
             ${SECTION_TITLE} AS "sectionTitle",
             pl.code AS "planCode", pl.title AS "planTitle",
             ld.code AS "leadCode", ld.name AS "leadName",
             (SELECT coalesce(json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name)
                                       ORDER BY array_position(t.co_department_ids, d.id)), '[]'::json)
                FROM ${DEPARTMENTS_READ_MODEL} d WHERE d.id = ANY(t.co_department_ids)) AS "coDepartments",
             ou.display_name AS "ownerName",
             ${health} AS health,
             ${keysetColumns(sort)}
        FROM (SELECT t.id FROM task t
               ${where.length ? `WHERE ${where.join('\n                 AND ')}` : ''}
               ORDER BY ${order}
               ${page.limit === null ? '' : `LIMIT ${p(page.limit)}`} ${page.offset > 0 ? `OFFSET ${p(page.offset)}` : ''}) page
        JOIN task t ON t.id = page.id
        JOIN ${PLANS_READ_MODEL} pl ON pl.id = t.plan_id
        ${measureAncestryJoins('t.measure_node_id')}
        LEFT JOIN ${DEPARTMENTS_READ_MODEL} ld ON ld.id = t.lead_department_id
        LEFT JOIN ${USER_NAMES_READ_MODEL} ou ON ou.id = t.owner_user_id
       ORDER BY ${order}`;
    return { sql, params };
  }

  /** The list's total, counted up to COUNT_CAP + 1 matching tasks (an index-only count for most filters). */
  async countSql(
    filter: TaskListFilter,
    user: Pick<AuthUser, 'id' | 'roles' | 'departmentId'>,
    ctx: HealthContext,
  ): Promise<{ sql: string; params: unknown[] }> {
    const { values: params, p } = new SqlParams();
    const where = await taskListWhere({ ...filter, after: undefined }, user, ctx, p, (code, field) => this.departmentId(code, field));
    const rows = `SELECT 1 FROM task t ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    return { sql: cappedCountSql(rows, p(COUNT_CAP + 1)), params };
  }

  private async departmentId(code: string, field: string): Promise<string> {
    const d = await this.users.departmentByCode(this.dataSource, code);
    if (!d) throw TaskException.unknownDepartmentIn(TaskErrorCode.UNKNOWN_DEPARTMENT, field, code);
    return d.id;
  }

  toResponse(r: TaskListRow, ctx: HealthContext): TaskResponse {
    const h = taskHealth(r, ctx);
    return {
      id: r.id,
      planId: r.planId,
      planCode: r.planCode,
      planTitle: r.planTitle,
      code: r.code,
      measureNodeId: r.measureNodeId,
      measureCode: r.measureCode,
      partCode: r.partCode,
      sectionCode: r.sectionCode,
      partTitle: r.partTitle,
      sectionTitle: r.sectionTitle,
      title: r.title,
      leadDepartment: r.leadDepartmentId ? { id: r.leadDepartmentId, code: r.leadCode ?? '', name: r.leadName ?? '' } : null,
      coDepartments: r.coDepartments,
      owner: r.ownerUserId ? { id: r.ownerUserId, displayName: r.ownerName ?? '' } : null,
      startDate: r.startDate,
      dueDate: r.dueDate,
      deadlineText: r.deadlineText,
      deadlineProvisional: r.dueDate !== null && !ctx.calendar.isYearConfirmed(Number(r.dueDate.slice(0, 4))),
      remainingWorkingDays: remainingWorkingDays(r, ctx),
      reportingCycle: r.reportingCycle,
      status: r.status,
      progress: r.progress,
      lastReportAt: r.lastReportAt ? new Date(r.lastReportAt).toISOString() : null,
      lastReportLate: r.lastReportLate,
      returnedReason: r.returnedReason,
      health: h.health,
      healthReasons: h.reasons,
      version: r.version,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }

  async events(taskId: string): Promise<TaskEventResponse[]> {
    const rows: (Omit<TaskEventResponse, 'at'> & { at: Date })[] = await this.dataSource.query(
      `SELECT id::text AS id, at, actor_id AS "actorId", actor_name AS "actorName", kind, body, data
         FROM task_event WHERE task_id = $1 ORDER BY at, id`,
      [taskId],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }

  async instructions(taskId: string): Promise<TaskInstructionResponse[]> {
    const rows: InstructionRow[] = await this.dataSource.query(
      `SELECT ${INSTRUCTION_COLUMNS}
         FROM task_instruction i
        WHERE i.task_id = $1 ORDER BY i.created_at, i.id`,
      [taskId],
    );
    const names = await this.users.displayNames(this.dataSource, instructionUserIds(rows));
    return rows.map((r) => toInstructionResponse(r, names));
  }

  /** When each progress report is due, on the working-day calendar (国庆, 春节 and 调休 counted). */
  reportingPeriods(task: Pick<TaskRow, 'reportingCycle' | 'startDate' | 'dueDate'>, calendar: WorkingDayCalendar): TaskReportingPeriodResponse[] {
    if (task.reportingCycle === 'none' || task.startDate === null) return [];
    const end: IsoDate = task.dueDate ?? `${Number(task.startDate.slice(0, 4)) + LONG_TERM_PERIOD_YEARS}-12-31`;
    if (end < task.startDate) return [];
    return listReportingPeriods(task.reportingCycle, task.startDate, end, calendar).map((period) => ({
      key: period.key,
      label: period.label,
      start: period.start,
      end: period.end,
      dueDate: period.dueDate,
    }));
  }
}
