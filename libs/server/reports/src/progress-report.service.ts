import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DEPARTMENT_ROLES, type ProgressReportResponse, type UpdateProgressReportRequest } from '@luoshi/contracts';
import { dateOfInstant, isTerminalTaskState, reportEventForApprovalStatus, transitionTask } from '@luoshi/domain/workflow';
import { type ApprovalFinish, ApprovalService, type ApprovalSubjectHandler, ApprovalSubjects } from '@luoshi/server/approvals';
import { AuditService } from '@luoshi/server/audit';
import { CalendarService } from '@luoshi/server/calendar';
import { UserDirectory } from '@luoshi/server/identity';
import { NotificationsService } from '@luoshi/server/notifications';
import { type AuthUser, hasAnyRole, type RequestActor, type SignedInActor, UnitOfWork } from '@luoshi/server/platform';
import { isLeadDepartmentMember, TaskQueryService, TaskStore, type TaskWrite } from '@luoshi/server/tasks';
import { ReportException } from './report.exception';
import { accessOf, isLocked, ReportQueryService, type ReportRow } from './report-query.service';
import { nextReportState } from './report-transition';

/** An edit of a report's draft, as the API takes it. */
export type ReportEdit = UpdateProgressReportRequest;

const EDIT_COLUMNS = { content: 'content', progress: 'progress', risks: 'risks', nextSteps: 'next_steps', redExplanation: 'red_explanation' } as const;

/**
 * 进展填报: the lead department's liaison edits the period's draft (content, progress, risks, next
 * steps, an explanation when the task is red, evidence), co-departments contribute and the lead
 * merges; submit starts the progress_report approval; the approved report updates the task.
 */
@Injectable()
export class ProgressReportService implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = 'progress_report' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly query: ReportQueryService,
    private readonly approvals: ApprovalService,
    private readonly subjects: ApprovalSubjects,
    private readonly taskStore: TaskStore,
    private readonly taskQuery: TaskQueryService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserDirectory,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  async update(id: string, edit: ReportEdit, actor: SignedInActor): Promise<ProgressReportResponse> {
    await this.dataSource.transaction(async (m) => {
      const r = await this.editable(m, id, actor.user, edit.version);
      const sets: string[] = [];
      const params: unknown[] = [id];
      for (const [key, column] of Object.entries(EDIT_COLUMNS)) {
        const value = edit[key as keyof typeof EDIT_COLUMNS];
        if (value === undefined) continue;
        params.push(typeof value === 'string' ? value.trim() : value);
        sets.push(`${column} = $${params.length}`);
      }
      params.push(nextReportState(r.status, ...(r.status === 'returned' ? (['edit'] as const) : [])));
      await m.query(`UPDATE progress_report SET ${[...sets, `status = $${params.length}`, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
      await this.audit.record(m, actor, { action: 'progress_report.update', subjectType: 'progress_report', subjectId: id, before: pick(r), after: { ...edit } });
    });
    return this.query.get(id, actor.user);
  }

  /** Submit → the progress_report approval (department head → office reviewer). */
  async submit(id: string, version: number, actor: SignedInActor): Promise<ProgressReportResponse> {
    await this.unitOfWork.run(async (m) => {
      const r = await this.editable(m, id, actor.user, version);
      const missing = [...(r.content.trim() ? [] : ['content（进展内容）']), ...(r.progress === null ? ['progress（完成进度）'] : [])];
      if (missing.length) throw ReportException.incomplete(missing);
      const [task] = await this.taskQuery.all({ id: r.taskId }, actor.user, 1);
      if (task?.health === 'red' && !r.redExplanation?.trim()) throw ReportException.redExplanationRequired();
      // draft (or returned → draft) → submitted → in_approval, or a 409 naming the state.
      nextReportState(r.status === 'returned' ? nextReportState('returned', 'edit') : r.status, 'submit', 'start_approval');
      const late = r.late || dateOfInstant((r.firstSubmittedAt ?? new Date()).toISOString()) > r.dueDate;
      const started = await this.approvals.start(
        m,
        {
          subjectType: 'progress_report',
          subjectId: id,
          taskId: r.taskId,
          title: `进展报告：${r.taskCode} ${r.taskTitle}（${r.periodLabel}）`.slice(0, 300),
          link: `/reports/${id}`,
          leadDepartmentId: r.leadDepartmentId,
          coDepartmentIds: r.coDepartmentIds,
          drafter: actor.user,
        },
        actor,
      );
      await m.query(
        `UPDATE progress_report
            SET status = 'in_approval', submitted_at = now(), first_submitted_at = coalesce(first_submitted_at, now()), late = $2,
                author_id = $3, approval_instance_id = $4, return_comment = NULL, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, late, actor.user.id, started.instanceId],
      );
      await this.audit.record(m, actor, {
        action: 'progress_report.submit',
        subjectType: 'progress_report',
        subjectId: id,
        before: pick(r),
        after: { status: 'in_approval', late, approvalId: started.instanceId },
      });
    });
    return this.query.get(id, actor.user);
  }

  /** A co-department's input (one per department, replaced on resubmission until merged). */
  async contribute(id: string, content: string, actor: SignedInActor): Promise<ProgressReportResponse> {
    await this.unitOfWork.run(async (m) => {
      const r = await this.query.row(m, id, true);
      if (!hasAnyRole(actor.user, DEPARTMENT_ROLES) || !r.coDepartmentIds.includes(actor.user.departmentId)) {
        throw ReportException.forbidden('只有配合单位的联络员或负责人可以报送配合材料', "Only a co-department's liaison or head may contribute");
      }
      this.assertOpen(r);
      await m.query(
        `INSERT INTO report_contribution (report_id, department_id, content, submitted_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (report_id, department_id)
         DO UPDATE SET content = EXCLUDED.content, submitted_by = EXCLUDED.submitted_by, submitted_at = now(), merged_at = NULL, merged_by = NULL`,
        [id, actor.user.departmentId, content.trim(), actor.user.id],
      );
      await this.audit.record(m, actor, { action: 'progress_report.contribute', subjectType: 'progress_report', subjectId: id, after: { departmentId: actor.user.departmentId, content } });
      const liaisons = await this.users.usersOf(m, r.leadDepartmentId ? [r.leadDepartmentId] : [], ['dept_liaison']);
      await this.notifications.notify(m, {
        event: 'report_contribution',
        userIds: liaisons,
        kind: 'report_contribution',
        title: `配合单位材料：${r.taskCode} ${r.taskTitle}（${r.periodLabel}）`.slice(0, 200),
        body: `${actor.user.displayName}报送了配合材料，请合并到进展报告。`,
        link: `/reports/${id}`,
        subjectType: 'progress_report',
        subjectId: id,
      });
    });
    return this.query.get(id, actor.user);
  }

  /** The lead merges co-department contributions into the report text (【部门】内容). */
  async merge(id: string, contributionIds: string[] | undefined, version: number, actor: SignedInActor): Promise<ProgressReportResponse> {
    await this.dataSource.transaction(async (m) => {
      const r = await this.editable(m, id, actor.user, version);
      const rows: { id: string; departmentId: string; content: string }[] = await m.query(
        `SELECT c.id, c.department_id AS "departmentId", c.content FROM report_contribution c
          WHERE c.report_id = $1 AND c.merged_at IS NULL AND ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[]))
          ORDER BY c.submitted_at, c.id FOR UPDATE OF c`,
        [id, contributionIds ?? null],
      );
      if (rows.length === 0) throw ReportException.nothingToMerge();
      const departments = await this.users.departments(m, rows.map((c) => c.departmentId));
      const content = [r.content.trim(), ...rows.map((c) => `【${departments.get(c.departmentId)?.name ?? ''}】${c.content}`)].filter(Boolean).join('\n\n');
      await m.query(
        `UPDATE progress_report SET content = $2, status = $3, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, content, nextReportState(r.status, ...(r.status === 'returned' ? (['edit'] as const) : []))],
      );
      await m.query(`UPDATE report_contribution SET merged_at = now(), merged_by = $2 WHERE id = ANY($1::uuid[])`, [rows.map((c) => c.id), actor.user.id]);
      await this.audit.record(m, actor, { action: 'progress_report.merge', subjectType: 'progress_report', subjectId: id, after: { contributionIds: rows.map((c) => c.id) } });
    });
    return this.query.get(id, actor.user);
  }

  /** The approval ended: mirror it on the report; an approved report moves the task's progress. */
  async onFinished(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void> {
    const r = await this.query.row(m, finish.subjectId, true);
    const event = reportEventForApprovalStatus(finish.status);
    if (!event || r.approvalId !== finish.instanceId) return;
    const status = nextReportState(r.status, event);
    await m.query(
      `UPDATE progress_report
          SET status = $2, approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END,
              return_comment = CASE WHEN $2 = 'returned' THEN $3 ELSE return_comment END, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [r.id, status, finish.comment],
    );
    if (status === 'approved') await this.applyToTask(m, r, actor);
  }

  /** Progress, last report time and lateness onto the task; the first approved report starts it (accepted → in_progress). */
  private async applyToTask(m: EntityManager, r: ReportRow, actor: RequestActor): Promise<void> {
    const task = await this.taskStore.find(m, r.taskId, { lock: true });
    if (isTerminalTaskState(task.status)) return;
    // An older period approved late must not overwrite a newer period's progress.
    const [newer] = await m.query(`SELECT 1 FROM progress_report WHERE task_id = $1 AND status = 'approved' AND period_end > $2 AND id <> $3 LIMIT 1`, [
      r.taskId,
      r.periodEnd,
      r.id,
    ]);
    const write: TaskWrite = newer ? {} : { progress: r.progress ?? task.progress, lastReportAt: r.submittedAt, lastReportLate: r.late };
    if (task.status === 'accepted') write.status = transitionTask('accepted', 'start_progress').state;
    if (Object.keys(write).length === 0) return;
    const after = await this.taskStore.update(m, task.id, task.version, write);
    await this.taskStore.event(m, task.id, actor, after.status !== task.status ? 'status_changed' : 'updated', `进展报告（${r.periodLabel}）审批通过，完成进度 ${after.progress}%`, {
      source: 'progress_report',
      reportId: r.id,
      periodKey: r.periodKey,
      progress: after.progress,
      late: r.late,
      from: task.status,
      to: after.status,
    });
    await this.taskStore.record(m, actor, 'task.progress_report_approved', task, after, { reportId: r.id, progress: after.progress, lastReportLate: r.late });
  }

  /** Locked for the rest of the transaction; the lead department's, editable, at the caller's version. */
  private async editable(m: EntityManager, id: string, user: AuthUser, version: number): Promise<ReportRow> {
    const r = await this.query.row(m, id, true);
    if (!isLeadDepartmentMember(user, accessOf(r))) {
      throw ReportException.forbidden('只有牵头单位的联络员或负责人可以填报进展', "Only the lead department's liaison or head may edit the report");
    }
    this.assertOpen(r);
    if (version !== r.version) throw ReportException.stale(r.version, version);
    return r;
  }

  private assertOpen(r: ReportRow): void {
    if (r.status !== 'draft' && r.status !== 'returned') nextReportState(r.status, 'edit');
    if (isLocked(r, this.calendar.today())) throw ReportException.periodLocked(r.locksOn);
    if (isTerminalTaskState(r.taskStatus)) throw ReportException.taskNotOpen(r.taskStatus);
  }
}

function pick(r: ReportRow): Record<string, unknown> {
  return { status: r.status, content: r.content, progress: r.progress, risks: r.risks, nextSteps: r.nextSteps, redExplanation: r.redExplanation, version: r.version };
}
