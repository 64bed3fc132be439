import type { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT_TYPES = `'progress_report', 'extension_request', 'completion_request', 'special_action_plan'`;
const APPROVAL_STATUSES = `'in_progress', 'approved', 'rejected', 'returned_to_drafter', 'withdrawn'`;
const APPROVAL_ACTIONS = `'start', 'approve', 'reject', 'return', 'transfer', 'addSigner', 'withdraw', 'comment', 'timeout'`;
const REPORT_STATES = `'draft', 'submitted', 'in_approval', 'approved', 'returned', 'rejected'`;

export class CreateApprovalsAndReports1764600000000 implements MigrationInterface {
  name = 'CreateApprovalsAndReports1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Templates: edited by the office; an edit bumps the version. Running instances keep the snapshot
    // taken at their start (approval_instance.state.templateSnapshot), so an edit never reaches them.
    await q.query(`
      CREATE TABLE approval_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        steps jsonb NOT NULL,
        cc jsonb NOT NULL DEFAULT '[]',
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX approval_template_updated_by_idx ON approval_template (updated_by)`);

    // One run of a template over one subject. state is the engine's ApprovalInstanceState; the other
    // columns are derived from it on every write so the inbox is answered by indexes, not by jsonb.
    // version is the optimistic lock: every action is UPDATE … WHERE id = $1 AND version = $2.
    await q.query(`
      CREATE TABLE approval_instance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_code text NOT NULL,
        template_version integer NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN (${SUBJECT_TYPES})),
        subject_id uuid NOT NULL,
        task_id uuid REFERENCES task(id),
        department_id uuid REFERENCES department(id),
        context jsonb NOT NULL DEFAULT '{}',
        title text NOT NULL,
        link text,
        state jsonb NOT NULL,
        status text NOT NULL CHECK (status IN (${APPROVAL_STATUSES})),
        current_step_key text,
        pending_approvers uuid[] NOT NULL DEFAULT '{}',
        cc_user_ids uuid[] NOT NULL DEFAULT '{}',
        step_deadline timestamptz,
        version integer NOT NULL DEFAULT 1,
        drafter_id uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX approval_instance_subject_idx ON approval_instance (subject_type, subject_id)`);
    await q.query(`CREATE INDEX approval_instance_task_idx ON approval_instance (task_id)`);
    await q.query(`CREATE INDEX approval_instance_department_idx ON approval_instance (department_id)`);
    await q.query(`CREATE INDEX approval_instance_drafter_idx ON approval_instance (drafter_id, created_at DESC)`);
    await q.query(`CREATE INDEX approval_instance_template_idx ON approval_instance (template_code)`);
    // Inbox "to do": who is awaited now (GIN, open instances only); "cc": who was copied.
    await q.query(`CREATE INDEX approval_instance_pending_idx ON approval_instance USING gin (pending_approvers) WHERE status = 'in_progress'`);
    await q.query(`CREATE INDEX approval_instance_cc_idx ON approval_instance USING gin (cc_user_ids)`);
    await q.query(`CREATE INDEX approval_instance_updated_idx ON approval_instance (updated_at DESC)`);
    // Step timeouts: the reconciler looks for open instances whose step deadline has passed.
    await q.query(`CREATE INDEX approval_instance_deadline_idx ON approval_instance (step_deadline) WHERE status = 'in_progress'`);

    // The action log: one row per accepted action, append-only like the audit log.
    await q.query(`
      CREATE TABLE approval_action (
        id bigserial PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES approval_instance(id),
        actor_id uuid REFERENCES app_user(id),
        on_behalf_of uuid REFERENCES app_user(id),
        action text NOT NULL CHECK (action IN (${APPROVAL_ACTIONS})),
        comment text,
        step_key text,
        target_user_id uuid REFERENCES app_user(id),
        data jsonb NOT NULL DEFAULT '{}',
        version integer NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (instance_id, version)
      )`);
    // Inbox "done": the instances a user decided.
    await q.query(`CREATE INDEX approval_action_actor_idx ON approval_action (actor_id, at DESC)`);
    await q.query(`CREATE INDEX approval_action_on_behalf_idx ON approval_action (on_behalf_of)`);
    await q.query(`CREATE INDEX approval_action_target_idx ON approval_action (target_user_id)`);
    await q.query(`
      CREATE FUNCTION approval_action_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'approval_action is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER approval_action_append_only BEFORE UPDATE OR DELETE ON approval_action
      FOR EACH ROW EXECUTE FUNCTION approval_action_refuse_change()`);

    // 委托: to_user may act for from_user on the Beijing dates from_date..to_date (inclusive).
    await q.query(`
      CREATE TABLE approval_delegation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_user_id uuid NOT NULL REFERENCES app_user(id),
        to_user_id uuid NOT NULL REFERENCES app_user(id),
        from_date date NOT NULL,
        to_date date NOT NULL,
        reason text,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CONSTRAINT approval_delegation_dates CHECK (to_date >= from_date),
        CONSTRAINT approval_delegation_not_self CHECK (from_user_id <> to_user_id)
      )`);
    await q.query(`CREATE INDEX approval_delegation_to_idx ON approval_delegation (to_user_id, from_date, to_date)`);
    await q.query(`CREATE INDEX approval_delegation_from_idx ON approval_delegation (from_user_id)`);
    await q.query(`CREATE INDEX approval_delegation_created_by_idx ON approval_delegation (created_by)`);

    // Evidence (佐证材料) and drafts: bytes live in the storage under storage_key (never derived from
    // the user's file name); the row keeps the checked type, the size and the SHA-256.
    await q.query(`
      CREATE TABLE evidence_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_type text NOT NULL CHECK (owner_type IN ('progress_report', 'task', 'special_action_plan')),
        owner_id uuid NOT NULL,
        file_name text NOT NULL CHECK (file_name <> ''),
        content_type text NOT NULL,
        size bigint NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX evidence_file_owner_idx ON evidence_file (owner_type, owner_id, uploaded_at)`);
    await q.query(`CREATE INDEX evidence_file_uploaded_by_idx ON evidence_file (uploaded_by)`);

    await q.query(`
      CREATE TABLE progress_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES task(id),
        period_key text NOT NULL,
        period_label text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_date date NOT NULL,
        locks_on date NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (${REPORT_STATES})),
        content text NOT NULL DEFAULT '',
        progress integer CHECK (progress BETWEEN 0 AND 100),
        risks text NOT NULL DEFAULT '',
        next_steps text NOT NULL DEFAULT '',
        red_explanation text,
        late boolean NOT NULL DEFAULT false,
        first_submitted_at timestamptz,
        submitted_at timestamptz,
        approved_at timestamptz,
        author_id uuid REFERENCES app_user(id),
        approval_instance_id uuid REFERENCES approval_instance(id),
        return_comment text,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT progress_report_period_key UNIQUE (task_id, period_key),
        CONSTRAINT progress_report_period_range CHECK (period_end >= period_start)
      )`);
    await q.query(`CREATE INDEX progress_report_author_idx ON progress_report (author_id)`);
    await q.query(`CREATE INDEX progress_report_instance_idx ON progress_report (approval_instance_id)`);
    await q.query(`CREATE INDEX progress_report_status_due_idx ON progress_report (status, due_date)`);

    // Co-departments' input to a report (one per department), merged into the text by the lead.
    await q.query(`
      CREATE TABLE report_contribution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES progress_report(id),
        department_id uuid NOT NULL REFERENCES department(id),
        content text NOT NULL CHECK (content <> ''),
        submitted_by uuid NOT NULL REFERENCES app_user(id),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        merged_at timestamptz,
        merged_by uuid REFERENCES app_user(id),
        CONSTRAINT report_contribution_department_key UNIQUE (report_id, department_id)
      )`);
    await q.query(`CREATE INDEX report_contribution_department_idx ON report_contribution (department_id)`);
    await q.query(`CREATE INDEX report_contribution_submitted_by_idx ON report_contribution (submitted_by)`);
    await q.query(`CREATE INDEX report_contribution_merged_by_idx ON report_contribution (merged_by)`);

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
    // At most one open extension request per task.
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

    // A task may be a measure's work or a special action plan to draft (its deliverable is a document).
    await q.query(`ALTER TABLE task ADD COLUMN kind text NOT NULL DEFAULT 'measure' CHECK (kind IN ('measure', 'special_action_plan'))`);

    await q.query(`
      CREATE TABLE special_action_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id),
        duty_id uuid NOT NULL UNIQUE REFERENCES plan_duty(id),
        task_id uuid NOT NULL UNIQUE REFERENCES task(id),
        deliverable text NOT NULL,
        lead_department_id uuid REFERENCES department(id),
        co_department_ids uuid[] NOT NULL DEFAULT '{}',
        draft_evidence_id uuid REFERENCES evidence_file(id),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN (${REPORT_STATES})),
        approval_instance_id uuid REFERENCES approval_instance(id),
        return_comment text,
        child_plan_id uuid UNIQUE REFERENCES plan(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX special_action_plan_plan_idx ON special_action_plan (plan_id)`);
    await q.query(`CREATE INDEX special_action_plan_lead_idx ON special_action_plan (lead_department_id)`);
    await q.query(`CREATE INDEX special_action_plan_draft_idx ON special_action_plan (draft_evidence_id)`);
    await q.query(`CREATE INDEX special_action_plan_instance_idx ON special_action_plan (approval_instance_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE special_action_plan`);
    await q.query(`ALTER TABLE task DROP COLUMN kind`);
    for (const table of ['completion_request', 'extension_request', 'report_contribution', 'progress_report', 'evidence_file', 'approval_delegation']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP TABLE approval_action`);
    await q.query(`DROP FUNCTION approval_action_refuse_change`);
    await q.query(`DROP TABLE approval_instance`);
    await q.query(`DROP TABLE approval_template`);
  }
}
