import ExcelJS from 'exceljs';
import { BULLETIN_SECTIONS, type BulletinResponse, bulletinSentences } from '@luoshi/contracts';
import { formatNumber, point, targetsText } from './bulletin-format';

/**
 * The bulletin as a workbook, one sheet per section named like its heading. Each sheet: row 1 the
 * section's sentence, row 2 the header, then one row per item (every overdue task, not only the first 30).
 */
export async function buildBulletinXlsx(b: BulletinResponse): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '落实 Luoshi';
  workbook.title = `${b.plan.title} ${b.title}`;
  const text = bulletinSentences(b);
  const [overall, completed, overdue, indicators, ranking] = BULLETIN_SECTIONS;

  const sheet = (name: (typeof BULLETIN_SECTIONS)[number], header: string[], rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([text[name]]).font = { bold: true };
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 || header[i] === '任务' || header[i] === '指标' ? 36 : 14;
    });
  };

  sheet(
    overall,
    ['章节编号', '章节', '任务数', '已办结', '已撤销', '办结率', '红灯', '黄灯', '绿灯'],
    b.bySection.map((s) => [s.code, s.title, s.total, s.completed, s.cancelled, s.completionRate, s.red, s.amber, s.green]),
  );
  sheet(
    completed,
    ['任务编号', '任务', '牵头单位', '办结日期'],
    b.completedInPeriod.map((c) => [c.code, c.title, c.leadDepartment, c.completedOn]),
  );
  sheet(
    overdue,
    ['牵头单位', '任务编号', '任务', '截止日期', '逾期工作日'],
    b.overdueByDepartment.flatMap((d) => d.items.map((i) => [d.department.name, i.code, i.title, i.dueDate, i.workingDaysOverdue])),
  );
  sheet(
    indicators,
    ['指标', '单位', '基期', '最新', '目标', '状态', '责任单位'],
    b.indicators.map((i) => [i.name, i.unit, point(i.baseline), point(i.latest), targetsText(i.comparison, i.targets), i.statusLabel, i.responsibleDepartment]),
  );
  sheet(
    ranking,
    ['排名', '单位', '总分', '按时签收', '按时报送', '逾期情况', '办结率'],
    b.ranking.map((r) => [
      r.rank,
      r.department.name,
      Number(formatNumber(r.total)),
      r.components.acceptance,
      r.components.reporting,
      r.components.overdue,
      r.components.completion,
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
