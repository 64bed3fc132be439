import type { TaskInstructionResponse } from '@luoshi/contracts';

/** A 批示 as both the task page and the 批示 list read it (task_instruction `i`). */
export interface InstructionRow {
  id: string;
  text: string;
  authorId: string;
  createdAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

/** The columns of InstructionRow, for `SELECT ${INSTRUCTION_COLUMNS} FROM task_instruction i`. */
export const INSTRUCTION_COLUMNS = `i.id, i.text, i.author_id AS "authorId", i.created_at AS "createdAt",
              i.answer, i.answered_by AS "answeredBy", i.answered_at AS "answeredAt"`;

/** Whose names toInstructionResponse shows (read in one batch from identity). */
export const instructionUserIds = (rows: readonly InstructionRow[]) => rows.flatMap((r) => [r.authorId, r.answeredBy]);

export function toInstructionResponse(r: InstructionRow, names: Map<string, string>): TaskInstructionResponse {
  return {
    id: r.id,
    text: r.text,
    author: { id: r.authorId, displayName: names.get(r.authorId) ?? '' },
    createdAt: new Date(r.createdAt).toISOString(),
    answer: r.answer,
    answeredBy: r.answeredBy ? { id: r.answeredBy, displayName: names.get(r.answeredBy) ?? '' } : null,
    answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
  };
}
