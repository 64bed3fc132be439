import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlans1764300100000 implements MigrationInterface {
  name = 'CreatePlans1764300100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('action_plan', 'special_action_plan')),
        parent_plan_id uuid REFERENCES plan(id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        current_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE plan_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        version integer NOT NULL,
        title text NOT NULL,
        file_name text NOT NULL,
        format text NOT NULL CHECK (format IN ('txt', 'md', 'docx')),
        checksum text NOT NULL,
        stats jsonb NOT NULL,
        diff jsonb NOT NULL,
        corrections jsonb NOT NULL,
        warnings jsonb NOT NULL,
        imported_by uuid REFERENCES app_user(id),
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, version)
      )`);
    await q.query(`CREATE INDEX plan_version_checksum_idx ON plan_version (plan_id, checksum)`);
    // Nodes belong to the plan and keep their identity across versions, so tasks tied to an
    // unchanged measure survive a re-import; a removed node is retired, never deleted.
    await q.query(`
      CREATE TABLE plan_node (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        parent_id uuid REFERENCES plan_node(id),
        code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('part', 'section', 'measure', 'submeasure')),
        title text NOT NULL,
        body text NOT NULL,
        sort_order integer NOT NULL,
        inferred boolean NOT NULL DEFAULT false,
        source_line integer NOT NULL,
        first_version integer NOT NULL,
        changed_in_version integer NOT NULL,
        retired_in_version integer
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_node_live_code_key ON plan_node (plan_id, code) WHERE retired_in_version IS NULL`);
    await q.query(`CREATE INDEX plan_node_parent_idx ON plan_node (parent_id)`);
    await q.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        node_id uuid REFERENCES plan_node(id),
        name text NOT NULL,
        unit text NOT NULL,
        comparison text NOT NULL CHECK (comparison IN ('gte', 'lte', 'eq')),
        baseline numeric,
        baseline_year integer,
        targets jsonb NOT NULL,
        responsible_department_id uuid REFERENCES department(id),
        source_sentence text NOT NULL,
        retired_in_version integer,
        UNIQUE (plan_id, name, unit)
      )`);
    await q.query(`
      CREATE TABLE plan_duty (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        node_id uuid REFERENCES plan_node(id),
        deliverable text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('special_action_plan', 'general')),
        lead_department_id uuid REFERENCES department(id),
        lead_name text NOT NULL,
        co_department_ids uuid[] NOT NULL DEFAULT '{}',
        co_names text[] NOT NULL DEFAULT '{}',
        source_sentence text NOT NULL,
        retired_in_version integer,
        UNIQUE (plan_id, deliverable)
      )`);
    await q.query(`
      CREATE TABLE correction_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dictionary text NOT NULL,
        wrong text NOT NULL,
        "right" text NOT NULL,
        context text,
        note text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (dictionary, wrong, context)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['correction_entry', 'plan_duty', 'indicator', 'plan_node', 'plan_version', 'plan']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
