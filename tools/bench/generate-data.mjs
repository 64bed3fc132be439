// Deterministic bench data, written set-based (INSERT … SELECT generate_series, no row-by-row round
// trips) with triggers and foreign-key checks off for the load (session_replication_role = replica),
// the big tables' secondary indexes and unique constraints dropped before and rebuilt after, then
// VACUUM ANALYZE. Shape (as the issue's Redmine comparison): 60 % of tasks open, due dates within a
// year either side of today, 100 approvers. The same scale gives the same rows every run.
export const SCALES = {
  '10k': { departments: 120, users: 500, measures: 500, tasks: 10_000, reports: 50_000, auditEvents: 100_000 },
  '100k': { departments: 120, users: 5_000, measures: 2_000, tasks: 100_000, reports: 500_000, auditEvents: 1_000_000 },
  '1m': { departments: 150, users: 20_000, measures: 5_000, tasks: 1_000_000, reports: 5_000_000, auditEvents: 10_000_000 },
};
/**
 * A department's users as in an office's directory: one head, two liaisons, the rest viewers (user
 * i is the ((i − 1) ÷ departments)-th of department i mod departments). With every third user a head, a
 * reminder to the lead head went to 44 people at the 1m scale.
 */
export const BENCH_USER_ROLE = `CASE WHEN (i - 1) / $3 = 0 THEN 'dept_head' WHEN (i - 1) / $3 <= 2 THEN 'dept_liaison' ELSE 'viewer' END`;
/** Older names of the first two scales. */
export const SCALE_ALIASES = { small: '10k', full: '100k' };

const WORDS = ['交通', '港口', '铁路', '生态', '环境', '科技', '创新', '人才', '医保', '教育', '文化', '旅游', '数字', '经济', '市场', '开放', '能源', '水利', '农业', '城乡'];
/** Tables loaded in bulk: their secondary indexes and unique constraints are rebuilt after the load. */
const BULK_TABLES = ['task', 'progress_report', 'audit_event', 'approval_instance', 'notification'];

/** Parallel loaders: the big INSERTs run as this many ranges on their own connections. */
const LOADERS = 4;

/**
 * `clock` ({ today, amberBefore, margin }): the day each task's health colour is stored for (the load
 * bypasses the trigger that colours tasks; migration AddTaskHealthRollup).
 */
export async function generateBenchData(client, scale, passwordHash, log = console.log, connectionString = null, clock) {
  const s = SCALES[scale];
  const pg = (await import('pg')).default;
  // One INSERT … generate_series($lo, $hi) split into LOADERS ranges run side by side.
  const parallel = async (label, sql, params, count) => {
    const started = Date.now();
    const size = Math.ceil(count / LOADERS);
    const ranges = Array.from({ length: LOADERS }, (_, k) => [k * size, Math.min(count, (k + 1) * size) - 1]).filter(([lo, hi]) => hi >= lo);
    const counts = await Promise.all(
      ranges.map(async ([lo, hi]) => {
        const c = connectionString ? new pg.Client({ connectionString }) : null;
        const q = c ?? client;
        if (c) await c.connect();
        try {
          if (c) await c.query(`SET synchronous_commit = off; SET session_replication_role = replica; SET work_mem = '256MB'`);
          return (await q.query(sql, [...params, lo, hi])).rowCount ?? 0;
        } finally {
          if (c) await c.end();
        }
      }),
    );
    log(`  ${label}: ${counts.reduce((a, b) => a + b, 0)} rows in ${((Date.now() - started) / 1000).toFixed(1)} s (${ranges.length} loaders)`);
  };
  const words = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])`;
  const timed = async (label, sql, params = []) => {
    const started = Date.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return res;
  };
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '1GB'`);
  await client.query(`SET work_mem = '256MB'`);

  await timed(
    'departments',
    `INSERT INTO department (code, name, short_name, kind, parent_id)
     SELECT 'bench-' || i, '测试区县' || i, '区县' || i, 'county', (SELECT id FROM department WHERE code = 'hz')
       FROM generate_series(1, GREATEST(0, $1 - (SELECT count(*) FROM department))) AS i
     ON CONFLICT (code) DO NOTHING`,
    [s.departments],
  );
  await timed(
    'users',
    `WITH d AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM department)
     INSERT INTO app_user (username, display_name, password_hash, department_id, roles)
     SELECT 'bench.user' || i, '测试用户' || i, $2, d.id, ARRAY[${BENCH_USER_ROLE}]
       FROM generate_series(1, $1) AS i JOIN d ON d.n = i % $3
     ON CONFLICT DO NOTHING`,
    [s.users, passwordHash, s.departments],
  );
  const { rows: planRows } = await client.query(
    `INSERT INTO plan (code, title, kind, current_version) VALUES ('bench-plan', '性能测试行动方案', 'action_plan', 1)
     ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
  );
  const planId = planRows[0].id;
  await client.query(
    `INSERT INTO plan_version (plan_id, version, title, file_name, format, checksum, stats, diff, corrections, warnings)
     VALUES ($1, 1, '性能测试行动方案', 'bench.txt', 'txt', 'bench', '{"parts":5,"sections":25,"measures":0,"indicators":0,"duties":0,"corrections":0}',
             '{"added":[],"changed":[],"removed":[],"moved":[],"unchanged":0}', '[]', '[]')
     ON CONFLICT DO NOTHING`,
    [planId],
  );
  await timed(
    'plan parts and sections',
    `WITH parts AS (
       INSERT INTO plan_node (plan_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
       SELECT $1, p::text, 'part', '第' || p || '部分', '', p, p, 1, 1 FROM generate_series(1, 5) AS p RETURNING id, code)
     INSERT INTO plan_node (plan_id, parent_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
     SELECT $1, parts.id, parts.code || '.' || s, 'section', '第' || s || '节', '', s, s, 1, 1 FROM parts, generate_series(1, 5) AS s`,
    [planId],
  );
  await timed(
    'measures',
    `WITH sec AS (SELECT id, code, row_number() OVER (ORDER BY code) - 1 AS n FROM plan_node WHERE plan_id = $1 AND kind = 'section')
     INSERT INTO plan_node (plan_id, parent_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
     SELECT $1, sec.id, sec.code || '.' || i, 'measure', ${words}[1 + i % 20] || '重点举措' || i, '推进' || ${words}[1 + (i * 7) % 20] || '项目建设。', i, i, 1, 1
       FROM generate_series(1, $2) AS i JOIN sec ON sec.n = i % 25`,
    [planId, s.measures],
  );

  // Bulk load: no triggers, no FK checks (the rows are built consistent), indexes rebuilt after.
  const { rows: indexes } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
      WHERE c.relname = ANY($1) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [BULK_TABLES],
  );
  const { rows: uniques } = await client.query(
    `SELECT k.conname AS name, k.conrelid::regclass::text AS tbl, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
      WHERE c.relname = ANY($1) AND k.contype = 'u'`,
    [BULK_TABLES],
  );
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  for (const u of uniques) await client.query(`ALTER TABLE ${u.tbl} DROP CONSTRAINT ${u.name}`);
  log(`  dropped ${indexes.length} indexes and ${uniques.length} unique constraints for the load`);
  await client.query(`SET session_replication_role = replica`);

  await parallel(
    'tasks',
    `WITH m AS (SELECT id, code_key, row_number() OVER (ORDER BY code) - 1 AS n FROM plan_node WHERE plan_id = $1 AND kind = 'measure'),
          d AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM department)
     INSERT INTO task (plan_id, measure_node_id, measure_key, code, title, body, lead_department_id, co_department_ids, start_date, due_date,
                       reporting_cycle, status, progress, last_report_late, updated_at, health)
     SELECT $1, m.id, m.code_key, 'B' || i,
            ${words}[1 + i % 20] || ${words}[1 + (i * 7) % 20] || '任务' || i,
            '加快' || ${words}[1 + (i * 3) % 20] || '领域' || ${words}[1 + (i * 11) % 20] || '工作，确保取得实效。',
            d.id, ARRAY[]::uuid[], x.due - (90 + i % 300), x.due,
            (ARRAY['monthly','quarterly','half_yearly','yearly'])[1 + i % 4],
            x.status,
            (i * 13) % 101, i % 17 = 0, now() - make_interval(mins => i % 500000),
            luoshi_task_health(x.status, x.due - (90 + i % 300), x.due, (i * 13) % 101, i % 17 = 0, $4::date, $5::date, $6::float8)
       FROM generate_series($7::int + 1, $8::int + 1) AS i
       CROSS JOIN LATERAL (SELECT current_date - 365 + ((i * 37) % 731) AS due,
                                  (ARRAY['assigned','accepted','in_progress','in_progress','in_progress','accepted','completed','completed','completed','cancelled'])[1 + i % 10] AS status) x
       JOIN m ON m.n = i % $2
       JOIN d ON d.n = (i * 7) % $3`,
    [planId, s.measures, s.departments, clock.today, clock.amberBefore, clock.margin],
    s.tasks,
  );
  // Reports: each task reports monthly from 2025-01 (reports ÷ tasks periods); row i = task i mod tasks, period i ÷ tasks.
  const periods = Math.ceil(s.reports / s.tasks);
  await parallel(
    'progress reports',
    `WITH t AS (SELECT id, n FROM (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM task WHERE plan_id = $1) x WHERE n BETWEEN $3 AND $4),
          p AS (SELECT k, (DATE '2025-01-01' + make_interval(months => k))::date AS start,
                       to_char(DATE '2025-01-01' + make_interval(months => k), 'YYYY-MM') AS key FROM generate_series(0, $2 - 1) AS k)
     INSERT INTO progress_report (task_id, period_key, period_label, period_start, period_end, due_date, locks_on,
                                  status, content, progress, late, submitted_at, approved_at)
     SELECT t.id, 'M' || p.key, p.key || ' 月报', p.start, (p.start + interval '1 month - 1 day')::date,
            (p.start + interval '1 month 7 days')::date, (p.start + interval '1 month 21 days')::date,
            (ARRAY['approved','approved','submitted','draft'])[1 + (t.n + p.k) % 4], '本期进展', (t.n * 7) % 101, (t.n + p.k) % 9 = 0,
            CASE WHEN (t.n + p.k) % 4 < 3 THEN p.start + interval '1 month 3 days' END,
            CASE WHEN (t.n + p.k) % 4 < 2 THEN p.start + interval '1 month 6 days' END
       FROM t CROSS JOIN p`,
    [planId, periods],
    s.tasks,
  );
  // Approval instances: one per 10 tasks, two in three awaiting one of 100 approvers (the office user among them).
  const { rows: approvers } = await client.query(
    `SELECT array_agg(id ORDER BY username) AS ids FROM (SELECT id, username FROM app_user WHERE username = 'office'
        UNION ALL (SELECT id, username FROM app_user WHERE username LIKE 'bench.user%' ORDER BY username LIMIT 99)) a`,
  );
  const office = (await client.query(`SELECT id FROM app_user WHERE username = 'office'`)).rows[0].id;
  await timed(
    'approval instances',
    `WITH t AS (SELECT id, lead_department_id, code, row_number() OVER (ORDER BY code) - 1 AS n FROM task WHERE plan_id = $1)
     INSERT INTO approval_instance (template_code, template_version, subject_type, subject_id, task_id, department_id, title, link, state, status,
                                    current_step_key, pending_approvers, drafter_id, created_at, updated_at)
     SELECT 'progress_report', 1, 'progress_report', gen_random_uuid(), t.id, t.lead_department_id, t.code || ' 进展报告审批', '/tasks/' || t.id,
            jsonb_build_object('templateSnapshot', jsonb_build_object('code', 'progress_report', 'name', '进展报告审批', 'version', 1, 'steps', '[]'::jsonb),
                               'status', st.status, 'drafterId', $3::text, 'currentStepIndex', 0, 'cc', '[]'::jsonb, 'history', '[]'::jsonb, 'version', 1,
                               'steps', jsonb_build_array(jsonb_build_object('key', 'review', 'name', '审核', 'mode', 'single',
                                  'approvers', jsonb_build_array(st.approver), 'resolvedApprovers', jsonb_build_array(st.approver),
                                  'lanes', jsonb_build_array(jsonb_build_array(st.approver)), 'escalatedTo', '[]'::jsonb, 'decisions', '[]'::jsonb,
                                  'status', CASE WHEN st.status = 'in_progress' THEN 'active' ELSE 'approved' END, 'timeouts', 0))),
            st.status, 'review', CASE WHEN st.status = 'in_progress' THEN ARRAY[st.approver] ELSE '{}' END, $3::uuid,
            now() - make_interval(mins => t.n::int), now() - make_interval(mins => t.n::int)
       FROM t
       CROSS JOIN LATERAL (SELECT CASE WHEN t.n % 3 = 0 THEN 'approved' ELSE 'in_progress' END AS status,
                                  ($2::uuid[])[1 + (t.n / 10) % 100] AS approver) st
      WHERE t.n % 10 = 0`,
    [planId, approvers[0].ids, office],
  );
  await timed(
    'notifications (office user)',
    `INSERT INTO notification (user_id, kind, title, body, link, created_at, read_at)
     SELECT $1, 'urge', '催办：任务' || i, '请尽快报送进展', '/tasks', now() - make_interval(mins => i), CASE WHEN i % 3 = 0 THEN now() END
       FROM generate_series(1, $2) AS i`,
    [office, Math.max(100, s.tasks / 20)],
  );
  const chainBase = Number((await client.query(`SELECT seq FROM audit_chain_head WHERE id = 1`)).rows[0].seq);
  await parallel(
    'audit events',
    // Chain positions are real (unique, gap-free); the hashes are placeholders, not a chain — a hash
    // chain is sequential by nature and the bench measures reads, never `audit:verify`.
    `INSERT INTO audit_event (at, actor_name, action, subject_type, subject_id, after, chain_seq, prev_hash, hash)
     SELECT now() - i * interval '1 second', '测试用户' || (i % 5000), (ARRAY['task.update','task.assign','user.update','plan.import'])[1 + i % 4],
            'task', 'B' || (i % $1), CASE WHEN i % 4 = 0 THEN '{"progress": 50}'::jsonb END,
            $2::bigint + i, sha256(int8send($2::bigint + i - 1)), sha256(int8send($2::bigint + i))
       FROM generate_series($3::int + 1, $4::int + 1) AS i`,
    [s.tasks, chainBase],
    s.auditEvents,
  );
  // Later writes (the API's own audit rows) continue after the loaded positions.
  await client.query(`UPDATE audit_chain_head SET seq = $1, hash = sha256(int8send($1::bigint)) WHERE id = 1`, [chainBase + s.auditEvents]);
  await client.query(`RESET session_replication_role`);

  const rebuilt = Date.now();
  for (const u of uniques) await client.query(`ALTER TABLE ${u.tbl} ADD CONSTRAINT ${u.name} ${u.def}`);
  for (const ix of indexes) await client.query(ix.def);
  log(`  rebuilt ${indexes.length} indexes and ${uniques.length} unique constraints in ${((Date.now() - rebuilt) / 1000).toFixed(1)} s`);
  await client.query(`UPDATE task_health_clock SET today = $1, amber_before = $2, margin = $3 WHERE id = 1`, [clock.today, clock.amberBefore, clock.margin]);
  const counted = Date.now();
  await client.query(`SELECT luoshi_task_rollup_rebuild()`);
  log(`  dashboards' task rollup counted in ${((Date.now() - counted) / 1000).toFixed(1)} s`);
  const vacuumed = Date.now();
  for (const table of [...BULK_TABLES, 'task_rollup', 'plan_node', 'app_user', 'department']) await client.query(`VACUUM (ANALYZE) ${table}`);
  log(`  VACUUM ANALYZE in ${((Date.now() - vacuumed) / 1000).toFixed(1)} s`);
  return { planId };
}

/** Today, the amber window's end and the margin: the day the loaded tasks are coloured for (migration AddTaskHealthRollup). */
export async function healthClock(tasks, margin) {
  const hctx = await tasks.healthContext();
  return { today: hctx.today, amberBefore: hctx.amberBefore, margin };
}

/**
 * A data set loaded before task colours existed (the load bypasses the triggers that colour each
 * task and count it into the dashboards' rollup): colour every task as of today and count them once.
 * Slow at 1m (a new version of every row); a fresh load colours as it inserts.
 */
export async function colourLoadedTasks(admin, clock, log = console.log) {
  const { rows } = await admin.query(`SELECT today FROM task_health_clock WHERE id = 1`);
  if (rows[0].today !== null) return;
  const t0 = Date.now();
  await admin.query(`SET session_replication_role = replica`);
  await admin.query(
    `UPDATE task SET health = luoshi_task_health(status, start_date, due_date, progress, last_report_late, $1::date, $2::date, $3::float8)`,
    [clock.today, clock.amberBefore, clock.margin],
  );
  await admin.query(`UPDATE task_health_clock SET today = $1, amber_before = $2, margin = $3 WHERE id = 1`, [clock.today, clock.amberBefore, clock.margin]);
  await admin.query(`RESET session_replication_role`);
  await admin.query(`SELECT luoshi_task_rollup_rebuild()`);
  await admin.query(`VACUUM (ANALYZE) task`);
  await admin.query(`VACUUM (ANALYZE) task_rollup`);
  log(`coloured the loaded tasks and counted them into the rollup in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
