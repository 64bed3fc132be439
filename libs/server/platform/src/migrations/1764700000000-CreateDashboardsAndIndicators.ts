import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose changes alter a dashboard, a bulletin or the public summary. */
const WATCHED_TABLES = ['task', 'plan_node', 'indicator', 'indicator_value'];

export class CreateDashboardsAndIndicators1764700000000 implements MigrationInterface {
  name = 'CreateDashboardsAndIndicators1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Working days in (from_date, to_date] — from excluded, to included, negative when to < from —
    // the same rule as WorkingDayCalendar.countWorkingDays: Mon–Fri unless a holiday, Sat/Sun only
    // when a make-up working day (调休); a year without holiday rows falls back to weekends only.
    await q.query(`
      CREATE FUNCTION luoshi_working_days(from_date date, to_date date) RETURNS integer
      LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
        SELECT (CASE WHEN to_date >= from_date THEN 1 ELSE -1 END) * count(*)::int
          FROM generate_series(LEAST(from_date, to_date) + 1, GREATEST(from_date, to_date), interval '1 day') AS g(d)
          LEFT JOIN holiday h ON h.date = g.d::date
         WHERE CASE WHEN h.kind = 'holiday' THEN false
                    WHEN h.kind = 'makeupWorkday' THEN true
                    ELSE extract(isodow FROM g.d) < 6 END
      $$`);

    // One counter for every cached dashboard figure. Any committed change to a watched table bumps
    // it once per transaction; cache keys carry it, so a change makes the old entries unreachable.
    // The triggers are deferred to commit time: the counter row is locked last and only for the
    // commit, so two transactions writing tasks in different orders cannot deadlock on it.
    await q.query(`
      CREATE TABLE dashboard_data_version (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL DEFAULT 0,
        last_xact xid8,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO dashboard_data_version (id, version) VALUES (true, 0)`);
    await q.query(`
      CREATE FUNCTION luoshi_bump_dashboard_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Once per transaction: the first row event bumps, the rest see the transaction-local flag.
        IF current_setting('luoshi.dashboard_version_bumped', true) = 'on' THEN
          RETURN NULL;
        END IF;
        UPDATE dashboard_data_version SET version = version + 1, last_xact = pg_current_xact_id(), changed_at = now()
         WHERE id AND last_xact IS DISTINCT FROM pg_current_xact_id();
        PERFORM set_config('luoshi.dashboard_version_bumped', 'on', true);
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE TABLE indicator_value (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_id uuid NOT NULL REFERENCES indicator(id),
        plan_id uuid NOT NULL REFERENCES plan(id),
        year integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
        value numeric NOT NULL,
        note text NOT NULL CHECK (note <> ''),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'returned')),
        department_id uuid NOT NULL REFERENCES department(id),
        reported_by uuid NOT NULL REFERENCES app_user(id),
        reported_at timestamptz NOT NULL DEFAULT now(),
        reviewed_by uuid REFERENCES app_user(id),
        reviewed_at timestamptz,
        review_comment text,
        CHECK ((status = 'submitted') = (reviewed_at IS NULL))
      )`);
    // At most one value waiting for review per indicator and year.
    await q.query(`CREATE UNIQUE INDEX indicator_value_pending_key ON indicator_value (indicator_id, year) WHERE status = 'submitted'`);
    await q.query(`CREATE INDEX indicator_value_indicator_idx ON indicator_value (indicator_id, status, year)`);
    await q.query(`CREATE INDEX indicator_value_queue_idx ON indicator_value (status, reported_at)`);
    await q.query(`CREATE INDEX indicator_value_plan_idx ON indicator_value (plan_id)`);
    await q.query(`CREATE INDEX indicator_value_department_idx ON indicator_value (department_id)`);
    await q.query(`CREATE INDEX indicator_value_reported_by_idx ON indicator_value (reported_by)`);
    await q.query(`CREATE INDEX indicator_value_reviewed_by_idx ON indicator_value (reviewed_by)`);
    await q.query(`CREATE INDEX indicator_responsible_idx ON indicator (responsible_department_id)`);

    // Office settings (evaluation weights, the public summary switch): one JSON document per key.
    await q.query(`
      CREATE TABLE app_setting (
        key text PRIMARY KEY CHECK (key <> ''),
        value jsonb NOT NULL,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Dashboards filter a plan's tasks (and its completed ones for the completion series).
    await q.query(`CREATE INDEX task_plan_status_idx ON task (plan_id, status)`);

    for (const table of WATCHED_TABLES) {
      await q.query(`
        CREATE CONSTRAINT TRIGGER ${table}_dashboard_version AFTER INSERT OR UPDATE OR DELETE ON ${table}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION luoshi_bump_dashboard_version()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of WATCHED_TABLES) await q.query(`DROP TRIGGER ${table}_dashboard_version ON ${table}`);
    await q.query(`DROP INDEX task_plan_status_idx`);
    await q.query(`DROP INDEX indicator_responsible_idx`);
    await q.query(`DROP TABLE app_setting`);
    await q.query(`DROP TABLE indicator_value`);
    await q.query(`DROP FUNCTION luoshi_bump_dashboard_version`);
    await q.query(`DROP TABLE dashboard_data_version`);
    await q.query(`DROP FUNCTION luoshi_working_days`);
  }
}
