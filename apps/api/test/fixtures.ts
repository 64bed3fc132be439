import type { TestApp } from './test-app';

/** A small plan imported through the API; its measures carry the tasks of a test. */
export async function importFixturePlan(t: TestApp, measures = 6, title = `测试行动方案${Date.now()}`): Promise<{ planId: string; measureIds: string[] }> {
  const lines = [title, '一、重点任务', '（一）交通互联'];
  for (let i = 1; i <= measures; i++) lines.push(`推进第${i}项交通工程。加快建设铁路和港口项目，确保按期完成。`);
  lines.push('二、保障措施', '加强组织领导。建立工作机制。');
  const res = await t
    .http()
    .post('/api/plans/import')
    .query({ dryRun: 'false' })
    .set('Authorization', await t.login('office'))
    .attach('file', Buffer.from(lines.join('\n'), 'utf8'), 'fixture.txt');
  if (res.status !== 200) throw new Error(`fixture plan import failed: ${res.status} ${JSON.stringify(res.body)}`);
  const rows: { id: string }[] = await t.dataSource.query(
    `SELECT id FROM plan_node WHERE plan_id = $1 AND kind = 'measure' AND retired_in_version IS NULL ORDER BY sort_order`,
    [res.body.planId],
  );
  return { planId: res.body.planId, measureIds: rows.map((r) => r.id) };
}

/** A task row written directly, for tests of capabilities that follow tasks (reminders). */
export async function insertTask(
  t: TestApp,
  input: { planId: string; measureId: string; code: string; leadCode: string; dueDate: string | null; status?: string; title?: string },
): Promise<string> {
  const [row] = await t.dataSource.query(
    `INSERT INTO task (plan_id, measure_node_id, code, title, lead_department_id, due_date, status)
     VALUES ($1, $2, $3, $4, (SELECT id FROM department WHERE code = $5), $6, $7) RETURNING id`,
    [input.planId, input.measureId, input.code, input.title ?? `测试任务 ${input.code}`, input.leadCode, input.dueDate, input.status ?? 'assigned'],
  );
  return row.id;
}

export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await probe();
  }
  return last;
}
