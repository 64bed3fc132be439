import type { MigrationInterface, QueryRunner } from 'typeorm';

const REPORT_STATES = `'draft', 'submitted', 'in_approval', 'approved', 'returned', 'rejected'`;

/**
 * Requests about a task become one table with kinds as plug-ins (libs/server/requests): 延期申请 and
 * 办结申请 move in, keeping their ids (their approval instances point at them), and 任务变更申请 is
 * the first kind added on the new extension point. The approval subject type is no longer a closed
 * SQL list: the kind registry refuses unknown kinds at start-up and an instance needs its template.
 */
export class OneTaskRequestTable1780700000000 implements MigrationInterface {
  name = 'OneTaskRequestTable1780700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE task_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        kind text NOT NULL CHECK (kind ~ '^[a-z_]{1,40}$'),
        reason text NOT NULL CHECK (reason <> ''),
        payload jsonb NOT NULL DEFAULT '{}',
        -- What approval changes, as filed; once approved, as applied ([{field, from, to}]).
        changes jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL CHECK (status IN (${REPORT_STATES})),
        approval_instance_id uuid REFERENCES approval_instance(id),
        return_comment text,
        requested_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    // At most one open request of a kind per task.
    await q.query(`CREATE UNIQUE INDEX task_request_open_key ON task_request (task_id, kind) WHERE status IN ('submitted', 'in_approval')`);
    await q.query(`CREATE INDEX task_request_task_idx ON task_request (task_id, created_at)`);
    await q.query(`CREATE INDEX task_request_instance_idx ON task_request (approval_instance_id)`);
    await q.query(`CREATE INDEX task_request_requested_by_idx ON task_request (requested_by)`);

    await q.query(`
      INSERT INTO task_request (id, task_id, kind, reason, payload, changes, status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at)
      SELECT id, task_id, 'extension_request', reason, jsonb_build_object('newDueDate', new_due_date::text),
             jsonb_build_array(jsonb_build_object('field', 'dueDate', 'from', current_due_date::text, 'to', new_due_date::text)),
             status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at
        FROM extension_request`);
    await q.query(`
      INSERT INTO task_request (id, task_id, kind, reason, payload, changes, status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at)
      SELECT id, task_id, 'completion_request', summary, jsonb_build_object('evidenceIds', to_jsonb(evidence_ids)),
             jsonb_build_array(jsonb_build_object('field', 'status', 'from', 'in_progress', 'to', 'completed')),
             status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at
        FROM completion_request`);
    await q.query(`DROP TABLE extension_request`);
    await q.query(`DROP TABLE completion_request`);
    await q.query(`ALTER TABLE approval_instance DROP CONSTRAINT approval_instance_subject_type_check`);
    await q.query(`ALTER TABLE approval_instance ADD CONSTRAINT approval_instance_subject_type_check CHECK (subject_type ~ '^[a-z_]{1,40}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE extension_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        current_due_date date,
        new_due_date date NOT NULL,
        reason text NOT NULL CHECK (reason <> ''),
        status text NOT NULL CHECK (status IN (${REPORT_STATES})),
        approval_instance_id uuid REFERENCES approval_instance(id),
        return_comment text,
        requested_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX extension_request_open_key ON extension_request (task_id) WHERE status IN ('submitted', 'in_approval')`);
    await q.query(`CREATE INDEX extension_request_task_idx ON extension_request (task_id, created_at)`);
    await q.query(`CREATE INDEX extension_request_instance_idx ON extension_request (approval_instance_id)`);
    await q.query(`CREATE INDEX extension_request_requested_by_idx ON extension_request (requested_by)`);
    await q.query(`
      CREATE TABLE completion_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        summary text NOT NULL CHECK (summary <> ''),
        evidence_ids uuid[] NOT NULL CHECK (cardinality(evidence_ids) > 0),
        status text NOT NULL CHECK (status IN (${REPORT_STATES})),
        approval_instance_id uuid REFERENCES approval_instance(id),
        return_comment text,
        requested_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX completion_request_open_key ON completion_request (task_id) WHERE status IN ('submitted', 'in_approval')`);
    await q.query(`CREATE INDEX completion_request_task_idx ON completion_request (task_id, created_at)`);
    await q.query(`CREATE INDEX completion_request_instance_idx ON completion_request (approval_instance_id)`);
    await q.query(`CREATE INDEX completion_request_requested_by_idx ON completion_request (requested_by)`);
    await q.query(`
      INSERT INTO extension_request (id, task_id, current_due_date, new_due_date, reason, status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at)
      SELECT id, task_id, (changes->0->>'from')::date, (payload->>'newDueDate')::date, reason, status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at
        FROM task_request WHERE kind = 'extension_request'`);
    await q.query(`
      INSERT INTO completion_request (id, task_id, summary, evidence_ids, status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at)
      SELECT id, task_id, reason, ARRAY(SELECT jsonb_array_elements_text(payload->'evidenceIds'))::uuid[], status, approval_instance_id, return_comment, requested_by, created_at, updated_at, decided_at
        FROM task_request WHERE kind = 'completion_request'`);
    // Kinds the old schema has no table for lose their requests and approval instances.
    const lost = `SELECT id FROM approval_instance WHERE subject_type NOT IN ('progress_report', 'extension_request', 'completion_request', 'special_action_plan')`;
    await q.query(`DELETE FROM task_request WHERE approval_instance_id IN (${lost})`);
    await q.query(`DELETE FROM approval_action WHERE instance_id IN (${lost})`);
    await q.query(`DELETE FROM approval_instance WHERE id IN (${lost})`);
    await q.query(`DROP TABLE task_request`);
    await q.query(`ALTER TABLE approval_instance DROP CONSTRAINT approval_instance_subject_type_check`);
    await q.query(
      `ALTER TABLE approval_instance ADD CONSTRAINT approval_instance_subject_type_check
         CHECK (subject_type IN ('progress_report', 'extension_request', 'completion_request', 'special_action_plan'))`,
    );
  }
}
