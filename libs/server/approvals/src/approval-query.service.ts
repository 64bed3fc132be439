import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserDirectory } from '@luoshi/server/identity';
import type {
  ApprovalCounts,
  ApprovalDetailResponse,
  ApprovalInboxBox,
  ApprovalInboxItem,
  ApprovalInboxResponse,
  ApprovalInstanceStatus,
  ApprovalRoundResponse,
  ApprovalSubjectType,
  ApprovalUserAction,
  TaskDepartmentRef,
  TaskUserRef,
} from '@luoshi/contracts';
import { approvalParticipants, canAct, currentApprovalStep, hasAnyDecision, type ApprovalInstanceState } from '@luoshi/domain/workflow';
import {
  type AuthUser,
  COUNT_CAP,
  type KeysetSort,
  keysetPage,
  rowsById,
  seesAllDepartments,
  type Sql,
  SqlParams,
} from '@luoshi/server/platform';
import { ApprovalException } from './approval.exception';
import type { ApprovalContext } from './approval-store';
import { ApprovalDelegationsService } from './approval-delegations.service';
import { ApprovalSubjects } from './approval-subjects';
import { actionUserIds, APPROVAL_ACTION_COLUMNS, type ApprovalActionRow, toTimelineEntry } from './approval-timeline';

interface InboxRow {
  id: string;
  subjectType: ApprovalSubjectType;
  subjectId: string;
  taskId: string | null;
  taskCode: string | null;
  planCode: string | null;
  planTitle: string | null;
  templateCode: string;
  title: string;
  link: string | null;
  status: ApprovalInstanceStatus;
  state: ApprovalInstanceState;
  pendingApprovers: string[];
  drafterId: string;
  departmentId: string | null;
  departmentCode: string | null;
  departmentName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

interface DetailRow extends InboxRow {
  context: ApprovalContext;
  stepDeadline: Date | null;
}

interface RoundRow {
  id: string;
  status: ApprovalInstanceStatus;
  state: ApprovalInstanceState;
  createdAt: Date;
  finishedAt: Date | null;
}

const INBOX_SORT_NAME = '-updatedAt';
const INBOX_SORT: KeysetSort = { keys: ['i.updated_at', 'i.id'], types: ['timestamptz', 'uuid'], direction: 'DESC' };

/** Decisions that put an instance in the "done" box of whoever took them. */
const DONE_ACTIONS = `('approve', 'reject', 'return', 'transfer')`;

const BOX_WHERE: Record<ApprovalInboxBox, string> = {
  // $1 = me, $2 = me and everyone who delegated to me today (each box mentions both so their types are known).
  todo: `i.status = 'in_progress' AND i.pending_approvers && $2::uuid[] AND $1::uuid IS NOT NULL`,
  done: `EXISTS (SELECT 1 FROM approval_action a WHERE a.instance_id = i.id AND a.actor_id = $1 AND a.action IN ${DONE_ACTIONS}) AND $2::uuid[] IS NOT NULL`,
  cc: `i.cc_user_ids @> ARRAY[$1]::uuid[] AND $2::uuid[] IS NOT NULL`,
};

const INBOX_COLUMNS = `
  i.id, i.subject_type AS "subjectType", i.subject_id AS "subjectId", i.task_id AS "taskId", i.template_code AS "templateCode",
  i.title, i.link, i.status, i.state, i.pending_approvers AS "pendingApprovers", i.drafter_id AS "drafterId",
  i.department_id AS "departmentId", i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;
/** Read from their owners after the query (withRefs). */
type InboxRefs = 'departmentCode' | 'departmentName' | 'taskCode' | 'planCode' | 'planTitle';

/** The read side: the inbox with its three counts, and one instance with its timeline. */
@Injectable()
export class ApprovalQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly delegations: ApprovalDelegationsService,
    private readonly users: UserDirectory,
    private readonly subjects: ApprovalSubjects,
  ) {}

  async counts(user: AuthUser, delegators?: string[]): Promise<ApprovalCounts> {
    const me = [user.id, ...(delegators ?? (await this.delegations.delegatorsOf(this.dataSource.manager, user.id)))];
    const [row] = await this.dataSource.query(
      // Each count stops after COUNT_CAP + 1 rows: a long inbox answers "10,000+" (exact: false), not a full count.
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM approval_instance i WHERE ${BOX_WHERE.todo} LIMIT $3) x)::int AS todo,
              (SELECT count(*) FROM (SELECT 1 FROM approval_instance i WHERE ${BOX_WHERE.done} LIMIT $3) x)::int AS done,
              (SELECT count(*) FROM (SELECT 1 FROM approval_instance i WHERE ${BOX_WHERE.cc} LIMIT $3) x)::int AS cc`,
      [user.id, me, COUNT_CAP + 1],
    );
    const counted = row as { todo: number; done: number; cc: number };
    return {
      todo: Math.min(counted.todo, COUNT_CAP),
      done: Math.min(counted.done, COUNT_CAP),
      cc: Math.min(counted.cc, COUNT_CAP),
      exact: Math.max(counted.todo, counted.done, counted.cc) <= COUNT_CAP,
    };
  }

  /** One page of a box, last changed first, from the `after` cursor on (page numbers for the first 10,000); counts capped at COUNT_CAP. */
  async inbox(user: AuthUser, box: ApprovalInboxBox, page: number, pageSize: number, after?: string): Promise<ApprovalInboxResponse> {
    const delegators = await this.delegations.delegatorsOf(this.dataSource.manager, user.id);
    // Every box names both $1 (me) and $2 (me and my delegators), so one parameter list serves all.
    const { values: params, p } = new SqlParams([user.id, box === 'todo' ? [user.id, ...delegators] : []]);
    const where = [BOX_WHERE[box]];
    const keyset = keysetPage(INBOX_SORT_NAME, INBOX_SORT, { page, pageSize, after }, p);
    if (keyset.afterCursor) where.push(keyset.afterCursor);
    const [counts, rows] = await Promise.all([
      this.counts(user, delegators),
      this.dataSource.query(
        `SELECT ${INBOX_COLUMNS}, ${keyset.columns} FROM approval_instance i
          WHERE ${where.join(' AND ')}
          ${keyset.orderAndLimit}`,
        params,
      ) as Promise<(InboxRow & Record<string, unknown>)[]>,
    ]);
    const { items: shown, nextCursor } = keyset.cut(rows);
    const [items, names] = await Promise.all([
      this.withRefs<InboxRow & Record<string, unknown>>(shown),
      this.names(shown.flatMap((r) => [r.drafterId, ...r.pendingApprovers])),
    ]);
    return {
      box,
      counts,
      items: items.map((r) => this.toItem(r, names, box === 'todo' ? r.pendingApprovers.filter((id) => id !== user.id && delegators.includes(id)) : [])),
      total: counts[box],
      totalExact: counts[box] < COUNT_CAP || counts.exact,
      page,
      pageSize,
      nextCursor,
    };
  }

  async detail(id: string, user: AuthUser): Promise<ApprovalDetailResponse> {
    const [row] = (await this.dataSource.query(
      `SELECT ${INBOX_COLUMNS}, i.context, i.step_deadline AS "stepDeadline"
         FROM approval_instance i WHERE i.id = $1`,
      [id],
    )) as DetailRow[];
    if (!row) throw ApprovalException.notFound(id);
    await this.withRefs([row]);
    // Every round of the item (each submission starts an instance), this one's actions among them.
    const rounds: RoundRow[] = await this.dataSource.query(
      `SELECT id, status, state, created_at AS "createdAt", finished_at AS "finishedAt"
         FROM approval_instance WHERE subject_type = $1 AND subject_id = $2 ORDER BY created_at, id`,
      [row.subjectType, row.subjectId],
    );
    const allActions: ApprovalActionRow[] = await this.dataSource.query(
      `SELECT ${APPROVAL_ACTION_COLUMNS} FROM approval_action WHERE instance_id = ANY($1::uuid[]) ORDER BY instance_id, version`,
      [rounds.map((r) => r.id)],
    );
    const actions = allActions.filter((a) => a.instanceId === id);
    const m = this.dataSource.manager;
    const delegators = await this.delegations.delegatorsOf(m, user.id);
    const state = row.state;
    const participants = approvalParticipants(state);
    const visible =
      seesAllDepartments(user) ||
      participants.includes(user.id) ||
      participants.some((p) => delegators.includes(p)) ||
      actions.some((a) => a.actorId === user.id) ||
      row.context.leadDepartmentId === user.departmentId ||
      row.context.coDepartmentIds.includes(user.departmentId);
    if (!visible) throw ApprovalException.forbidden();

    const userIds = [
      ...participants,
      ...state.steps.flatMap((s) => [...s.decisions.flatMap((d) => [d.userId, d.onBehalfOf ?? d.userId])]),
      ...allActions.flatMap(actionUserIds),
    ].filter((x): x is string => typeof x === 'string');
    const names = await this.names(userIds);
    const ref = (uid: string): TaskUserRef => ({ id: uid, displayName: names.get(uid) ?? uid });
    const stepNames = new Map(state.steps.map((s) => [s.key, s.name]));
    const delegations = await this.delegations.delegationsTo(m, user.id);
    const now = new Date().toISOString();

    const allowed: ApprovalUserAction[] = [];
    if (state.status === 'in_progress') {
      if (canAct(state, user.id, delegations, now)) allowed.push('approve', 'reject', 'return', 'transfer', 'addSigner');
      if (state.drafterId === user.id && !hasAnyDecision(state)) allowed.push('withdraw');
      if (participants.includes(user.id) || allowed.length > 0) allowed.push('comment');
    }
    const timeline = actions.map((a) => toTimelineEntry(a, ref, stepNames));
    const round = rounds.findIndex((r) => r.id === id) + 1;
    const otherRounds: ApprovalRoundResponse[] = rounds.flatMap((r, index) => {
      if (r.id === id) return [];
      const names = new Map(r.state.steps.map((step) => [step.key, step.name]));
      return [{
        id: r.id,
        round: index + 1,
        status: r.status,
        createdAt: new Date(r.createdAt).toISOString(),
        finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
        timeline: allActions.filter((a) => a.instanceId === r.id).map((a) => toTimelineEntry(a, ref, names)),
      }];
    });
    return {
      ...this.toItem(row, names, row.pendingApprovers.filter((p) => p !== user.id && delegators.includes(p))),
      templateName: state.templateSnapshot.name,
      templateVersion: state.templateSnapshot.version,
      steps: state.steps.map((s) => ({
        key: s.key,
        name: s.name,
        mode: s.mode,
        status: s.status,
        approvers: s.approvers.map(ref),
        escalatedTo: s.escalatedTo.map(ref),
        decisions: s.decisions.map((d) => ({
          user: ref(d.userId),
          onBehalfOf: d.onBehalfOf ? ref(d.onBehalfOf) : null,
          action: d.action,
          comment: d.comment ?? null,
          at: d.at,
        })),
        activatedAt: s.activatedAt ?? null,
        timeouts: s.timeouts,
      })),
      cc: state.cc.map(ref),
      timeline,
      allowedActions: allowed,
      stepDeadline: row.stepDeadline ? new Date(row.stepDeadline).toISOString() : null,
      round,
      otherRounds,
    };
  }

  private toItem(r: InboxRow, names: Map<string, string>, onBehalfOf: string[]): ApprovalInboxItem {
    const ref = (uid: string): TaskUserRef => ({ id: uid, displayName: names.get(uid) ?? uid });
    const step = currentApprovalStep(r.state) ?? (r.state.steps[r.state.currentStepIndex] ?? null);
    const department: TaskDepartmentRef | null = r.departmentId ? { id: r.departmentId, code: r.departmentCode ?? '', name: r.departmentName ?? '' } : null;
    return {
      id: r.id,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      taskId: r.taskId,
      task: r.taskCode ? { code: r.taskCode, planCode: r.planCode ?? '', planTitle: r.planTitle ?? '' } : null,
      templateCode: r.templateCode,
      title: r.title,
      link: r.link,
      status: r.status,
      currentStep: step ? { key: step.key, name: step.name } : null,
      drafter: ref(r.drafterId),
      department,
      pendingApprovers: r.pendingApprovers.map(ref),
      onBehalfOf: onBehalfOf.map(ref),
      version: r.version,
      createdAt: new Date(r.createdAt).toISOString(),
      updatedAt: new Date(r.updatedAt).toISOString(),
    };
  }

  /** Instances' statuses by id, for the subjects that show them. */
  async statuses(m: Sql, ids: readonly (string | null | undefined)[]): Promise<Map<string, ApprovalInstanceStatus>> {
    const rows = await rowsById<{ id: string; status: ApprovalInstanceStatus }>(m, `SELECT i.id, i.status FROM approval_instance i WHERE i.id = ANY($1::uuid[])`, ids);
    return new Map([...rows.values()].map((r) => [r.id, r.status]));
  }

  private names(ids: string[]): Promise<Map<string, string>> {
    return this.users.displayNames(this.dataSource, ids);
  }

  /** Fills the department, task and plan the rows name, from their owners, a batch per owner. */
  private async withRefs<R extends InboxRow>(rows: Omit<R, InboxRefs>[]): Promise<R[]> {
    const [departments, tasks] = await Promise.all([
      this.users.departments(this.dataSource, rows.map((r) => r.departmentId)),
      this.subjects.taskLabels(this.dataSource, [...new Set(rows.flatMap((r) => (r.taskId ? [r.taskId] : [])))]),
    ]);
    for (const r of rows) {
      const d = r.departmentId ? departments.get(r.departmentId) : undefined;
      const t = r.taskId ? tasks.get(r.taskId) : undefined;
      Object.assign(r, { departmentCode: d?.code ?? null, departmentName: d?.name ?? null, taskCode: t?.code ?? null, planCode: t?.planCode ?? null, planTitle: t?.planTitle ?? null });
    }
    return rows as R[];
  }
}
