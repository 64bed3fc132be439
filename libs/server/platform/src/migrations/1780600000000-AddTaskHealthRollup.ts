import type { MigrationInterface, QueryRunner } from 'typeorm';

const CLOSED = `status IN ('completed', 'cancelled')`;
const KEY_COLUMNS = 'plan_id, measure_node_id, lead_department_id, co_department_ids, status, health';
const COMPLETION_KEY_COLUMNS = 'plan_id, lead_department_id, co_department_ids, completed_on';
/** A completed task's day of completion in Beijing (its last completion event, else its last change), as the completion series buckets it. */
const completedOn = (row: string) =>
  `CASE WHEN ${row}.status = 'completed' THEN (coalesce(${row}.completed_at, ${row}.updated_at) AT TIME ZONE 'Asia/Shanghai')::date END`;
/** The key and its count, as task_rollup and task_rollup_delta both hold them. */
const COUNTED_COLUMNS = `plan_id uuid NOT NULL, measure_node_id uuid NOT NULL, lead_department_id uuid, co_department_ids uuid[] NOT NULL,
        status text NOT NULL, health text NOT NULL, n int NOT NULL`;

/**
 * Dashboards in O(groups), not O(tasks) (issue 15, deliver 2): every task keeps its health colour as
 * of a clock day (task.health, set by a trigger from task_health_clock), and a trigger counts each
 * task into task_rollup_delta (+1 for the new key, −1 for the old) by (plan, measure, lead,
 * co-departments, status, health). Dashboards read task_rollup plus the pending deltas — a few
 * thousand rows even at 1,000,000 tasks — and a compaction folds the deltas in. Completed tasks
 * are also counted by day of completion (task_completion_rollup) for the completion series.
 *
 * Health depends on the day (a task turns amber and red as days pass), so the clock moves once a
 * day: luoshi_task_health_refresh recolours only the tasks whose colour can change (open tasks near
 * or past their dates, late, lagging, or not green). luoshi_task_health is the rule of healthSql
 * (libs/server/tasks/src/task-health.ts); an integration test proves the stored colours equal it.
 */
export class AddTaskHealthRollup1780600000000 implements MigrationInterface {
  name = 'AddTaskHealthRollup1780600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION luoshi_task_health(status text, start_date date, due_date date, progress int, last_report_late boolean,
                                         today date, amber_before date, margin float8) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN status IN ('completed', 'cancelled') THEN 'green'
          WHEN due_date < today THEN 'red'
          WHEN due_date < amber_before THEN 'amber'
          WHEN last_report_late THEN 'amber'
          WHEN due_date IS NOT NULL AND start_date IS NOT NULL AND (
            CASE WHEN (today - start_date) <= 0 THEN 0::float8 WHEN (due_date - start_date) <= 0 THEN 100::float8
                 ELSE LEAST(100::float8, GREATEST(0::float8, ((today - start_date)::float8 / (due_date - start_date)::float8) * 100)) END
          ) - progress > margin THEN 'amber'
          ELSE 'green' END
      $$`);
    // The day the stored colours are true for; NULL until the application first sets it (then every task is coloured).
    await q.query(`
      CREATE TABLE task_health_clock (
        id smallint PRIMARY KEY CHECK (id = 1),
        today date,
        amber_before date,
        margin float8
      )`);
    await q.query(`INSERT INTO task_health_clock (id) VALUES (1)`);
    await q.query(`ALTER TABLE task ADD COLUMN health text NOT NULL DEFAULT 'green' CHECK (health IN ('green', 'amber', 'red'))`);
    // Room on each page for a new row version: recolouring (health is in no index) and other updates of
    // unindexed columns stay on the page (HOT) instead of writing every one of the table's indexes.
    await q.query(`ALTER TABLE task SET (fillfactor = 90)`);
    await q.query(`
      CREATE FUNCTION luoshi_task_health_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE clock task_health_clock;
      BEGIN
        SELECT * INTO clock FROM task_health_clock WHERE id = 1;
        NEW.health := coalesce(luoshi_task_health(NEW.status, NEW.start_date, NEW.due_date, NEW.progress, NEW.last_report_late,
                                                  clock.today, clock.amber_before, clock.margin), 'green');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER task_health BEFORE INSERT OR UPDATE ON task FOR EACH ROW EXECUTE FUNCTION luoshi_task_health_of_row()`);

    await q.query(`
      CREATE TABLE task_rollup (
        ${COUNTED_COLUMNS},
        CONSTRAINT task_rollup_key UNIQUE NULLS NOT DISTINCT (${KEY_COLUMNS})
      )`);
    // Insert-only (no row is ever updated by a task write), so concurrent writers never wait on each other here.
    await q.query(`
      CREATE TABLE task_rollup_delta (
        id bigserial PRIMARY KEY,
        ${COUNTED_COLUMNS}
      )`);
    await q.query(`CREATE INDEX task_rollup_delta_plan_idx ON task_rollup_delta (plan_id)`);
    // Completed tasks by day (the completion series): the same scheme, one row per (plan, lead, co-departments, day).
    const completionColumns = `plan_id uuid NOT NULL, lead_department_id uuid, co_department_ids uuid[] NOT NULL, completed_on date NOT NULL, n int NOT NULL`;
    await q.query(`
      CREATE TABLE task_completion_rollup (
        ${completionColumns},
        CONSTRAINT task_completion_rollup_key UNIQUE NULLS NOT DISTINCT (${COMPLETION_KEY_COLUMNS})
      )`);
    await q.query(`CREATE TABLE task_completion_rollup_delta (id bigserial PRIMARY KEY, ${completionColumns})`);
    await q.query(`
      CREATE FUNCTION luoshi_task_rollup_count() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE old_on date; new_on date;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN old_on := ${completedOn('OLD')}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN new_on := ${completedOn('NEW')}; END IF;
        IF TG_OP = 'UPDATE' AND (OLD.plan_id, OLD.measure_node_id, OLD.lead_department_id, OLD.co_department_ids, OLD.status, OLD.health, old_on)
                          IS NOT DISTINCT FROM (NEW.plan_id, NEW.measure_node_id, NEW.lead_department_id, NEW.co_department_ids, NEW.status, NEW.health, new_on) THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO task_rollup_delta (${KEY_COLUMNS}, n)
          VALUES (OLD.plan_id, OLD.measure_node_id, OLD.lead_department_id, OLD.co_department_ids, OLD.status, OLD.health, -1);
          IF old_on IS NOT NULL THEN
            INSERT INTO task_completion_rollup_delta (${COMPLETION_KEY_COLUMNS}, n) VALUES (OLD.plan_id, OLD.lead_department_id, OLD.co_department_ids, old_on, -1);
          END IF;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO task_rollup_delta (${KEY_COLUMNS}, n)
          VALUES (NEW.plan_id, NEW.measure_node_id, NEW.lead_department_id, NEW.co_department_ids, NEW.status, NEW.health, 1);
          IF new_on IS NOT NULL THEN
            INSERT INTO task_completion_rollup_delta (${COMPLETION_KEY_COLUMNS}, n) VALUES (NEW.plan_id, NEW.lead_department_id, NEW.co_department_ids, new_on, 1);
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER task_rollup_count AFTER INSERT OR UPDATE OR DELETE ON task FOR EACH ROW EXECUTE FUNCTION luoshi_task_rollup_count()`);

    // Folds the pending deltas into task_rollup; one compactor at a time (others return -1 at once).
    await q.query(`
      CREATE FUNCTION luoshi_task_rollup_compact() RETURNS int LANGUAGE plpgsql AS $$
      DECLARE folded int;
      BEGIN
        IF NOT pg_try_advisory_xact_lock(hashtext('luoshi_task_rollup_compact')) THEN
          RETURN -1;
        END IF;
        WITH moved AS (DELETE FROM task_rollup_delta RETURNING ${KEY_COLUMNS}, n),
             summed AS (SELECT ${KEY_COLUMNS}, sum(n)::int AS n FROM moved GROUP BY ${KEY_COLUMNS})
        INSERT INTO task_rollup (${KEY_COLUMNS}, n) SELECT ${KEY_COLUMNS}, n FROM summed
        ON CONFLICT ON CONSTRAINT task_rollup_key DO UPDATE SET n = task_rollup.n + EXCLUDED.n;
        GET DIAGNOSTICS folded = ROW_COUNT;
        DELETE FROM task_rollup WHERE n = 0;
        WITH moved AS (DELETE FROM task_completion_rollup_delta RETURNING ${COMPLETION_KEY_COLUMNS}, n),
             summed AS (SELECT ${COMPLETION_KEY_COLUMNS}, sum(n)::int AS n FROM moved GROUP BY ${COMPLETION_KEY_COLUMNS})
        INSERT INTO task_completion_rollup (${COMPLETION_KEY_COLUMNS}, n) SELECT ${COMPLETION_KEY_COLUMNS}, n FROM summed
        ON CONFLICT ON CONSTRAINT task_completion_rollup_key DO UPDATE SET n = task_completion_rollup.n + EXCLUDED.n;
        DELETE FROM task_completion_rollup WHERE n = 0;
        RETURN folded;
      END $$`);
    // Everything counted again from the tasks (after a bulk load that bypassed the triggers).
    await q.query(`
      CREATE FUNCTION luoshi_task_rollup_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('luoshi_task_rollup_compact'));
        LOCK TABLE task IN SHARE ROW EXCLUSIVE MODE;
        DELETE FROM task_rollup_delta;
        DELETE FROM task_rollup;
        INSERT INTO task_rollup (${KEY_COLUMNS}, n) SELECT ${KEY_COLUMNS}, count(*) FROM task GROUP BY ${KEY_COLUMNS};
        DELETE FROM task_completion_rollup_delta;
        DELETE FROM task_completion_rollup;
        INSERT INTO task_completion_rollup (${COMPLETION_KEY_COLUMNS}, n)
        SELECT plan_id, lead_department_id, co_department_ids, ${completedOn('task')}, count(*) FROM task WHERE status = 'completed' GROUP BY 1, 2, 3, 4;
      END $$`);
    // Moves the clock to a new day (or calendar): task writes wait meanwhile, so none is coloured by the old day after it.
    await q.query(`
      CREATE FUNCTION luoshi_task_health_refresh(p_today date, p_amber_before date, p_margin float8) RETURNS int
      LANGUAGE plpgsql AS $$
      DECLARE clock task_health_clock; recoloured int;
      BEGIN
        SELECT * INTO clock FROM task_health_clock WHERE id = 1;
        IF (clock.today, clock.amber_before, clock.margin) IS NOT DISTINCT FROM (p_today, p_amber_before, p_margin) THEN
          RETURN 0;
        END IF;
        LOCK TABLE task IN SHARE ROW EXCLUSIVE MODE;
        SELECT * INTO clock FROM task_health_clock WHERE id = 1 FOR UPDATE;
        IF (clock.today, clock.amber_before, clock.margin) IS NOT DISTINCT FROM (p_today, p_amber_before, p_margin) THEN
          RETURN 0;
        END IF;
        UPDATE task_health_clock SET today = p_today, amber_before = p_amber_before, margin = p_margin WHERE id = 1;
        IF clock.today IS NULL OR clock.amber_before IS NULL OR clock.margin IS DISTINCT FROM p_margin THEN
          UPDATE task SET health = luoshi_task_health(status, start_date, due_date, progress, last_report_late, p_today, p_amber_before, p_margin)
           WHERE health IS DISTINCT FROM luoshi_task_health(status, start_date, due_date, progress, last_report_late, p_today, p_amber_before, p_margin);
        ELSE
          -- Only these can change colour between two days: a green task far from its dates, on time and not
          -- lagging stays green (health only worsens as days pass; a calendar edit moves amber_before either way).
          UPDATE task SET health = luoshi_task_health(status, start_date, due_date, progress, last_report_late, p_today, p_amber_before, p_margin)
           WHERE NOT (${CLOSED})
             AND (health <> 'green' OR due_date < greatest(clock.amber_before, p_amber_before) OR last_report_late
                  OR health_lag_from <= greatest(clock.today, p_today))
             AND health IS DISTINCT FROM luoshi_task_health(status, start_date, due_date, progress, last_report_late, p_today, p_amber_before, p_margin);
        END IF;
        GET DIAGNOSTICS recoloured = ROW_COUNT;
        RETURN recoloured;
      END $$`);
    // A truncated task table empties its counts too (TRUNCATE fires no row triggers).
    await q.query(`
      CREATE FUNCTION luoshi_task_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE task_rollup, task_rollup_delta, task_completion_rollup, task_completion_rollup_delta;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER task_rollup_truncate AFTER TRUNCATE ON task FOR EACH STATEMENT EXECUTE FUNCTION luoshi_task_rollup_truncate()`);
    await q.query(`SELECT luoshi_task_rollup_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER task_rollup_truncate ON task`);
    await q.query(`DROP TRIGGER task_rollup_count ON task`);
    await q.query(`DROP TRIGGER task_health ON task`);
    await q.query(`DROP FUNCTION luoshi_task_rollup_truncate, luoshi_task_health_refresh, luoshi_task_rollup_rebuild, luoshi_task_rollup_compact, luoshi_task_rollup_count, luoshi_task_health_of_row`);
    await q.query(`DROP TABLE task_completion_rollup_delta, task_completion_rollup, task_rollup_delta, task_rollup, task_health_clock`);
    await q.query(`ALTER TABLE task RESET (fillfactor)`);
    await q.query(`ALTER TABLE task DROP COLUMN health`);
    await q.query(`DROP FUNCTION luoshi_task_health`);
  }
}
