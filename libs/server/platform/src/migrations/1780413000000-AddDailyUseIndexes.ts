import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily use (issue 13): searching a code (2.1.2) in the task list finds the code and its prefixes
 * (2.1.2-1, 2.1.2.1) across every plan from a pattern index; a leader's 批示 page lists their own
 * instructions, newest first, from an index on the author.
 */
export class AddDailyUseIndexes1780413000000 implements MigrationInterface {
  name = 'AddDailyUseIndexes1780413000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX task_code_pattern_idx ON task (code text_pattern_ops)`);
    await q.query(`CREATE INDEX task_instruction_author_idx ON task_instruction (author_id, created_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_instruction_author_idx`);
    await q.query(`DROP INDEX task_code_pattern_idx`);
  }
}
