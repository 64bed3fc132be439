import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  TASK_HEALTHS,
  TASK_STATUSES,
  type TaskDetailResponse,
  type TaskEventResponse,
  type TaskHealthColor,
  type TaskInstructionResponse,
  type TaskListQuery,
  type TaskPageResponse,
  type TaskReportingPeriodResponse,
  type TaskResponse,
  type TaskSort,
  type TaskStatus,
} from '@luoshi/contracts';
import { type IsoDate, listReportingPeriods, type WorkingDayCalendar } from '@luoshi/domain/calendar';
import { CalendarService } from '@luoshi/server/calendar';
import { type AuthUser, seesAllDepartments } from '@luoshi/server/platform';
import { containsPattern, parseSearchTerms } from './search-terms';
import { allowedTaskActions, assertCanSee } from './task-access';
import { TaskErrorCode, TaskException } from './task.exception';
import { type HealthContext, healthContext, healthSql, HEALTH_PROGRESS_MARGIN_PERCENT, remainingWorkingDays, taskHealth } from './task-health';
import { TASK_ROW_COLUMNS, type TaskRow } from './task-row';

/** The list query's filter: the public query plus internal selections. */
export interface TaskListFilter extends TaskListQuery {
  /** Internal: one task by id, whatever the scope (the detail view reuses the list query and checks access). */
  id?: string;
  /** Internal: these tasks, whatever the scope (answers of office-only writes). */
  ids?: string[];
}

export interface TaskListRow extends TaskRow {
  measureCode: string;
  measureTitle: string;
  measureOrder: number;
  partCode: string | null;
  sectionCode: string | null;
  leadCode: string | null;
  leadName: string | null;
  coDepartments: { id: string; code: string; name: string }[];
  ownerName: string | null;
  lastReportAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  health: TaskHealthColor;
  total: string;
}

export const MAX_PAGE_SIZE = 100;
/** Reporting periods listed on a task without a due date: this many years ahead. */
const LONG_TERM_PERIOD_YEARS = 1;

const SORTS: Record<TaskSort, string> = {
  dueDate: `x."dueDate" ASC NULLS LAST, x."measureOrder", x.code, x.id`,
  '-dueDate': `x."dueDate" DESC NULLS LAST, x."measureOrder", x.code, x.id`,
  // Plan order: 1.2.1 < 1.10.1, by the measure code's numbers, not its position among siblings.
  code: `x."planId", array_remove(string_to_array(regexp_replace(x."measureCode", '[^0-9.]', '', 'g'), '.'), '')::int[], x.code, x.id`,
  '-updatedAt': `x."updatedAt" DESC, x.id`,
};

function splitList<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T[] | undefined {
  if (!value) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
  if (bad.length > 0) {
    throw TaskException.fromProblem({
      status: 400,
      code: TaskErrorCode.BAD_FILTER,
      field,
      message: `${field}: 未知取值 ${bad.join('、')}（可选 ${allowed.join('、')}）`,
      messageEn: `${field}: unknown value(s) ${bad.join(', ')}`,
    });
  }
  return items as T[];
}

/** Read side: the task list (one query, with its total), the detail, the timeline. */
@Injectable()
export class TaskQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendarService: CalendarService,
  ) {}

  async healthContext(): Promise<HealthContext> {
    return healthContext(await this.calendarService.calendar(), this.calendarService.today());
  }

  async list(filter: TaskListFilter, user: AuthUser): Promise<TaskPageResponse> {
    const ctx = await this.healthContext();
    const page = filter.page ?? 1;
    const pageSize = Math.min(filter.pageSize ?? 20, MAX_PAGE_SIZE);
    const { sql, params } = await this.listSql(filter, user, ctx, { limit: pageSize, offset: (page - 1) * pageSize });
    const rows: TaskListRow[] = await this.dataSource.query(sql, params);
    let total = rows[0] ? Number(rows[0].total) : 0;
    if (rows.length === 0 && page > 1) {
      // Past the last page the window count has no row to ride on; count on its own.
      const counted = await this.listSql(filter, user, ctx, { limit: null, offset: 0 });
      total = Number((await this.dataSource.query(`SELECT count(*) AS n FROM (${counted.sql}) c`, counted.params))[0].n);
    }
    return { items: rows.map((r) => this.toResponse(r, ctx)), total, page, pageSize };
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
   * Filters on the task table come first (they can use its indexes: GIN on search_grams and
   * co_department_ids, btree on lead, status and due date); health, part and section are computed
   * columns filtered one level up, and the window count gives the total in the same query.
   */
  async listSql(
    filter: TaskListFilter,
    user: Pick<AuthUser, 'id' | 'roles' | 'departmentId'>,
    ctx: HealthContext,
    page: { limit: number | null; offset: number },
  ): Promise<{ sql: string; params: unknown[] }> {
    const params: unknown[] = [];
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const outer: string[] = [];

    const office = seesAllDepartments(user);
    const scope = filter.scope ?? (office ? 'all' : 'mine');
    if (scope === 'all' && !office) throw TaskException.scopeForbidden();
    // One task by id: the caller checks visibility and answers 403, not an empty result.
    if (filter.id) {
      where.push(`t.id = ${p(filter.id)}`);
    } else if (filter.ids) {
      where.push(`t.id = ANY(${p(filter.ids)}::uuid[])`);
    } else if (scope === 'mine') {
      const dept = p(user.departmentId);
      where.push(`(t.lead_department_id = ${dept} OR t.co_department_ids @> ARRAY[${dept}]::uuid[] OR t.owner_user_id = ${p(user.id)})`);
    }
    if (filter.planId) where.push(`t.plan_id = ${p(filter.planId)}`);
    if (filter.department) {
      const dept = p(await this.departmentId(filter.department, 'department'));
      where.push(`(t.lead_department_id = ${dept} OR t.co_department_ids @> ARRAY[${dept}]::uuid[])`);
    }
    if (filter.leadDepartment) where.push(`t.lead_department_id = ${p(await this.departmentId(filter.leadDepartment, 'leadDepartment'))}`);
    const statuses = splitList<TaskStatus>(filter.status, TASK_STATUSES, 'status');
    if (statuses) where.push(`t.status = ANY(${p(statuses)}::text[])`);
    if (filter.dueFrom) where.push(`t.due_date >= ${p(filter.dueFrom)}::date`);
    if (filter.dueTo) where.push(`t.due_date <= ${p(filter.dueTo)}::date`);
    const today = p(ctx.today);
    if (filter.overdue) where.push(`t.due_date < ${today}::date AND t.status NOT IN ('completed', 'cancelled')`);
    for (const term of parseSearchTerms(filter.q)) {
      const pattern = p(containsPattern(term));
      where.push(`t.search_grams @> luoshi_search_query_grams(${p(term)}) AND (t.title ILIKE ${pattern} OR t.body ILIKE ${pattern})`);
    }
    const health = healthSql({ today, amberBefore: p(ctx.amberBefore), margin: p(HEALTH_PROGRESS_MARGIN_PERCENT) });
    const healths = splitList<TaskHealthColor>(filter.health, TASK_HEALTHS, 'health');
    if (healths) outer.push(`x.health = ANY(${p(healths)}::text[])`);
    if (filter.partCode) outer.push(`x."partCode" = ${p(filter.partCode)}`);
    if (filter.sectionCode) outer.push(`x."sectionCode" = ${p(filter.sectionCode)}`);

    const sql = `
      SELECT x.*, count(*) OVER () AS total FROM (
        SELECT ${TASK_ROW_COLUMNS},
               t.last_report_at AS "lastReportAt", t.created_at AS "createdAt", t.updated_at AS "updatedAt",
               m.code AS "measureCode", m.title AS "measureTitle", m.sort_order AS "measureOrder",
               CASE WHEN p1.kind = 'part' THEN p1.code WHEN p2.kind = 'part' THEN p2.code WHEN p3.kind = 'part' THEN p3.code END AS "partCode",
               CASE WHEN p1.kind = 'section' THEN p1.code WHEN p2.kind = 'section' THEN p2.code END AS "sectionCode",
               ld.code AS "leadCode", ld.name AS "leadName",
               (SELECT coalesce(json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name)
                                         ORDER BY array_position(t.co_department_ids, d.id)), '[]'::json)
                  FROM department d WHERE d.id = ANY(t.co_department_ids)) AS "coDepartments",
               ou.display_name AS "ownerName",
               ${health} AS health
          FROM task t
          JOIN plan_node m ON m.id = t.measure_node_id
          LEFT JOIN plan_node p1 ON p1.id = m.parent_id
          LEFT JOIN plan_node p2 ON p2.id = p1.parent_id
          LEFT JOIN plan_node p3 ON p3.id = p2.parent_id
          LEFT JOIN department ld ON ld.id = t.lead_department_id
          LEFT JOIN app_user ou ON ou.id = t.owner_user_id
         ${where.length ? `WHERE ${where.join('\n           AND ')}` : ''}
      ) x
      ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
      ORDER BY ${SORTS[filter.sort ?? 'code']}
      ${page.limit === null ? '' : `LIMIT ${p(page.limit)} OFFSET ${p(page.offset)}`}`;
    return { sql, params };
  }

  private async departmentId(code: string, field: string): Promise<string> {
    const [d] = await this.dataSource.query(`SELECT id FROM department WHERE code = $1`, [code]);
    if (!d) {
      throw TaskException.fromProblem({
        status: 400,
        code: TaskErrorCode.UNKNOWN_DEPARTMENT,
        field,
        message: `${field}: 未知部门“${code}”`,
        messageEn: `${field}: unknown department "${code}"`,
      });
    }
    return d.id;
  }

  toResponse(r: TaskListRow, ctx: HealthContext): TaskResponse {
    const h = taskHealth(r, ctx);
    return {
      id: r.id,
      planId: r.planId,
      code: r.code,
      measureNodeId: r.measureNodeId,
      measureCode: r.measureCode,
      partCode: r.partCode,
      sectionCode: r.sectionCode,
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
    const rows: {
      id: string;
      text: string;
      authorId: string;
      authorName: string;
      createdAt: Date;
      answer: string | null;
      answeredBy: string | null;
      answeredByName: string | null;
      answeredAt: Date | null;
    }[] = await this.dataSource.query(
      `SELECT i.id, i.text, i.author_id AS "authorId", a.display_name AS "authorName", i.created_at AS "createdAt",
              i.answer, i.answered_by AS "answeredBy", b.display_name AS "answeredByName", i.answered_at AS "answeredAt"
         FROM task_instruction i
         JOIN app_user a ON a.id = i.author_id
         LEFT JOIN app_user b ON b.id = i.answered_by
        WHERE i.task_id = $1 ORDER BY i.created_at, i.id`,
      [taskId],
    );
    return rows.map((r) => ({
      id: r.id,
      text: r.text,
      author: { id: r.authorId, displayName: r.authorName },
      createdAt: new Date(r.createdAt).toISOString(),
      answer: r.answer,
      answeredBy: r.answeredBy ? { id: r.answeredBy, displayName: r.answeredByName ?? '' } : null,
      answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
    }));
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
