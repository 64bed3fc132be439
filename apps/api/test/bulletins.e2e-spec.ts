import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BulletinResponse, EvaluationRankingResponse } from '@luoshi/contracts';
import { useGeneratedPlan } from './dashboards-dataset';
import { binaryBody, useTestApp } from './test-app';

const HEADINGS = ['一、总体进展', '二、本期办结事项', '三、逾期任务情况', '四、指标监测', '五、考核排名'];
const TASKS = 600;
const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice'], { stdio: 'ignore' }).status === 0;

describe('Supervision bulletin (督查通报): JSON, .docx, .xlsx, PDF', () => {
  const t = useTestApp();
  const dataset = useGeneratedPlan(t, 'DASH-BULLETIN', { count: TASKS, prefix: 'B' });
  let period: string;

  beforeAll(async () => {
    period = dataset.today.slice(0, 7);
    // Three indicators of this plan: one achieved, one at risk, one without data.
    const [{ id: officeId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'office'`);
    const indicators: { id: string; name: string }[] = await t.dataSource.query(
      `INSERT INTO indicator (plan_id, name, unit, comparison, baseline, baseline_year, targets, responsible_department_id, source_sentence)
       VALUES ($1, '研发经费投入强度', '%', 'gte', 2, 2020, '[{"year":2025,"value":3}]', (SELECT id FROM department WHERE code = 'kjt'), '研发经费投入强度达到3%以上'),
              ($1, '细颗粒物（PM2.5）浓度', '微克/立方米', 'lte', 40, 2020, '[{"year":2025,"value":30}]', (SELECT id FROM department WHERE code = 'sthjt'), 'PM2.5浓度控制在30微克/立方米以下'),
              ($1, '常住人口城镇化率', '%', 'gte', NULL, NULL, '[{"year":2025,"value":75}]', NULL, '常住人口城镇化率达到75%')
       RETURNING id, name`,
      [dataset.plan.planId],
    );
    const id = (name: string) => indicators.find((i) => i.name === name)!.id;
    await t.dataSource.query(
      `INSERT INTO indicator_value (indicator_id, plan_id, year, value, note, status, department_id, reported_by, reviewed_by, reviewed_at)
       VALUES ($1, $3, 2025, 3.05, '统计公报', 'approved', (SELECT id FROM department WHERE code = 'kjt'), $4, $4, now()),
              ($2, $3, 2022, 36.2, '环境状况公报', 'approved', (SELECT id FROM department WHERE code = 'sthjt'), $4, $4, now())`,
      [id('研发经费投入强度'), id('细颗粒物（PM2.5）浓度'), dataset.plan.planId, officeId],
    );
  });

  const fetchJson = async (p = period, user = 'leader'): Promise<BulletinResponse> =>
    (await t.http().get(`/api/bulletins/${p}`).query({ planId: dataset.plan.planId }).set('Authorization', await t.login(user)).expect(200)).body;
  const fetchFile = async (ext: 'docx' | 'xlsx') => {
    const res = await t
      .http()
      .get(`/api/bulletins/${period}.${ext}`)
      .query({ planId: dataset.plan.planId })
      .set('Authorization', await t.login('office'))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    return { res, body: res.body as Buffer };
  };

  /** The reference figures, counted in SQL without the dashboards' code. */
  async function expected() {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status NOT IN ('completed', 'cancelled') AND due_date < $2::date AND lead_department_id IS NOT NULL)::int AS overdue,
              count(DISTINCT lead_department_id) FILTER (WHERE status NOT IN ('completed', 'cancelled') AND due_date < $2::date)::int AS "overdueDepartments",
              count(*) FILTER (WHERE status = 'completed'
                AND to_char((SELECT max(e.at) FROM task_event e WHERE e.task_id = task.id AND (e.kind = 'completed' OR e.data->>'to' = 'completed'))
                            AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = $3)::int AS "completedInPeriod"
         FROM task WHERE plan_id = $1`,
      [dataset.plan.planId, dataset.today, period],
    );
    return row as { total: number; completed: number; overdue: number; overdueDepartments: number; completedInPeriod: number };
  }

  it('gathers progress by section, the month’s completions, overdue tasks by department, indicators and the ranking', async () => {
    const b = await fetchJson();
    const e = await expected();
    expect(b.title).toBe(`督查通报（${Number(period.slice(0, 4))}年${Number(period.slice(5))}月）`);
    expect(b).toMatchObject({ period, periodStart: `${period}-01`, asOf: dataset.today, plan: { id: dataset.plan.planId } });
    expect(b.overall).toMatchObject({ total: e.total, completed: e.completed });
    // 红灯 counts handed-out tasks past their deadline; drafts (未交办) are a category of their own.
    expect(b.overall.red).toBe((await t.dataSource.query(
      `SELECT count(*)::int AS n FROM task WHERE plan_id = $1 AND status NOT IN ('completed', 'cancelled', 'draft') AND due_date < $2`,
      [dataset.plan.planId, dataset.today],
    ))[0].n);
    expect(b.bySection.map((s) => s.code)).toEqual(['1.1', '2.1', '2.2', '2.3', '2.4', '2.5', '3.1']);
    expect(b.bySection.reduce((s, x) => s + x.total, 0)).toBe(TASKS);
    expect(b.completedInPeriod).toHaveLength(e.completedInPeriod);
    expect(e.completedInPeriod).toBeGreaterThan(0);
    expect(b.completedInPeriod.every((c) => c.completedOn.startsWith(period))).toBe(true);
    expect(b.overdueByDepartment.reduce((s, d) => s + d.tasks, 0)).toBe(e.overdue);
    expect(b.overdueByDepartment).toHaveLength(e.overdueDepartments);
    const counts = b.overdueByDepartment.map((d) => d.tasks);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    expect(b.indicators.map((i) => [i.name, i.status, i.statusLabel])).toEqual([
      ['常住人口城镇化率', 'no_data', '暂无数据'],
      ['研发经费投入强度', 'achieved', '已达标'],
      ['细颗粒物（PM2.5）浓度', 'at_risk', '存在风险'],
    ]);
    const ranking: EvaluationRankingResponse = (
      await t.http().get('/api/evaluation/ranking').query({ planId: dataset.plan.planId }).set('Authorization', await t.login('leader')).expect(200)
    ).body;
    expect(b.ranking).toEqual(ranking.rows);

    // Another month: its own completions, the same state of tasks.
    const previous = `${period.slice(0, 4)}-${period.slice(5) === '01' ? '12' : String(Number(period.slice(5)) - 1).padStart(2, '0')}`;
    const earlier = await fetchJson(period.slice(5) === '01' ? `${Number(period.slice(0, 4)) - 1}-12` : previous);
    expect(earlier.completedInPeriod.every((c) => c.completedOn < `${period}-01`)).toBe(true);
    expect(earlier.overall).toEqual(b.overall);
  });

  it('writes a .docx with the Chinese headings, tables and the same numbers (read back with mammoth)', async () => {
    const { res, body } = await fetchFile('docx');
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(`bulletin-${period}.docx`);
    const text = (await mammoth.extractRawText({ buffer: body })).value;
    const e = await expected();
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain(`共分解任务${e.total}项，已办结${e.completed}项`);
    expect(text).toContain(`本期（${Number(period.slice(0, 4))}年${Number(period.slice(5))}月1日至`);
    expect(text).toContain(`共办结任务${e.completedInPeriod}项`);
    expect(text).toContain(`共有${e.overdue}项任务逾期，涉及${e.overdueDepartments}个牵头单位`);
    expect(text).toContain('纳入监测的指标3项：已达标1项，进度正常0项，存在风险1项，明显滞后0项，暂无数据1项');
    expect(text).toContain('交通互联互通');
    expect(text).toContain('2025年≥3');
    const b = await fetchJson();
    expect(text).toContain(b.ranking[0].department.name);
    // Wording of issue 13 item 9: once read 按按时签收.
    expect(text).toContain('以按时签收、按时报送、逾期情况、办结率四项加权计分');
    expect(text).not.toContain('按按');
    expect(text.indexOf('一、总体进展')).toBeLessThan(text.indexOf('五、考核排名'));
  });

  it('writes an .xlsx with one sheet per section, header rows and every item (read back with exceljs)', async () => {
    const { res, body } = await fetchFile('xlsx');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(HEADINGS);
    const header = (name: string) => (workbook.getWorksheet(name)!.getRow(2).values as unknown[]).slice(1);
    expect(header('一、总体进展')).toEqual(['章节编号', '章节', '任务数', '已办结', '已撤销', '办结率', '红灯', '黄灯', '绿灯']);
    expect(header('三、逾期任务情况')).toEqual(['牵头单位', '任务编号', '任务', '截止日期', '逾期工作日']);
    expect(header('五、考核排名')).toEqual(['排名', '单位', '总分', '按时签收', '按时报送', '逾期情况', '办结率']);
    const e = await expected();
    const b = await fetchJson();
    const rows = (name: string) => workbook.getWorksheet(name)!.rowCount - 2;
    expect(rows('一、总体进展')).toBe(7);
    expect(rows('二、本期办结事项')).toBe(e.completedInPeriod);
    expect(rows('三、逾期任务情况')).toBe(e.overdue);
    expect(rows('四、指标监测')).toBe(3);
    expect(rows('五、考核排名')).toBe(b.ranking.length);
    const overall = workbook.getWorksheet('一、总体进展')!;
    let total = 0;
    overall.eachRow((row, n) => {
      if (n > 2) total += Number(row.getCell(3).value);
    });
    expect(total).toBe(TASKS);
    expect(String(overall.getCell('A1').value)).toContain(`共分解任务${e.total}项`);
  });

  // Skipped only where LibreOffice is absent: apt-get install -y --no-install-recommends libreoffice-writer-nogui fonts-noto-cjk poppler-utils
  (hasSoffice ? it : it.skip)(
    `converts the .docx to PDF with LibreOffice and the PDF text has the Chinese headings${hasSoffice ? '' : ' — SKIPPED: soffice not installed'}`,
    async () => {
      const { body } = await fetchFile('docx');
      const dir = mkdtempSync(join(tmpdir(), 'luoshi-bulletin-'));
      try {
        writeFileSync(join(dir, 'bulletin.docx'), body);
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bulletin.docx')],
          { stdio: 'pipe', timeout: 170_000 },
        );
        expect(readFileSync(join(dir, 'bulletin.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
        // pdftotext comes with poppler-utils (installed with LibreOffice in CI).
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'bulletin.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        for (const heading of HEADINGS) expect(text).toContain(heading);
        expect(text).toContain(`共分解任务${TASKS}项`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it('is for office roles and leaders only, for a month that has begun', async () => {
    for (const user of ['jtt.liaison', 'viewer']) {
      await t.http().get(`/api/bulletins/${period}`).set('Authorization', await t.login(user)).expect(403);
      await t.http().get(`/api/bulletins/${period}.docx`).set('Authorization', await t.login(user)).expect(403);
    }
    await t.http().get(`/api/bulletins/${period}`).query({ planId: dataset.plan.planId }).set('Authorization', await t.login('reviewer')).expect(200);
    for (const bad of ['2026-13', '2026-1', 'latest', `${Number(period.slice(0, 4)) + 1}-01`]) {
      const res = await t.http().get(`/api/bulletins/${bad}`).query({ planId: dataset.plan.planId }).set('Authorization', await t.login('office'));
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'BULLETIN_BAD_PERIOD' });
    }
    await t
      .http()
      .get(`/api/bulletins/${period}.xlsx`)
      .query({ planId: '00000000-0000-4000-8000-000000000000' })
      .set('Authorization', await t.login('office'))
      .expect(404);
  });
});
