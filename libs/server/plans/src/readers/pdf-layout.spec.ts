import { closeCjkSpacing, layoutPdf, type PdfPage, type PdfTextItem } from './pdf-layout';

const SIZE = 16;
/** One line of CJK text at (x, y), each character SIZE wide. */
const line = (str: string, x: number, y: number): PdfTextItem => ({ str, x, y, width: str.length * SIZE, size: SIZE });
const page = (items: PdfTextItem[]): PdfPage => ({ width: 595, height: 842, items });

// Body from x=90 to x=506 (26 characters of 16 pt); first-line indent of two characters.
const LEFT = 90;
const FULL = 26;

describe('layoutPdf', () => {
  it('joins hard-wrapped lines, also in the middle of a number (8⏎5%), and starts a paragraph at an indent', () => {
    const prose = '到2020年，全省常住人口城镇化率全面提升达到85%，户籍人口城镇化率明显提高，城乡区域发展差距进一步缩小。';
    const text = layoutPdf([
      page([
        line('一、总体要求', LEFT + 32, 760),
        line(prose.slice(0, FULL - 2), LEFT + 32, 730),
        line(prose.slice(FULL - 2, 2 * FULL - 2), LEFT, 700),
        line(prose.slice(2 * FULL - 2), LEFT, 670),
        line('（一）加强组织领导。', LEFT + 32, 640),
      ]),
    ]);
    expect(prose.slice(0, FULL - 2)).toMatch(/8$/);
    expect(text.split('\n\n')).toEqual(['一、总体要求', prose, '（一）加强组织领导。']);
  });

  it('continues a paragraph across a page break and drops running headers, footers and page numbers', () => {
    const pages = [1, 2, 3].map((n) =>
      page([
        line('某某省人民政府办公厅文件', 300, 800),
        n === 1 ? line('第1段开始的正文一直写到右边界为止还没有结束还没', LEFT + 32, 700) : line(`第${n}段开始的正文一直写到右边界为止还没有结束还没有结`.slice(0, FULL), LEFT, 700),
        line('束的一整行文字继续写满这一行直到右边界为止没有结束的文'.slice(0, FULL), LEFT, 670),
        line(`— ${n} —`, 280, 40),
      ]),
    );
    const text = layoutPdf(pages);
    expect(text).not.toContain('办公厅文件');
    expect(text).not.toMatch(/—/);
    expect(text.split('\n\n')).toHaveLength(1);
  });

  it('keeps table rows as TAB-separated cells and joins a cell wrapped onto a second line', () => {
    const cell = (str: string, x: number, y: number): PdfTextItem => ({ str, x, y, width: str.length * 10.5, size: 10.5 });
    const text = layoutPdf([
      page([
        cell('序号', 90, 500), cell('重点任务', 130, 500), cell('牵头单位', 330, 500), cell('配合单位', 430, 500),
        cell('1', 90, 480), cell('建设全省统一的涉企政策服务平台并逐步', 130, 480), cell('省发展改革委', 330, 480), cell('各设区市政府', 430, 480),
        cell('推广应用', 130, 466),
        cell('2', 90, 446), cell('实施人才引进计划', 130, 446), cell('省委组织部', 330, 446), cell('有关部门', 430, 446),
      ]),
    ]);
    expect(text).toBe(
      ['序号\t重点任务\t牵头单位\t配合单位', '1\t建设全省统一的涉企政策服务平台并逐步推广应用\t省发展改革委\t各设区市政府', '2\t实施人才引进计划\t省委组织部\t有关部门'].join('\n'),
    );
  });

  it('closes the spaces PDF producers put between Chinese and digits', () => {
    expect(closeCjkSpacing('到 2025 年，达到 95% 以上，Word 文档')).toBe('到2025年，达到95%以上，Word文档');
  });
});
