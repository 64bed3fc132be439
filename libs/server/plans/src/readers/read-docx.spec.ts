import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { zipSync, strToU8 } from 'fflate';
import { PlanErrorCode } from '../plan.exception';
import { readDocx } from './read-docx';

const repoRoot = join(__dirname, '..', '..', '..', '..', '..');
const casesDir = join(repoRoot, '..', 'shared', 'plan-import-cases');

const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level: lvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
});

async function numberedPlan(): Promise<Buffer> {
  const numbered = (text: string, lvl: number) => new Paragraph({ text, numbering: { reference: 'plan', level: lvl } });
  const cell = (text: string, merge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
    new TableCell({ children: [new Paragraph(text)], verticalMerge: merge });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            level(0, LevelFormat.CHINESE_COUNTING, '%1、'),
            level(1, LevelFormat.CHINESE_COUNTING, '（%2）'),
            level(2, LevelFormat.DECIMAL, '%3.'),
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('某市人才发展行动计划'),
          numbered('总体要求', 0),
          numbered('重点任务', 0),
          numbered('引进高层次人才', 1),
          numbered('实施引才项目。（市委组织部牵头，市人力社保局配合）', 2),
          numbered('完善住房保障。', 2),
          numbered('培育青年人才', 1),
          numbered('建设青年驿站。', 2),
          ...Array.from({ length: 9 }, (_, i) => numbered(`第${i + 3}个部分`, 0)),
          new Paragraph('附件：重点任务分工表'),
          new Table({
            rows: [
              new TableRow({ children: [cell('序号'), cell('重点任务'), cell('牵头单位'), cell('配合单位')] }),
              new TableRow({ children: [cell('1'), cell('实施引才项目'), cell('市委组织部', VerticalMergeType.RESTART), cell('市人力社保局')] }),
              new TableRow({ children: [cell('2'), cell('完善住房保障'), cell('', VerticalMergeType.CONTINUE), cell('')] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

jest.setTimeout(60_000);

describe('readDocx', () => {
  it('writes Word automatic numbering into the text, restarting deeper levels under a new parent', async () => {
    const text = readDocx(await numberedPlan());
    const paragraphs = text.split('\n\n');
    expect(paragraphs.slice(0, 8)).toEqual([
      '某市人才发展行动计划',
      '一、总体要求',
      '二、重点任务',
      '（一）引进高层次人才',
      '1.实施引才项目。（市委组织部牵头，市人力社保局配合）',
      '2.完善住房保障。',
      '（二）培育青年人才',
      '1.建设青年驿站。',
    ]);
    expect(paragraphs).toContain('十一、第11个部分');
  });

  it('writes tables as TAB-separated rows between blank lines; a merged cell repeats its text', async () => {
    const text = readDocx(await numberedPlan());
    expect(text).toContain(
      '附件：重点任务分工表\n\n序号\t重点任务\t牵头单位\t配合单位\n1\t实施引才项目\t市委组织部\t市人力社保局\n2\t完善住房保障\t市委组织部\t',
    );
  });

  it('reads the s10 case (headings numbered by Word) as if the numbers were typed', () => {
    const text = readDocx(readFileSync(join(casesDir, 's10-word-autonumbering.docx')));
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('测试实施意见');
    expect(paragraphs).toContain('一、实施人才行动计划');
    expect(paragraphs).toContain('（一）产业提升人才行动计划。实施如下重点项目：');
    expect(paragraphs).toContain('1.紧缺人才开发项目。重点引进紧缺人才。（牵头单位：市发展改革委）');
    expect(paragraphs).toContain('2.企业家培养项目。培养优秀企业家。（牵头单位：市委组织部）');
    expect(paragraphs).toContain('二、强化组织实施');
  });

  it('refuses a package whose parts inflate past the limit, from the zip directory, before inflating', () => {
    // 60 MB of zeros compress to a few kB: the central directory says 60 MB.
    const bomb = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(() => readDocx(bomb)).toThrow(expect.objectContaining({ code: PlanErrorCode.UNCOMPRESSED_TOO_LARGE, status: 413 }));
  });

  it('refuses a file that is not a zip, a zip without a document and broken XML, with a 400', () => {
    const invalid = expect.objectContaining({ code: PlanErrorCode.DOCX_INVALID, status: 400 });
    expect(() => readDocx(Buffer.from('这不是 Word 文档'))).toThrow(invalid);
    expect(() => readDocx(Buffer.from(zipSync({ 'other.xml': strToU8('<a/>') })))).toThrow(invalid);
    expect(() => readDocx(Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') })))).toThrow(invalid);
  });

  it('does not expand entities declared in the document (no billion-laughs), refusing it with a 400', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>';
    expect(() => readDocx(Buffer.from(zipSync({ 'word/document.xml': strToU8(xml) })))).toThrow(
      expect.objectContaining({ code: PlanErrorCode.DOCX_INVALID, status: 400 }),
    );
  });
});
