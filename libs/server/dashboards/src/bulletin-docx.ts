import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { BULLETIN_SECTIONS, type BulletinResponse, bulletinSentences, chineseDate, percentText } from '@luoshi/contracts';
import { DOCX_OVERDUE_DETAIL_ROWS, formatNumber, point, targetsText } from './bulletin-format';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };

/** A4 width less the default 1-inch margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 9026;

/** A table with fixed column widths: `weights` share the text width (titles get the room they need). */
function table(header: string[], rows: (string | number)[][], weights: number[]): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH_TWIPS * w) / sum));
  const cell = (text: string | number, i: number, bold = false) =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text: String(text), bold, size: 21 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i)) })),
    ],
  });
}

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 } });
const body = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });

/** The bulletin as a Word document: Chinese headings 一、… 五、, a sentence and a table under each. */
export async function buildBulletinDocx(b: BulletinResponse): Promise<Buffer> {
  const text = bulletinSentences(b);
  const [overall, completed, overdue, indicators, ranking] = BULLETIN_SECTIONS;
  const overdueTasks = b.overdueByDepartment
    .flatMap((d) => d.items.map((i) => ({ ...i, department: d.department.name })))
    .sort((x, y) => y.workingDaysOverdue - x.workingDaysOverdue || x.code.localeCompare(y.code));

  const children = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.plan.title, bold: true, size: 32, font: HEADING_FONT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.title, bold: true, size: 36, font: HEADING_FONT })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun(`领导小组办公室　${chineseDate(b.asOf)}`)] }),

    heading(overall),
    body(text[overall]),
    table(
      ['章节', '任务数', '已办结', '办结率', '红灯', '黄灯', '绿灯'],
      b.bySection.map((s) => [`${s.code} ${s.title}`, s.total, s.completed, percentText(s.completionRate), s.red, s.amber, s.green]),
      [10, 2, 2, 2.4, 2, 2, 2],
    ),

    heading(completed),
    body(text[completed]),
    ...(b.completedInPeriod.length
      ? [table(['序号', '任务编号', '任务', '牵头单位', '办结日期'], b.completedInPeriod.map((c, i) => [i + 1, c.code, c.title, c.leadDepartment ?? '—', c.completedOn]), [1.2, 2, 8, 4, 2.8])]
      : [body('本期无办结事项。')]),

    heading(overdue),
    body(text[overdue]),
    ...(b.overdueByDepartment.length
      ? [
          table(
            ['牵头单位', '逾期任务数', '累计逾期工作日', '最长逾期（工作日）'],
            b.overdueByDepartment.map((d) => [d.department.name, d.tasks, d.workingDays, Math.max(...d.items.map((i) => i.workingDaysOverdue))]),
            [6, 3, 3.5, 3.5],
          ),
          body(`逾期时间最长的${Math.min(DOCX_OVERDUE_DETAIL_ROWS, overdueTasks.length)}项任务（全部逾期任务见 Excel 版）：`),
          table(
            ['任务编号', '任务', '牵头单位', '截止日期', '逾期工作日'],
            overdueTasks.slice(0, DOCX_OVERDUE_DETAIL_ROWS).map((i) => [i.code, i.title, i.department, i.dueDate, i.workingDaysOverdue]),
            [2, 7, 4, 2.8, 2.2],
          ),
        ]
      : [body('无逾期任务。')]),

    heading(indicators),
    body(text[indicators]),
    table(
      ['指标', '单位', '基期', '最新', '目标', '状态', '责任单位'],
      b.indicators.map((i) => [i.name, i.unit, point(i.baseline), point(i.latest), targetsText(i.comparison, i.targets), i.statusLabel, i.responsibleDepartment ?? '—']),
      [5.5, 2, 2.8, 2.8, 3.6, 2.6, 3],
    ),

    heading(ranking),
    body(text[ranking]),
    table(
      ['排名', '单位', '总分', '按时签收', '按时报送', '逾期情况', '办结率'],
      b.ranking.map((r) => [
        r.rank,
        r.department.name,
        formatNumber(r.total),
        formatNumber(r.components.acceptance),
        formatNumber(r.components.reporting),
        formatNumber(r.components.overdue),
        formatNumber(r.components.completion),
      ]),
      [1.4, 5, 2, 2.4, 2.4, 2.4, 2.4],
    ),
  ];

  const doc = new Document({
    title: `${b.plan.title} ${b.title}`,
    creator: '落实 Luoshi',
    styles: {
      default: {
        // zh-CN makes LibreOffice and Word pick the Simplified Chinese forms of a fallback font.
        document: { run: { font: BODY_FONT, size: 24, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
        heading1: { run: { font: HEADING_FONT, size: 30, bold: true } },
      },
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
