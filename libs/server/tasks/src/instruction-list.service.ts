import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { InstructionListItem, InstructionListResponse, InstructionState, TaskStatus } from '@luoshi/contracts';
import { type AuthUser, seesAllDepartments } from '@luoshi/server/platform';
import { INSTRUCTION_AUTHORS, INSTRUCTION_COLUMNS, type InstructionRow, toInstructionResponse } from './instruction-row';

interface Row extends InstructionRow {
  taskId: string;
  taskCode: string;
  taskTitle: string;
  taskStatus: TaskStatus;
  planCode: string;
  planTitle: string;
  leadId: string | null;
  leadCode: string | null;
  leadName: string | null;
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
              pl.code AS "planCode", pl.title AS "planTitle", d.id AS "leadId", d.code AS "leadCode", d.name AS "leadName"
         FROM (SELECT i.* FROM task_instruction i WHERE ${scope} AND ${STATE_WHERE[query.state]}
                ORDER BY i.created_at DESC, i.id DESC LIMIT $2 OFFSET $3) i
         ${INSTRUCTION_AUTHORS}
         JOIN task t ON t.id = i.task_id
         JOIN plan pl ON pl.id = t.plan_id
         LEFT JOIN department d ON d.id = t.lead_department_id
        ORDER BY i.created_at DESC, i.id DESC`,
      [user.id, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const total = query.state === 'open' ? counts.open : query.state === 'answered' ? counts.answered : counts.open + counts.answered;
    return { items: rows.map(toItem), total, counts, page: query.page, pageSize: query.pageSize };
  }
}

function toItem(r: Row): InstructionListItem {
  return {
    ...toInstructionResponse(r),
    task: {
      id: r.taskId,
      code: r.taskCode,
      title: r.taskTitle,
      planCode: r.planCode,
      planTitle: r.planTitle,
      status: r.taskStatus,
      leadDepartment: r.leadId ? { id: r.leadId, code: r.leadCode ?? '', name: r.leadName ?? '' } : null,
    },
  };
}
