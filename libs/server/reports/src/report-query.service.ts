import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, type ProgressReportResponse, type ReportAction, type ReportContributionResponse } from '@luoshi/contracts';
import type { TaskState } from '@luoshi/domain/workflow';
import { ApprovalQueryService } from '@luoshi/server/approvals';
import { CalendarService } from '@luoshi/server/calendar';
import { UserDirectory } from '@luoshi/server/identity';
import { type AuthUser, hasAnyRole, type Sql } from '@luoshi/server/platform';
import { assertCanSee, isLeadDepartmentMember, type TaskAccessSubject, TaskReader } from '@luoshi/server/tasks';
import { EvidenceService } from './evidence.service';
import { ReportException } from './report.exception';

/**
 * A report as its queries read it: the response's own fields, plus the task's state and departments
 * (for access), and times and ids where the response has ISO text and people.
 */
export interface ReportRow
  extends Omit<ProgressReportResponse, 'locked' | 'submittedAt' | 'approvedAt' | 'author' | 'contributions' | 'evidence' | 'allowedActions' | 'updatedAt'> {
  taskStatus: TaskState;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  approvedAt: Date | null;
  authorId: string | null;
  authorName: string | null;
  updatedAt: Date;
}

/** The task, author and approval fields, filled from their owners after the query (withRefs). */
type ReportRefs = 'taskCode' | 'taskTitle' | 'taskStatus' | 'leadDepartmentId' | 'coDepartmentIds' | 'authorName' | 'approvalStatus';

/** The columns of ReportRow without ReportRefs, for `${REPORT_SELECT} WHERE …`. */
const REPORT_SELECT = `
  SELECT r.id, r.task_id AS "taskId",
         r.period_key AS "periodKey", r.period_label AS "periodLabel", r.period_start::text AS "periodStart",
         r.period_end::text AS "periodEnd", r.due_date::text AS "dueDate", r.locks_on::text AS "locksOn", r.status,
         r.content, r.progress, r.risks, r.next_steps AS "nextSteps", r.red_explanation AS "redExplanation", r.late,
         r.first_submitted_at AS "firstSubmittedAt", r.submitted_at AS "submittedAt", r.approved_at AS "approvedAt",
         r.author_id AS "authorId", r.approval_instance_id AS "approvalId",
         r.return_comment AS "returnComment", r.version, r.updated_at AS "updatedAt"
    FROM progress_report r`;

interface ContributionRow {
  id: string;
  departmentId: string;
  content: string;
  submittedBy: string;
  submittedAt: Date;
  mergedAt: Date | null;
}

/** The columns of ContributionRow, for `SELECT ${CONTRIBUTION_COLUMNS} FROM report_contribution c`. */
const CONTRIBUTION_COLUMNS = `c.id, c.department_id AS "departmentId", c.content, c.submitted_by AS "submittedBy",
  c.submitted_at AS "submittedAt", c.merged_at AS "mergedAt"`;

export const accessOf = (r: ReportRow): TaskAccessSubject => ({ status: r.taskStatus, leadDepartmentId: r.leadDepartmentId, coDepartmentIds: r.coDepartmentIds });

/** A never-submitted report cannot be submitted after its period's grace window. */
export const isLocked = (r: Pick<ReportRow, 'locksOn' | 'firstSubmittedAt'>, today: string) => r.firstSubmittedAt === null && today > r.locksOn;

/** The read side of progress reports. */
@Injectable()
export class ReportQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evidence: EvidenceService,
    private readonly calendar: CalendarService,
    private readonly users: UserDirectory,
    private readonly tasks: TaskReader,
    private readonly approvals: ApprovalQueryService,
  ) {}

  /** Fills each report's task, author name and approval status from their owners, a batch per owner. */
  private async withRefs(m: Sql, rows: Omit<ReportRow, ReportRefs>[]): Promise<ReportRow[]> {
    const [tasks, names, statuses] = await Promise.all([
      this.tasks.refs(m, rows.map((r) => r.taskId)),
      this.users.displayNames(m, rows.map((r) => r.authorId)),
      this.approvals.statuses(m, rows.map((r) => r.approvalId)),
    ]);
    return rows.flatMap((r) => {
      const t = tasks.get(r.taskId);
      if (!t) return [];
      const refs: Pick<ReportRow, ReportRefs> = {
        taskCode: t.code,
        taskTitle: t.title,
        taskStatus: t.status,
        leadDepartmentId: t.leadDepartmentId,
        coDepartmentIds: t.coDepartmentIds,
        authorName: r.authorId ? (names.get(r.authorId) ?? null) : null,
        approvalStatus: r.approvalId ? (statuses.get(r.approvalId) ?? null) : null,
      };
      return [{ ...r, ...refs }];
    });
  }

  async row(m: EntityManager, id: string, lock = false): Promise<ReportRow> {
    const [row] = await this.withRefs(m, await m.query(`${REPORT_SELECT} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`, [id]));
    if (!row) throw ReportException.notFound('进展报告', id);
    return row;
  }

  async get(id: string, user: AuthUser): Promise<ProgressReportResponse> {
    const row = await this.row(this.dataSource.manager, id);
    assertCanSee(user, accessOf(row));
    return this.toResponse(row, user);
  }

  /** Refuses (404/403) a task the user may not see, before anything is read or created for it. */
  async assertTaskVisible(taskId: string, user: AuthUser): Promise<void> {
    const task = (await this.tasks.refs(this.dataSource, [taskId])).get(taskId);
    if (!task) throw ReportException.notFound('任务', taskId);
    assertCanSee(user, task);
  }

  async forTask(taskId: string, user: AuthUser): Promise<ProgressReportResponse[]> {
    await this.assertTaskVisible(taskId, user);
    const rows = await this.withRefs(this.dataSource, await this.dataSource.query(`${REPORT_SELECT} WHERE r.task_id = $1 ORDER BY r.period_start`, [taskId]));
    return Promise.all(rows.map((r) => this.toResponse(r, user)));
  }

  async toResponse(r: ReportRow, user: AuthUser): Promise<ProgressReportResponse> {
    const today = this.calendar.today();
    const locked = isLocked(r, today);
    const contributions = await this.contributions(r.id);
    const editable = (r.status === 'draft' || r.status === 'returned') && !locked && r.taskStatus !== 'completed' && r.taskStatus !== 'cancelled';
    const lead = isLeadDepartmentMember(user, accessOf(r));
    const co = hasAnyRole(user, DEPARTMENT_ROLES) && r.coDepartmentIds.includes(user.departmentId);
    const actions: ReportAction[] = [];
    if (editable && lead) actions.push('edit', 'submit', 'upload');
    if (editable && lead && contributions.some((c) => c.mergedAt === null)) actions.push('merge');
    if (editable && co) actions.push('contribute');
    return {
      id: r.id,
      taskId: r.taskId,
      taskCode: r.taskCode,
      taskTitle: r.taskTitle,
      periodKey: r.periodKey,
      periodLabel: r.periodLabel,
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      dueDate: r.dueDate,
      locksOn: r.locksOn,
      locked,
      status: r.status,
      content: r.content,
      progress: r.progress,
      risks: r.risks,
      nextSteps: r.nextSteps,
      redExplanation: r.redExplanation,
      late: r.late,
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      approvedAt: r.approvedAt ? new Date(r.approvedAt).toISOString() : null,
      author: r.authorId ? { id: r.authorId, displayName: r.authorName ?? '' } : null,
      approvalId: r.approvalId,
      approvalStatus: r.approvalStatus,
      returnComment: r.returnComment,
      contributions,
      evidence: await this.evidence.forOwner('progress_report', r.id),
      allowedActions: actions,
      version: r.version,
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }

  async contributions(reportId: string): Promise<ReportContributionResponse[]> {
    const rows: ContributionRow[] = await this.dataSource.query(`SELECT ${CONTRIBUTION_COLUMNS} FROM report_contribution c WHERE c.report_id = $1 ORDER BY c.submitted_at, c.id`, [
      reportId,
    ]);
    const [departments, names] = await Promise.all([
      this.users.departments(this.dataSource, rows.map((c) => c.departmentId)),
      this.users.displayNames(this.dataSource, rows.map((c) => c.submittedBy)),
    ]);
    return rows.map((c) => ({
      id: c.id,
      department: { id: c.departmentId, code: departments.get(c.departmentId)?.code ?? '', name: departments.get(c.departmentId)?.name ?? '' },
      content: c.content,
      submittedBy: { id: c.submittedBy, displayName: names.get(c.submittedBy) ?? '' },
      submittedAt: new Date(c.submittedAt).toISOString(),
      mergedAt: c.mergedAt ? new Date(c.mergedAt).toISOString() : null,
    }));
  }
}
