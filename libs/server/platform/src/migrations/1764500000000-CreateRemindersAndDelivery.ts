import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRemindersAndDelivery1764500000000 implements MigrationInterface {
  name = 'CreateRemindersAndDelivery1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Reminder rows are the truth; BullMQ only keeps time (architecture §5).
    await q.query(`
      CREATE TABLE reminder (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (subject_type IN ('task', 'approval_step', 'report_period')),
        subject_id uuid NOT NULL,
        deadline date NOT NULL,
        key text NOT NULL,
        fire_at timestamptz NOT NULL,
        level text NOT NULL,
        recipients text[] NOT NULL,
        title text NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'sent', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        cancelled_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX reminder_live_key ON reminder (subject_type, subject_id, deadline, key) WHERE status <> 'cancelled'`);
    await q.query(`CREATE INDEX reminder_due_idx ON reminder (fire_at) WHERE status = 'scheduled'`);
    await q.query(`CREATE INDEX reminder_subject_idx ON reminder (subject_type, subject_id)`);
    await q.query(`
      CREATE TABLE reminder_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL CHECK (scope IN ('global', 'plan', 'task')),
        scope_id uuid,
        rule jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE NULLS NOT DISTINCT (scope, scope_id)
      )`);
    // The delivery ledger: one notification per reminder and user, whatever happens to the job.
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN reminder_id uuid REFERENCES reminder(id),
        ADD COLUMN subject_type text,
        ADD COLUMN subject_id uuid,
        ADD COLUMN level text`);
    await q.query(`CREATE UNIQUE INDEX notification_reminder_user_key ON notification (reminder_id, user_id) WHERE reminder_id IS NOT NULL`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        email text,
        email_enabled boolean NOT NULL DEFAULT false,
        daily_digest boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_endpoint (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid REFERENCES department(id),
        name text NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notification_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notification_id uuid REFERENCES notification(id) ON DELETE CASCADE,
        reminder_id uuid REFERENCES reminder(id),
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        target text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'held', 'sent', 'failed')),
        digest_key text,
        user_id uuid REFERENCES app_user(id),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_delivery_once ON notification_delivery (reminder_id, channel, target) WHERE reminder_id IS NOT NULL`);
    await q.query(`CREATE INDEX notification_delivery_status_idx ON notification_delivery (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_delivery`);
    await q.query(`DROP TABLE webhook_endpoint`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP INDEX notification_unread_idx`);
    await q.query(`DROP INDEX notification_reminder_user_key`);
    await q.query(`ALTER TABLE notification DROP COLUMN reminder_id, DROP COLUMN subject_type, DROP COLUMN subject_id, DROP COLUMN level`);
    await q.query(`DROP TABLE reminder_rule`);
    await q.query(`DROP TABLE reminder`);
  }
}
