import type { MigrationInterface, QueryRunner } from 'typeorm';

const TASK_STATES = `'draft', 'assigned', 'accepted', 'in_progress', 'completion_requested', 'completed', 'suspended', 'cancelled'`;

export class CreateTasks1764400100000 implements MigrationInterface {
  name = 'CreateTasks1764400100000';

  async up(q: QueryRunner): Promise<void> {
    // Chinese search. pg_trgm needs 3-character trigrams (a 2-character word like 交通 yields none
    // it can use), so each task keeps the set of its lower-cased single characters and character
    // bigrams in a GIN-indexed array. A search term's bigrams (or its one character) must all be in
    // the set (@>, answered by the index) and a final ILIKE keeps the result exact. Recall equals
    // ILIKE: every substring match of a term contains all of the term's bigrams.
    await q.query(`
      CREATE FUNCTION luoshi_search_grams(doc text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g.gram), '{}'::text[])
          FROM (SELECT lower(doc) AS s) src
          CROSS JOIN LATERAL (
            SELECT substr(src.s, i, 1) AS gram FROM generate_series(1, length(src.s)) AS i
            UNION ALL
            SELECT substr(src.s, i, 2) FROM generate_series(1, length(src.s) - 1) AS i
          ) g
         WHERE g.gram !~ '\\s'
      $$`);
    await q.query(`
      CREATE FUNCTION luoshi_search_query_grams(term text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT CASE WHEN length(src.s) = 1 THEN (CASE WHEN src.s ~ '\\s' THEN '{}'::text[] ELSE ARRAY[src.s] END)
                    ELSE (SELECT coalesce(array_agg(DISTINCT substr(src.s, i, 2)), '{}'::text[])
                            FROM generate_series(1, length(src.s) - 1) AS i
                           WHERE substr(src.s, i, 2) !~ '\\s')
               END
          FROM (SELECT lower(term) AS s) src
      $$`);
    await q.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        measure_node_id uuid NOT NULL REFERENCES plan_node(id),
        code text NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        body text NOT NULL DEFAULT '',
        lead_department_id uuid REFERENCES department(id),
        co_department_ids uuid[] NOT NULL DEFAULT '{}',
        owner_user_id uuid REFERENCES app_user(id),
        start_date date,
        due_date date,
        deadline_text text,
        reporting_cycle text NOT NULL DEFAULT 'quarterly'
          CHECK (reporting_cycle IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'none')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (${TASK_STATES})),
        resume_to text CHECK (resume_to IN (${TASK_STATES})),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        last_report_at timestamptz,
        last_report_late boolean NOT NULL DEFAULT false,
        returned_reason text,
        returned_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_grams text[] GENERATED ALWAYS AS (luoshi_search_grams(title || ' ' || body)) STORED,
        CONSTRAINT task_due_after_start CHECK (due_date IS NULL OR start_date IS NULL OR due_date >= start_date),
        CONSTRAINT task_status_needs_lead CHECK (status = 'draft' OR status = 'cancelled' OR lead_department_id IS NOT NULL),
        CONSTRAINT task_plan_code_key UNIQUE (plan_id, code)
      )`);
    await q.query(`CREATE INDEX task_measure_idx ON task (measure_node_id)`);
    await q.query(`CREATE INDEX task_lead_idx ON task (lead_department_id)`);
    await q.query(`CREATE INDEX task_co_departments_idx ON task USING gin (co_department_ids) WITH (fastupdate = off)`);
    await q.query(`CREATE INDEX task_status_due_idx ON task (status, due_date)`);
    await q.query(`CREATE INDEX task_due_idx ON task (due_date)`);
    await q.query(`CREATE INDEX task_updated_idx ON task (updated_at DESC)`);
    // fastupdate off: entries go straight into the index instead of a pending list. Tasks are written
    // rarely, and a pending list makes the planner cost the index too high and scan the table.
    await q.query(`CREATE INDEX task_search_grams_idx ON task USING gin (search_grams) WITH (fastupdate = off)`);

    await q.query(`
      CREATE TABLE task_event (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES task(id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id),
        actor_name text,
        kind text NOT NULL,
        body text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX task_event_task_idx ON task_event (task_id, at, id)`);

    await q.query(`
      CREATE TABLE task_instruction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        author_id uuid NOT NULL REFERENCES app_user(id),
        text text NOT NULL CHECK (text <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        answer text,
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz
      )`);
    await q.query(`CREATE INDEX task_instruction_task_idx ON task_instruction (task_id, created_at)`);

    // Minimal in-app notification rows; delivery (SSE, e-mail, webhooks) comes with the reminders work.
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);

    // Words that suggest a department for a measure (交通 → 省交通运输厅); seeded, editable later.
    await q.query(`
      CREATE TABLE department_keyword (
        department_id uuid NOT NULL REFERENCES department(id),
        keyword text NOT NULL CHECK (keyword <> ''),
        PRIMARY KEY (department_id, keyword)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['department_keyword', 'notification', 'task_instruction', 'task_event', 'task']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION luoshi_search_query_grams`);
    await q.query(`DROP FUNCTION luoshi_search_grams`);
  }
}
