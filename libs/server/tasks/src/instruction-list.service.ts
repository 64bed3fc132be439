import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { InstructionListItem, InstructionListResponse, InstructionState, TaskStatus } from '@luoshi/contracts';
import { UserDirectory, type DepartmentRefRow } from '@luoshi/server/identity';
import { type AuthUser, seesAllDepartments } from '@luoshi/server/platform';
import { PlanReader, type PlanRefRow } from '@luoshi/server/plans';
import { INSTRUCTION_COLUMNS, type InstructionRow, instructionUserIds, toInstructionResponse } from './instruction-row';

interface Row extends InstructionRow {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  taskStatus: TaskStatus;
  planId: string;
  leadId: string | null;
}

/** What the rows name from other capabilities, read in one batch each. */
interface Refs {
  names: Map<string, string>;
  plans: Map<string, PlanRefRow>;
  departments: Map<string, DepartmentRefRow>;
}

const STATE_WHERE: Record<InstructionState, string> = {
  open: 'i.answer IS NULL',
  answered: 'i.answer IS NOT NULL',
  all: 'TRUE',
};

/**
 * GET /api/instructions: the 批示 page. A leader sees the instructions they gave, with the lead
 * department's answers and what is still open; office roles and viewers see every leader's.
 * Newest first (task_instruction_author_idx for a leader).
 */
@Injectable()
export class InstructionListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UserDirectory,
    private readonly plans: PlanReader,
  ) {}

  async list(query: { state: InstructionState; page: number; pageSize: number }, user: AuthUser): Promise<InstructionListResponse> {
    // Only leaders' own: a leader who also holds an office role still opens "my instructions" here.
    const mineOnly = user.roles.includes('leader') || !seesAllDepartments(user);
    const scope = mineOnly ? 'i.author_id = $1' : '$1::uuid IS NOT NULL';
    const [counts] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE i.answer IS NULL)::int AS open, count(*) FILTER (WHERE i.answer IS NOT NULL)::int AS answered
         FROM task_instruction i WHERE ${scope}`,
      [user.id],
    );
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${INSTRUCTION_COLUMNS},
              t.id AS "taskId", t.code AS "taskCode", t.title AS "taskTitle", t.status AS "taskStatus",
              t.plan_id AS "planId", t.lead_department_id AS "leadId"
         FROM (SELECT i.* FROM task_instruction i WHERE ${scope} AND ${STATE_WHERE[query.state]}
                ORDER BY i.created_at DESC, i.id DESC LIMIT $2 OFFSET $3) i
         JOIN task t ON t.id = i.task_id
        ORDER BY i.created_at DESC, i.id DESC`,
      [user.id, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const total = query.state === 'open' ? counts.open : query.state === 'answered' ? counts.answered : counts.open + counts.answered;
    const [names, plans, departments] = await Promise.all([
      this.users.displayNames(this.dataSource, instructionUserIds(rows)),
      this.plans.refs(this.dataSource, rows.map((r) => r.planId)),
      this.users.departments(this.dataSource, rows.map((r) => r.leadId)),
    ]);
    return { items: rows.map((r) => toItem(r, { names, plans, departments })), total, counts, page: query.page, pageSize: query.pageSize };
  }
}

function toItem(r: Row, refs: Refs): InstructionListItem {
  const plan = refs.plans.get(r.planId);
  const lead = r.leadId ? refs.departments.get(r.leadId) : undefined;
  return {
    ...toInstructionResponse(r, refs.names),
    task: {
      id: r.taskId,
      code: r.taskCode,
      title: r.taskTitle,
      planCode: plan?.code ?? '',
      planTitle: plan?.title ?? '',
      status: r.taskStatus,
      leadDepartment: r.leadId ? { id: r.leadId, code: lead?.code ?? '', name: lead?.name ?? '' } : null,
    },
  };
}
