import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentityAndAudit1764300000000 implements MigrationInterface {
  name = 'CreateIdentityAndAudit1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        short_name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('office', 'provincial', 'city', 'county')),
        parent_id uuid REFERENCES department(id),
        aliases text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        department_id uuid NOT NULL REFERENCES department(id),
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        active boolean NOT NULL DEFAULT true,
        demo boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`);
    await q.query(`CREATE INDEX app_user_department_idx ON app_user (department_id)`);
    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        refresh_token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id)`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_name text,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        before jsonb,
        after jsonb,
        request_id text,
        ip text
      )`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at DESC)`);
    await q.query(`CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC)`);
    // The audit log is append-only in the database itself, whatever the application does.
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change`);
    await q.query(`DROP TABLE auth_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE department`);
  }
}
