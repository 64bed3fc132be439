import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanErrorCode } from '../plan.exception';
import { readPlanDocument } from '../read-plan-document';
import { layoutDocText } from './read-doc';

jest.setTimeout(60_000);

describe('readPlanDocument (.doc)', () => {
  it('reads a Word 97 document (LibreOffice-saved fixture): paragraphs and the annex table as TAB rows', async () => {
    const { format, text } = await readPlanDocument('方案.doc', readFileSync(join(__dirname, 'testing', 'plan.doc')));
    expect(format).toBe('doc');
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('测试省优化营商环境三年行动方案');
    expect(paragraphs).toContain('二、重点任务');
    expect(paragraphs.find((p) => p.startsWith('（二）优化营商环境。'))).toMatch(/（省发展改革委牵头，各设区市政府负责）$/);
    expect(text).toContain('序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t全面推行证明事项告知承诺制，建设一网通办平台\t省政务服务办\t省市场监管局、省公安厅\t2025年底前');
  });

  it('keeps empty cells as empty fields', () => {
    expect(layoutDocText('标题\n1\t任务\t\t有关部门\t\n正文\n')).toBe('标题\n\n1\t任务\t\t有关部门\n\n正文');
  });

  it('refuses a corrupt .doc and a file that is not Word with 400', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
    await expect(readPlanDocument('坏.doc', ole)).rejects.toMatchObject({ code: PlanErrorCode.DOC_INVALID, status: 400 });
    await expect(readPlanDocument('坏.doc', Buffer.from('plain text, not Word'))).rejects.toMatchObject({ code: PlanErrorCode.DOC_INVALID, status: 400 });
  });
});
