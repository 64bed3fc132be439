import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan import reads real documents (issue 11): .pdf and .doc sources; the preamble, the corruption
 * verdict and the options a version was imported with; duties with several leads, collective units,
 * unknown names and 完成时限; an indicator's 属性 (约束性/预期性).
 */
export class ExtendPlanImport1780150000000 implements MigrationInterface {
  name = 'ExtendPlanImport1780150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_version DROP CONSTRAINT plan_version_format_check`);
    await q.query(`ALTER TABLE plan_version ADD CONSTRAINT plan_version_format_check CHECK (format IN ('txt', 'md', 'docx', 'pdf', 'doc'))`);
    await q.query(`ALTER TABLE plan_version ADD COLUMN preamble text NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE plan_version ADD COLUMN corruption jsonb`);
    await q.query(`ALTER TABLE plan_version ADD COLUMN options jsonb`);

    await q.query(`
      ALTER TABLE plan_duty
        ADD COLUMN lead_department_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN lead_names text[] NOT NULL DEFAULT '{}',
        ADD COLUMN collective_names text[] NOT NULL DEFAULT '{}',
        ADD COLUMN unresolved_names text[] NOT NULL DEFAULT '{}',
        ADD COLUMN deadline_text text,
        ADD COLUMN deadline date,
        ADD COLUMN source text NOT NULL DEFAULT 'sentence' CHECK (source IN ('annotation', 'annex_table', 'sentence'))`);
    // Existing rows: the single lead becomes the list (a null id stays a null entry, parallel to the name).
    await q.query(`UPDATE plan_duty SET lead_department_ids = ARRAY[lead_department_id], lead_names = ARRAY[lead_name] WHERE lead_name <> ''`);
    // Annotation duties are keyed by their measure: two measures may share a deliverable's wording.
    await q.query(`ALTER TABLE plan_duty DROP CONSTRAINT plan_duty_plan_id_deliverable_key`);
    await q.query(`CREATE UNIQUE INDEX plan_duty_node_deliverable_key ON plan_duty (plan_id, node_id, deliverable) NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX plan_duty_node_idx ON plan_duty (node_id) WHERE retired_in_version IS NULL`);

    await q.query(`ALTER TABLE indicator ADD COLUMN attribute text CHECK (attribute IN ('约束性', '预期性'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator DROP COLUMN attribute`);
    await q.query(`DROP INDEX plan_duty_node_idx`);
    await q.query(`DROP INDEX plan_duty_node_deliverable_key`);
    await q.query(`ALTER TABLE plan_duty ADD CONSTRAINT plan_duty_plan_id_deliverable_key UNIQUE (plan_id, deliverable)`);
    await q.query(`
      ALTER TABLE plan_duty
        DROP COLUMN lead_department_ids, DROP COLUMN lead_names, DROP COLUMN collective_names,
        DROP COLUMN unresolved_names, DROP COLUMN deadline_text, DROP COLUMN deadline, DROP COLUMN source`);
    await q.query(`ALTER TABLE plan_version DROP COLUMN options, DROP COLUMN corruption, DROP COLUMN preamble`);
    await q.query(`ALTER TABLE plan_version DROP CONSTRAINT plan_version_format_check`);
    await q.query(`ALTER TABLE plan_version ADD CONSTRAINT plan_version_format_check CHECK (format IN ('txt', 'md', 'docx'))`);
  }
}
