import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Searching a code (2.1.2) in the task list: the code itself and its prefixes (2.1.2-1, 2.1.2.1)
 * across every plan, answered by a pattern index instead of a scan of all tasks.
 */
export class AddTaskCodeIndex1780413000000 implements MigrationInterface {
  name = 'AddTaskCodeIndex1780413000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX task_code_pattern_idx ON task (code text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_code_pattern_idx`);
  }
}
