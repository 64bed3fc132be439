// Deterministic bench data, written with set-based INSERT … SELECT generate_series (no row-by-row
// round trips): departments, users, one large plan with measures, tasks, progress reports (when
// the table exists) and audit events. The same scale gives the same rows every run.
export const SCALES = {
  small: { departments: 120, users: 500, measures: 500, tasks: 10_000, reports: 50_000, auditEvents: 100_000 },
  full: { departments: 120, users: 5_000, measures: 2_000, tasks: 100_000, reports: 500_000, auditEvents: 1_000_000 },
};

const WORDS = ['交通', '港口', '铁路', '生态', '环境', '科技', '创新', '人才', '医保', '教育', '文化', '旅游', '数字', '经济', '市场', '开放', '能源', '水利', '农业', '城乡'];

async function tableExists(client, name) {
  const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [name]);
  return rows[0].ok;
}

export async function generateBenchData(client, scale, passwordHash, log = console.log) {
  const s = SCALES[scale];
  const words = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(',')}])`;
  const timed = async (label, sql, params = []) => {
    const started = Date.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

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
    `INSERT INTO app_user (username, display_name, password_hash, department_id, roles)
     SELECT 'bench.user' || i, '测试用户' || i, $2,
            (SELECT id FROM department ORDER BY code OFFSET (i % $3) LIMIT 1),
            ARRAY[(ARRAY['dept_liaison','dept_head','viewer'])[1 + i % 3]]
       FROM generate_series(1, $1) AS i
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
    `INSERT INTO plan_node (plan_id, parent_id, code, kind, title, body, sort_order, source_line, first_version, changed_in_version)
     SELECT $1, sec.id, sec.code || '.' || i, 'measure', ${words}[1 + i % 20] || '重点举措' || i, '推进' || ${words}[1 + (i * 7) % 20] || '项目建设。', i, i, 1, 1
       FROM generate_series(1, $2) AS i
       JOIN LATERAL (SELECT id, code FROM plan_node WHERE plan_id = $1 AND kind = 'section' ORDER BY code OFFSET (i % 25) LIMIT 1) sec ON true`,
    [planId, s.measures],
  );
  await timed(
    'tasks',
    `WITH m AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM plan_node WHERE plan_id = $1 AND kind = 'measure'),
          d AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM department)
     INSERT INTO task (plan_id, measure_node_id, code, title, body, lead_department_id, co_department_ids, start_date, due_date, reporting_cycle, status, progress)
     SELECT $1, m.id, 'B' || i,
            ${words}[1 + i % 20] || ${words}[1 + (i * 7) % 20] || '任务' || i,
            '加快' || ${words}[1 + (i * 3) % 20] || '领域' || ${words}[1 + (i * 11) % 20] || '工作，确保取得实效。',
            d.id, ARRAY[]::uuid[], DATE '2025-01-01', DATE '2025-06-30' + ((i * 37) % 1300),
            (ARRAY['monthly','quarterly','half_yearly','yearly'])[1 + i % 4],
            (ARRAY['assigned','accepted','in_progress','in_progress','completed','accepted'])[1 + i % 6],
            (i * 13) % 101
       FROM generate_series(1, $2) AS i
       JOIN m ON m.n = i % $3
       JOIN d ON d.n = (i * 7) % $4`,
    [planId, s.tasks, s.measures, s.departments],
  );
  if (await tableExists(client, 'progress_report')) {
    // Reports per task spread over monthly periods: period n of task t covers month n after 2025-01.
    await timed(
      'progress reports',
      `WITH t AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM task WHERE plan_id = $1)
       INSERT INTO progress_report (task_id, period_key, period_label, period_start, period_end, due_date, locks_on,
                                    status, content, progress, late, submitted_at, approved_at)
       SELECT t.id, 'M' || p.k, p.k || ' 月报', p.start, (p.start + interval '1 month - 1 day')::date,
              (p.start + interval '1 month 7 days')::date, (p.start + interval '1 month 21 days')::date,
              (ARRAY['approved','approved','submitted','draft'])[1 + i % 4], '本期进展' || i, (i * 7) % 101, i % 9 = 0,
              CASE WHEN i % 4 < 3 THEN p.start + interval '1 month 3 days' END,
              CASE WHEN i % 4 < 2 THEN p.start + interval '1 month 6 days' END
         FROM generate_series(0, $2 - 1) AS i
         JOIN t ON t.n = i % $3
         CROSS JOIN LATERAL (SELECT (DATE '2025-01-01' + make_interval(months => i / $3))::date AS start,
                                    to_char(DATE '2025-01-01' + make_interval(months => i / $3), 'YYYY-MM') AS k) p
       ON CONFLICT DO NOTHING`,
      [planId, s.reports, s.tasks],
    );
  } else {
    log('  progress reports: skipped (no progress_report table in this build)');
  }
  await timed(
    'audit events',
    `INSERT INTO audit_event (at, actor_name, action, subject_type, subject_id, after)
     SELECT now() - make_interval(mins => i), '测试用户' || (i % 5000), (ARRAY['task.update','task.assign','user.update','plan.import'])[1 + i % 4], 'task', 'B' || (i % 100000), jsonb_build_object('i', i)
       FROM generate_series(1, $1) AS i`,
    [s.auditEvents],
  );
  await client.query('ANALYZE');
  return { planId };
}
