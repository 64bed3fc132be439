import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The measure code's numbers (1.2.1 < 1.10.1), as the list's plan-order sort has always used; NULL
 * for anything else, such as the temporary '~<id>' codes a re-import parks nodes under.
 */
const CODE_KEY = `CASE WHEN code ~ '^[0-9]{1,9}(\\.[0-9]{1,9})*$' THEN string_to_array(code, '.')::int[] END`;
/** Statuses whose health is green whatever the dates (see healthSql). */
const COMPLETION_EVENT = `(e.kind = 'completed' OR e.data->>'to' = 'completed')`;
const CLOSED = `status IN ('completed', 'cancelled')`;

/**
 * Keys that let an index find a task list page without reading every matching task
 * (libs/server/tasks/README.md, "List in O(page)"):
 * - task.measure_key: the measure's code numbers, kept by triggers (task insert / measure change,
 *   plan_node code change), so the plan-order sort is an index order;
 * - task.health_lag_from: the earliest day the progress-lag rule can make an open task amber, a
 *   generated column (margin 20 points, HEALTH_PROGRESS_MARGIN_PERCENT; rounded down, so it is a
 *   necessary condition and the exact health expression still decides);
 * - task.completed_at: its last completion event's time (dashboards' completion series);
 * - btree indexes on the list's sort keys with NULL due dates as 'infinity'.
 */
export class AddTaskListKeys1780300000000 implements MigrationInterface {
  name = 'AddTaskListKeys1780300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE plan_node ADD COLUMN code_key int[] GENERATED ALWAYS AS (${CODE_KEY}) STORED`);
    await q.query(`ALTER TABLE task ADD COLUMN measure_key int[]`);
    await q.query(`UPDATE task t SET measure_key = m.code_key FROM plan_node m WHERE m.id = t.measure_node_id`);
    await q.query(`
      CREATE FUNCTION luoshi_task_measure_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.measure_key := (SELECT code_key FROM plan_node WHERE id = NEW.measure_node_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER task_measure_key BEFORE INSERT OR UPDATE OF measure_node_id ON task
        FOR EACH ROW EXECUTE FUNCTION luoshi_task_measure_key()`);
    await q.query(`
      CREATE FUNCTION luoshi_plan_node_code_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE task SET measure_key = NEW.code_key WHERE measure_node_id = NEW.id AND measure_key IS DISTINCT FROM NEW.code_key;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER plan_node_code_key AFTER UPDATE OF code ON plan_node
        FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code) EXECUTE FUNCTION luoshi_plan_node_code_key()`);

    await q.query(`
      ALTER TABLE task ADD COLUMN health_lag_from date GENERATED ALWAYS AS (
        CASE WHEN ${CLOSED} OR start_date IS NULL OR due_date IS NULL OR progress >= 80 THEN NULL
             WHEN due_date <= start_date THEN start_date
             ELSE start_date + ((due_date - start_date) * (progress + 20)) / 100 END) STORED`);

    // The last completion event's time (a 'completed' event or a status change to completed);
    // task_event is append-only, so a trigger on its inserts keeps the maximum.
    await q.query(`ALTER TABLE task ADD COLUMN completed_at timestamptz`);
    await q.query(`
      UPDATE task b SET completed_at = e.at
        FROM (SELECT task_id, max(at) AS at FROM task_event e WHERE ${COMPLETION_EVENT} GROUP BY task_id) e
       WHERE e.task_id = b.id`);
    await q.query(`
      CREATE FUNCTION luoshi_task_completed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE task SET completed_at = NEW.at WHERE id = NEW.task_id AND (completed_at IS NULL OR completed_at < NEW.at);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER task_event_completed_at AFTER INSERT ON task_event
        FOR EACH ROW WHEN (NEW.kind = 'completed' OR NEW.data->>'to' = 'completed') EXECUTE FUNCTION luoshi_task_completed_at()`);

    // Sort keys: code (plan order), due date (NULL last both ways), last update.
    await q.query(`CREATE INDEX task_plan_code_order_idx ON task (plan_id, measure_key, code, id)`);
    await q.query(`CREATE INDEX task_plan_due_order_idx ON task (plan_id, (coalesce(due_date, 'infinity'::date)), code, id)`);
    await q.query(`CREATE INDEX task_plan_due_desc_order_idx ON task (plan_id, (coalesce(due_date, '-infinity'::date)), code, id)`);
    await q.query(`CREATE INDEX task_plan_status_due_order_idx ON task (plan_id, status, (coalesce(due_date, 'infinity'::date)), code, id)`);
    await q.query(`CREATE INDEX task_plan_status_code_order_idx ON task (plan_id, status, measure_key, code, id)`);
    await q.query(`CREATE INDEX task_updated_order_idx ON task (updated_at, id)`);
    // Health: red and amber are open tasks near or past their dates, late, or lagging.
    await q.query(`CREATE INDEX task_open_due_order_idx ON task (plan_id, (coalesce(due_date, 'infinity'::date)), code, id) WHERE NOT ${CLOSED}`);
    await q.query(`CREATE INDEX task_open_lag_idx ON task (health_lag_from) WHERE NOT ${CLOSED}`);
    await q.query(`CREATE INDEX task_open_late_idx ON task (plan_id) WHERE last_report_late AND NOT ${CLOSED}`);
    // Dashboards: one index-only pass over a plan's tasks.
    await q.query(`
      CREATE INDEX task_plan_counts_idx ON task (plan_id)
        INCLUDE (measure_node_id, lead_department_id, co_department_ids, status, start_date, due_date, progress, last_report_late, completed_at, updated_at)`);
    await q.query(`
      CREATE INDEX task_completed_idx ON task (plan_id)
        INCLUDE (completed_at, updated_at, lead_department_id, co_department_ids) WHERE status = 'completed'`);

    // The other long lists: newest first with a unique tie-breaker, so `after` cursors are index ranges.
    await q.query(`CREATE INDEX notification_user_order_idx ON notification (user_id, created_at DESC, id DESC)`);
    await q.query(`DROP INDEX notification_user_idx`);
    await q.query(`CREATE INDEX audit_event_order_idx ON audit_event (at DESC, id DESC)`);
    await q.query(`DROP INDEX audit_event_at_idx`);
    await q.query(`CREATE INDEX approval_instance_order_idx ON approval_instance (updated_at DESC, id DESC)`);
    await q.query(`DROP INDEX approval_instance_updated_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX approval_instance_updated_idx ON approval_instance (updated_at DESC)`);
    await q.query(`DROP INDEX approval_instance_order_idx`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at DESC)`);
    await q.query(`DROP INDEX audit_event_order_idx`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
    await q.query(`DROP INDEX notification_user_order_idx`);
    for (const index of [
      'task_completed_idx',
      'task_plan_counts_idx',
      'task_open_late_idx',
      'task_open_lag_idx',
      'task_open_due_order_idx',
      'task_updated_order_idx',
      'task_plan_status_code_order_idx',
      'task_plan_status_due_order_idx',
      'task_plan_due_desc_order_idx',
      'task_plan_due_order_idx',
      'task_plan_code_order_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`DROP TRIGGER task_event_completed_at ON task_event`);
    await q.query(`DROP FUNCTION luoshi_task_completed_at`);
    await q.query(`ALTER TABLE task DROP COLUMN completed_at`);
    await q.query(`ALTER TABLE task DROP COLUMN health_lag_from`);
    await q.query(`DROP TRIGGER plan_node_code_key ON plan_node`);
    await q.query(`DROP FUNCTION luoshi_plan_node_code_key`);
    await q.query(`DROP TRIGGER task_measure_key ON task`);
    await q.query(`DROP FUNCTION luoshi_task_measure_key`);
    await q.query(`ALTER TABLE task DROP COLUMN measure_key`);
    await q.query(`ALTER TABLE plan_node DROP COLUMN code_key`);
  }
}
