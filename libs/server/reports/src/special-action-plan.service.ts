import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ApprovalInstanceStatus,
  GenerateSpecialActionPlansResponse,
  ImportChildPlanResponse,
  PlanRef,
  ReportStatus,
  SpecialActionPlanResponse,
  TaskDepartmentRef,
} from '@luoshi/contracts';
import { CalendarError, parseDeadlinePhrase, type WorkingDayCalendar } from '@luoshi/domain/calendar';
import type { TaskState } from '@luoshi/domain/workflow';
import { isWorkflowError, reportEventForApprovalStatus, transitionTask } from '@luoshi/domain/workflow';
import { type ApprovalFinish, ApprovalService, type ApprovalSubjectHandler, ApprovalSubjects } from '@luoshi/server/approvals';
import { AuditService } from '@luoshi/server/audit';
import { NotificationsService, type NotifyInput } from '@luoshi/server/notifications';
import { CalendarService } from '@luoshi/server/calendar';
import { type AuthUser, type RequestActor, UnitOfWork } from '@luoshi/server/platform';
import { PlanImportService } from '@luoshi/server/plans';
import { assertCanSee, canSeeTask, isLeadDepartmentMember, TaskStore } from '@luoshi/server/tasks';
import { EvidenceService, type UploadedEvidence } from './evidence.service';
import { ReportErrorCode, ReportException } from './report.exception';
import { nextReportState } from './report-transition';

type Actor = RequestActor & { user: AuthUser };

interface SapRow {
  id: string;
  planId: string;
  planCode: string;
  taskId: string;
  taskCode: string;
  taskStatus: TaskState;
  dueDate: string | null;
  deadlineText: string | null;
  plan: PlanRef;
  childPlan: PlanRef | null;
  deliverable: string;
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  departments: TaskDepartmentRef[];
  draftEvidenceId: string | null;
  status: ReportStatus;
  approvalId: string | null;
  approvalStatus: ApprovalInstanceStatus | null;
  returnComment: string | null;
  childPlanId: string | null;
  version: number;
  updatedAt: Date;
}

const SELECT = `
  SELECT s.id, s.plan_id AS "planId", p.code AS "planCode", s.task_id AS "taskId", t.code AS "taskCode", t.status AS "taskStatus",
         to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", t.deadline_text AS "deadlineText",
         json_build_object('id', p.id, 'code', p.code, 'title', p.title) AS plan,
         (SELECT json_build_object('id', c.id, 'code', c.code, 'title', c.title) FROM plan c WHERE c.id = s.child_plan_id) AS "childPlan",
         s.deliverable, s.lead_department_id AS "leadDepartmentId", s.co_department_ids AS "coDepartmentIds",
         (SELECT coalesce(json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name)), '[]'::json)
            FROM department d WHERE d.id = s.lead_department_id OR d.id = ANY(s.co_department_ids)) AS departments,
         s.draft_evidence_id AS "draftEvidenceId", s.status, s.approval_instance_id AS "approvalId", ai.status AS "approvalStatus",
         s.return_comment AS "returnComment", s.child_plan_id AS "childPlanId", s.version, s.updated_at AS "updatedAt"
    FROM special_action_plan s
    JOIN plan p ON p.id = s.plan_id
    JOIN task t ON t.id = s.task_id
    LEFT JOIN approval_instance ai ON ai.id = s.approval_instance_id`;

/** The lead department is told that a special action plan is due from it (notification matrix: special_plan_due). */
function specialPlanDueNotice(taskId: string, sapId: string, deliverable: string): NotifyInput {
  return {
    event: 'special_plan_due',
    taskId,
    title: `专项行动计划待编制：《${deliverable}》`,
    body: `贵单位牵头编制《${deliverable}》，请起草后上传并提交审批。`,
    link: `/special-action-plans/${sapId}`,
    subjectType: 'task',
    subjectId: taskId,
  };
}

const accessOf = (s: SapRow) => ({ status: s.taskStatus, leadDepartmentId: s.leadDepartmentId, coDepartmentIds: s.coDepartmentIds });

/** A 完成时限 read from the plan text as the assignment grid reads it (period ends on a working day); else the parser's date. */
function dueDateOf(deadlineText: string | null, parsed: string | null, calendar: WorkingDayCalendar): string | null {
  if (!deadlineText) return parsed;
  try {
    const phrase = parseDeadlinePhrase(deadlineText, calendar);
    return phrase.kind === 'date' ? phrase.date : parsed;
  } catch (error) {
    if (error instanceof CalendarError) return parsed;
    throw error;
  }
}

/**
 * 专项行动计划: the plan's special-action-plan duties become drafting tasks; the lead department
 * uploads the draft and submits it (drafting head → co-departments countersign → office reviewer →
 * leader); the approved draft is imported as a child plan whose measures then get tasks.
 */
@Injectable()
export class SpecialActionPlanService implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = 'special_action_plan' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly approvals: ApprovalService,
    private readonly subjects: ApprovalSubjects,
    private readonly taskStore: TaskStore,
    private readonly evidence: EvidenceService,
    private readonly planImport: PlanImportService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  /**
   * One assigned drafting task + special_action_plan row per live duty; idempotent. A 完成时限 the
   * plan states for the special plan becomes the task's deadline, with its reminders (same transaction).
   */
  async generate(planId: string, actor: Actor): Promise<GenerateSpecialActionPlansResponse> {
    const calendar = await this.calendar.calendar();
    const today = this.calendar.today();
    const result = await this.unitOfWork.run(async (m) => {
      const [plan] = await m.query(`SELECT id FROM plan WHERE id = $1 FOR UPDATE`, [planId]);
      if (!plan) throw ReportException.notFound('计划', planId, ReportErrorCode.SAP_PLAN_NOT_FOUND);
      const duties: {
        id: string;
        deliverable: string;
        nodeId: string | null;
        leadId: string | null;
        coIds: string[];
        source: string;
        deadlineText: string | null;
        deadline: string | null;
        done: boolean;
      }[] = await m.query(
        `SELECT d.id, d.deliverable, d.node_id AS "nodeId", d.lead_department_id AS "leadId", d.co_department_ids AS "coIds",
                d.source_sentence AS source, d.deadline_text AS "deadlineText", to_char(d.deadline, 'YYYY-MM-DD') AS deadline, EXISTS (SELECT 1 FROM special_action_plan s WHERE s.duty_id = d.id) AS done
           FROM plan_duty d LEFT JOIN plan_node n ON n.id = d.node_id
          WHERE d.plan_id = $1 AND d.kind = 'special_action_plan' AND d.retired_in_version IS NULL
          ORDER BY n.sort_order NULLS LAST, d.deliverable`,
        [planId],
      );
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND kind = 'special_action_plan'`, [planId]);
      let serial = n as number;
      const created: string[] = [];
      const notices: NotifyInput[] = [];
      const taskIds: string[] = [];
      const skipped: GenerateSpecialActionPlansResponse['skipped'] = [];
      for (const d of duties.filter((x) => !x.done)) {
        if (!d.leadId) skipped.push({ deliverable: d.deliverable, reason: '未识别牵头单位' });
        else if (!d.nodeId) skipped.push({ deliverable: d.deliverable, reason: '未关联到计划条目' });
        if (!d.leadId || !d.nodeId) continue;
        const co = d.coIds.filter((c) => c !== d.leadId);
        const due = dueDateOf(d.deadlineText, d.deadline, calendar);
        // Work starts today, unless the plan's deadline is already earlier.
        const start = due !== null && due < today ? due : today;
        const [task] = await m.query(
          `INSERT INTO task (plan_id, measure_node_id, code, title, body, lead_department_id, co_department_ids, start_date,
                             due_date, deadline_text, reporting_cycle, status, kind)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'none', 'assigned', 'special_action_plan') RETURNING id`,
          [planId, d.nodeId, `SAP-${++serial}`, `编制《${d.deliverable}》`, d.source, d.leadId, co, start, due, due ? d.deadlineText : null],
        );
        taskIds.push(task.id);
        await this.taskStore.event(m, task.id, actor, 'created', null, { planId, specialActionPlanDutyId: d.id, ...(due ? { dueDate: due, deadlineText: d.deadlineText } : {}) });
        await this.taskStore.event(m, task.id, actor, 'assigned', null, { from: 'draft', to: 'assigned' });
        const [sap] = await m.query(
          `INSERT INTO special_action_plan (plan_id, duty_id, task_id, deliverable, lead_department_id, co_department_ids)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [planId, d.id, task.id, d.deliverable, d.leadId, co],
        );
        created.push(sap.id);
        notices.push(specialPlanDueNotice(task.id, sap.id, d.deliverable));
      }
      // A drafting task with a deadline is reminded like any task.
      await this.taskStore.planReminders(m, taskIds);
      await this.audit.record(m, actor, { action: 'special_action_plan.generate', subjectType: 'plan', subjectId: planId, after: { created, taskIds, skipped } });
      const outcome = await this.notifications.notifyMany(m, notices);
      return { created, existing: duties.filter((x) => x.done).length, skipped, outcome };
    });
    await this.notifications.dispatch(result.outcome);
    const items = await this.rows(`WHERE s.plan_id = $1 ORDER BY t.code`, [planId]);
    return { created: result.created.length, existing: result.existing, skipped: result.skipped, items: await Promise.all(items.map((r) => this.toResponse(r))) };
  }

  async list(planId: string, user: AuthUser): Promise<SpecialActionPlanResponse[]> {
    const rows = await this.rows(`WHERE s.plan_id = $1 ORDER BY t.code`, [planId]);
    return Promise.all(rows.filter((r) => canSeeTask(user, accessOf(r))).map((r) => this.toResponse(r)));
  }

  async get(id: string, user: AuthUser): Promise<SpecialActionPlanResponse> {
    const row = await this.row(this.dataSource.manager, id);
    assertCanSee(user, accessOf(row));
    return this.toResponse(row);
  }

  /** The draft (.docx, .txt, .md); a returned plan becomes a draft again. */
  async uploadDraft(id: string, file: UploadedEvidence, actor: Actor): Promise<SpecialActionPlanResponse> {
    await this.evidence.upload('special_action_plan', id, file, actor, async (m, evidenceId) => {
      const row = await this.row(m, id, true);
      await m.query(`UPDATE special_action_plan SET draft_evidence_id = $2, status = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
        id,
        evidenceId,
        nextReportState(row.status, ...(row.status === 'returned' ? (['edit'] as const) : [])),
      ]);
    });
    return this.get(id, actor.user);
  }

  async submit(id: string, version: number, actor: Actor): Promise<SpecialActionPlanResponse> {
    await this.unitOfWork.run(async (m) => {
      const row = await this.row(m, id, true);
      if (!isLeadDepartmentMember(actor.user, accessOf(row))) {
        throw ReportException.forbidden('只有牵头单位的联络员或负责人可以提交专项行动计划', "Only the lead department's liaison or head may submit");
      }
      if (version !== row.version) throw ReportException.stale(row.version, version);
      // draft (or returned → draft) → submitted → in_approval, or a 409 naming the state.
      nextReportState(row.status === 'returned' ? nextReportState('returned', 'edit') : row.status, 'submit', 'start_approval');
      if (!row.draftEvidenceId) throw ReportException.sapDraftMissing();
      const started = await this.approvals.start(
        m,
        {
          subjectType: 'special_action_plan',
          subjectId: id,
          taskId: row.taskId,
          title: `专项行动计划：${row.deliverable}`.slice(0, 300),
          link: `/special-action-plans/${id}`,
          leadDepartmentId: row.leadDepartmentId,
          coDepartmentIds: row.coDepartmentIds,
          drafter: actor.user,
        },
        actor,
      );
      await m.query(
        `UPDATE special_action_plan SET status = 'in_approval', approval_instance_id = $2, return_comment = NULL, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, started.instanceId],
      );
      await this.audit.record(m, actor, {
        action: 'special_action_plan.submit',
        subjectType: 'special_action_plan',
        subjectId: id,
        after: { draftEvidenceId: row.draftEvidenceId, approvalId: started.instanceId },
      });
    });
    return this.get(id, actor.user);
  }

  async onFinished(m: EntityManager, finish: ApprovalFinish, actor: RequestActor): Promise<void> {
    const row = await this.row(m, finish.subjectId, true);
    const event = reportEventForApprovalStatus(finish.status);
    if (!event || row.approvalId !== finish.instanceId) return;
    const status = nextReportState(row.status, event);
    await m.query(
      `UPDATE special_action_plan SET status = $2, return_comment = CASE WHEN $2 = 'returned' THEN $3 ELSE return_comment END,
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [row.id, status, finish.comment],
    );
    if (status === 'approved') await this.closeDraftingTask(m, row, finish.instanceId, actor);
  }

  /**
   * The leader's approval is the drafting task's result: the task is completed (progress 100,
   * audited) in the deciding transaction, and TaskStore re-plans its reminders, cancelling them.
   * A task the office suspended or cancelled meanwhile keeps its state; the timeline says why.
   */
  private async closeDraftingTask(m: EntityManager, row: SapRow, approvalId: string, actor: RequestActor): Promise<void> {
    const task = await this.taskStore.find(m, row.taskId, { lock: true });
    const data = { source: 'special_action_plan', specialActionPlanId: row.id, approvalId };
    let next;
    try {
      next = transitionTask(task.status, 'deliverable_approved');
    } catch (error) {
      if (!isWorkflowError(error)) throw error;
      await this.taskStore.event(m, task.id, actor, 'updated', `《${row.deliverable}》经领导审定（任务当前状态不能办结，未改变）`, data);
      return;
    }
    const after = await this.taskStore.update(m, task.id, task.version, { status: next.state, progress: 100 });
    await this.taskStore.event(m, task.id, actor, 'status_changed', `《${row.deliverable}》经领导审定，编制任务办结`, { ...data, from: task.status, to: after.status });
    await this.taskStore.record(m, actor, 'task.deliverable_approved', task, after, data);
  }

  /** The approved draft → a child plan (kind special_action_plan, parent = the action plan), in one transaction. */
  async importChildPlan(id: string, actor: Actor): Promise<ImportChildPlanResponse> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.row(m, id, true);
      if (row.childPlanId) throw ReportException.sapAlreadyImported(row.childPlanId);
      if (row.status !== 'approved' || !row.draftEvidenceId) throw ReportException.sapNotApproved();
      const draft = await this.evidence.read(row.draftEvidenceId);
      const imported = await this.planImport.import(
        { fileName: draft.fileName, buffer: draft.buffer, dryRun: false, child: { parentPlanId: row.planId, code: `${row.planCode}-${row.taskCode}` }, manager: m },
        actor,
      );
      const childPlanId = imported.planId as string;
      await m.query(`UPDATE special_action_plan SET child_plan_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [id, childPlanId]);
      await this.audit.record(m, actor, {
        action: 'special_action_plan.import_child_plan',
        subjectType: 'special_action_plan',
        subjectId: id,
        after: { childPlanId, title: imported.title, measures: imported.stats.measures, checksum: imported.checksum },
      });
      return { specialActionPlanId: id, childPlanId, title: imported.title, measures: imported.stats.measures };
    });
  }

  private async row(m: EntityManager, id: string, lock = false): Promise<SapRow> {
    const [row] = (await m.query(`${SELECT} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [id])) as SapRow[];
    if (!row) throw ReportException.notFound('专项行动计划', id, ReportErrorCode.SAP_NOT_FOUND);
    return row;
  }

  private rows(where: string, params: unknown[]): Promise<SapRow[]> {
    return this.dataSource.query(`${SELECT} ${where}`, params);
  }

  private async toResponse(r: SapRow): Promise<SpecialActionPlanResponse> {
    const dept = (id: string | null) => r.departments.find((d) => d.id === id) ?? null;
    const [draft] = r.draftEvidenceId ? await this.evidence.byIds([r.draftEvidenceId]) : [];
    return {
      id: r.id,
      planId: r.planId,
      taskId: r.taskId,
      taskCode: r.taskCode,
      taskStatus: r.taskStatus,
      dueDate: r.dueDate,
      deadlineText: r.deadlineText,
      plan: r.plan,
      childPlan: r.childPlan,
      deliverable: r.deliverable,
      leadDepartment: dept(r.leadDepartmentId),
      coDepartments: r.coDepartmentIds.map(dept).filter((d): d is TaskDepartmentRef => d !== null),
      status: r.status,
      draft: draft ?? null,
      approvalId: r.approvalId,
      approvalStatus: r.approvalStatus,
      returnComment: r.returnComment,
      childPlanId: r.childPlanId,
      version: r.version,
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }
}
