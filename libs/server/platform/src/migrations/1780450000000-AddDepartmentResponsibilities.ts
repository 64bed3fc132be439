import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily use (issue 13): each department's responsibilities (职责) as text, which the assignment
 * suggestions read alongside the plan's duties and past assignments.
 */
export class AddDepartmentResponsibilities1780450000000 implements MigrationInterface {
  name = 'AddDepartmentResponsibilities1780450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE department ADD COLUMN responsibilities text NOT NULL DEFAULT ''`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE department DROP COLUMN responsibilities`);
  }
}
