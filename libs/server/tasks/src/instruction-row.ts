import type { TaskInstructionResponse } from '@luoshi/contracts';

/** A 批示 as both the task page and the 批示 list read it (task_instruction `i`, authors `a` and `b`). */
export interface InstructionRow {
  id: string;
  text: string;
  authorId: string;
  authorName: string;
  createdAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
}

export const INSTRUCTION_COLUMNS = `i.id, i.text, i.author_id AS "authorId", a.display_name AS "authorName", i.created_at AS "createdAt",
              i.answer, i.answered_by AS "answeredBy", b.display_name AS "answeredByName", i.answered_at AS "answeredAt"`;

/** The joins INSTRUCTION_COLUMNS needs, after `FROM task_instruction i` (or a subquery named i). */
export const INSTRUCTION_AUTHORS = `JOIN app_user a ON a.id = i.author_id
         LEFT JOIN app_user b ON b.id = i.answered_by`;

export function toInstructionResponse(r: InstructionRow): TaskInstructionResponse {
  return {
    id: r.id,
    text: r.text,
    author: { id: r.authorId, displayName: r.authorName },
    createdAt: new Date(r.createdAt).toISOString(),
    answer: r.answer,
    answeredBy: r.answeredBy ? { id: r.answeredBy, displayName: r.answeredByName ?? '' } : null,
    answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
  };
}
