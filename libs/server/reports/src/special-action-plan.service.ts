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
import { allowedTaskEvents, reportEventForApprovalStatus } from '@luoshi/domain/workflow';
import { type ApprovalFinish, ApprovalQueryService, ApprovalService, type ApprovalSubjectHandler, ApprovalSubjects } from '@luoshi/server/approvals';
import { AuditService } from '@luoshi/server/audit';
import { NotificationsService, type NotifyInput } from '@luoshi/server/notifications';
import { CalendarService } from '@luoshi/server/calendar';
import { UserDirectory } from '@luoshi/server/identity';
import { type AuthUser, type RequestActor, type SignedInActor, type Sql, UnitOfWork } from '@luoshi/server/platform';
import { PlanImportService, PlanReader } from '@luoshi/server/plans';
import { assertCanSee, canSeeTask, isLeadDepartmentMember, TaskReader, TaskStore } from '@luoshi/server/tasks';
import { EvidenceService, type UploadedEvidence } from './evidence.service';
import { ReportException } from './report.exception';
import { nextReportState } from './report-transition';

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

/** The plan, task, department and approval fields, filled from their owners after the query (withRefs). */
type SapRefs = 'planCode' | 'taskCode' | 'taskStatus' | 'dueDate' | 'deadlineText' | 'plan' | 'childPlan' | 'departments' | 'approvalStatus';

/** The columns of SapRow without SapRefs, for `${SELECT} WHERE …`. */
const SELECT = `
  SELECT s.id, s.plan_id AS "planId", s.task_id AS "taskId", s.deliverable, s.lead_department_id AS "leadDepartmentId",
         s.co_department_ids AS "coDepartmentIds", s.draft_evidence_id AS "draftEvidenceId", s.status, s.approval_instance_id AS "approvalId",
         s.return_comment AS "returnComment", s.child_plan_id AS "childPlanId", s.version, s.updated_at AS "updatedAt"
    FROM special_action_plan s`;

const planRef = ({ id, code, title }: PlanRef): PlanRef => ({ id, code, title });

/** Task codes in the database's code-point order (SAP-1, SAP-10, SAP-2), as ORDER BY code sorted them. */
const byTaskCode = (a: SapRow, b: SapRow): number => (a.taskCode < b.taskCode ? -1 : a.taskCode > b.taskCode ? 1 : 0);

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
    private readonly plans: PlanReader,
    private readonly tasks: TaskReader,
    private readonly users: UserDirectory,
    private readonly approvalQueries: ApprovalQueryService,
  ) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  /**
   * One assigned drafting task + special_action_plan row per live duty; idempotent. A 完成时限 the
   * plan states for the special plan becomes the task's deadline, with its reminders (same transaction).
   */
  async generate(planId: string, actor: SignedInActor): Promise<GenerateSpecialActionPlansResponse> {
    const calendar = await this.calendar.calendar();
    const today = this.calendar.today();
    const result = await this.unitOfWork.run(async (m) => {
      if (!(await this.plans.lock(m, planId))) throw ReportException.sapPlanNotFound(planId);
      const planned = await this.plans.specialPlanDuties(m, planId);
      const drafted: { dutyId: string }[] = await m.query(`SELECT duty_id AS "dutyId" FROM special_action_plan WHERE duty_id = ANY($1::uuid[])`, [
        planned.map((d) => d.id),
      ]);
      const done = new Set(drafted.map((r) => r.dutyId));
      const duties = planned.map((d) => ({ ...d, done: done.has(d.id) }));
      let serial = await this.taskStore.draftingTaskCount(m, planId);
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
        const taskId = await this.taskStore.insertDraftingTask(m, {
          planId,
          measureNodeId: d.nodeId,
          code: `SAP-${++serial}`,
          title: `编制《${d.deliverable}》`,
          body: d.source,
          leadDepartmentId: d.leadId,
          coDepartmentIds: co,
          startDate: start,
          dueDate: due,
          deadlineText: due ? d.deadlineText : null,
        });
        taskIds.push(taskId);
        await this.taskStore.event(m, taskId, actor, 'created', null, { planId, specialActionPlanDutyId: d.id, ...(due ? { dueDate: due, deadlineText: d.deadlineText } : {}) });
        await this.taskStore.event(m, taskId, actor, 'assigned', null, { from: 'draft', to: 'assigned' });
        const [sap] = await m.query(
          `INSERT INTO special_action_plan (plan_id, duty_id, task_id, deliverable, lead_department_id, co_department_ids)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [planId, d.id, taskId, d.deliverable, d.leadId, co],
        );
        created.push(sap.id);
        notices.push(specialPlanDueNotice(taskId, sap.id, d.deliverable));
      }
      // A drafting task with a deadline is reminded like any task.
      await this.taskStore.planReminders(m, taskIds);
      await this.audit.record(m, actor, { action: 'special_action_plan.generate', subjectType: 'plan', subjectId: planId, after: { created, taskIds, skipped } });
      // Inside the unit of work the notices go out after its commit.
      await this.notifications.notifyMany(m, notices);
      return { created, existing: duties.filter((x) => x.done).length, skipped };
    });
    const items = await this.forPlan(planId);
    return { created: result.created.length, existing: result.existing, skipped: result.skipped, items: await Promise.all(items.map((r) => this.toResponse(r))) };
  }

  async list(planId: string, user: AuthUser): Promise<SpecialActionPlanResponse[]> {
    const rows = await this.forPlan(planId);
    return Promise.all(rows.filter((r) => canSeeTask(user, accessOf(r))).map((r) => this.toResponse(r)));
  }

  async get(id: string, user: AuthUser): Promise<SpecialActionPlanResponse> {
    const row = await this.row(this.dataSource.manager, id);
    assertCanSee(user, accessOf(row));
    return this.toResponse(row);
  }

  /** The draft (.docx, .txt, .md); a returned plan becomes a draft again. */
  async uploadDraft(id: string, file: UploadedEvidence, actor: SignedInActor): Promise<SpecialActionPlanResponse> {
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

  async submit(id: string, version: number, actor: SignedInActor): Promise<SpecialActionPlanResponse> {
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
    if (!allowedTaskEvents(task.status).includes('deliverable_approved')) {
      await this.taskStore.event(m, task.id, actor, 'updated', `《${row.deliverable}》经领导审定（任务当前状态不能办结，未改变）`, data);
      return;
    }
    await this.taskStore.transition(m, task, actor, {
      event: 'deliverable_approved',
      eventKind: 'status_changed',
      body: `《${row.deliverable}》经领导审定，编制任务办结`,
      eventData: data,
      audit: 'task.deliverable_approved',
      auditData: data,
      extra: { progress: 100 },
    });
  }

  /** The approved draft → a child plan (kind special_action_plan, parent = the action plan), in one transaction. */
  async importChildPlan(id: string, actor: SignedInActor): Promise<ImportChildPlanResponse> {
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

  /** Fills each row's plan, task, departments and approval status from their owners, a batch per owner. */
  private async withRefs(m: Sql, rows: Omit<SapRow, SapRefs>[]): Promise<SapRow[]> {
    const [plans, tasks, departments, statuses] = await Promise.all([
      this.plans.refs(m, rows.flatMap((r) => [r.planId, r.childPlanId])),
      this.tasks.refs(m, rows.map((r) => r.taskId)),
      this.users.departments(m, rows.flatMap((r) => [r.leadDepartmentId, ...r.coDepartmentIds])),
      this.approvalQueries.statuses(m, rows.map((r) => r.approvalId)),
    ]);
    return rows.flatMap((r) => {
      const plan = plans.get(r.planId);
      const task = tasks.get(r.taskId);
      if (!plan || !task) return [];
      const child = r.childPlanId ? plans.get(r.childPlanId) : undefined;
      const refs: Pick<SapRow, SapRefs> = {
        planCode: plan.code,
        taskCode: task.code,
        taskStatus: task.status,
        dueDate: task.dueDate,
        deadlineText: task.deadlineText,
        plan: planRef(plan),
        childPlan: child ? planRef(child) : null,
        departments: [r.leadDepartmentId, ...r.coDepartmentIds].flatMap((id) => {
          const d = id ? departments.get(id) : undefined;
          return d ? [{ id: d.id, code: d.code, name: d.name }] : [];
        }),
        approvalStatus: r.approvalId ? (statuses.get(r.approvalId) ?? null) : null,
      };
      return [{ ...r, ...refs }];
    });
  }

  private async row(m: EntityManager, id: string, lock = false): Promise<SapRow> {
    const [row] = await this.withRefs(m, await m.query(`${SELECT} WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`, [id]));
    if (!row) throw ReportException.sapNotFound(id);
    return row;
  }

  /** The plan's special action plans, by their drafting tasks' codes. */
  private async forPlan(planId: string): Promise<SapRow[]> {
    const rows = await this.withRefs(this.dataSource, await this.dataSource.query(`${SELECT} WHERE s.plan_id = $1`, [planId]));
    return rows.sort(byTaskCode);
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
