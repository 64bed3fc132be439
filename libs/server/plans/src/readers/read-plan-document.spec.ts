import { PlanErrorCode } from '../plan.exception';
import { detectPlanFormat, readPlanDocument } from '../read-plan-document';

describe('readPlanDocument', () => {
  it('detects every accepted format by extension and refuses others with 415', () => {
    expect(['a.txt', 'a.md', 'a.markdown', 'a.docx', 'a.doc', 'A.PDF'].map(detectPlanFormat)).toEqual(['txt', 'md', 'md', 'docx', 'doc', 'pdf']);
    expect(() => detectPlanFormat('plan.xlsx')).toThrow(expect.objectContaining({ code: PlanErrorCode.FILE_TYPE, status: 415 }));
  });

  it('reads text as UTF-8 or GB18030', async () => {
    const gb18030 = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3]); // 一、总体要求
    await expect(readPlanDocument('plan.txt', gb18030)).resolves.toEqual({ format: 'txt', text: '一、总体要求' });
    await expect(readPlanDocument('plan.md', Buffer.from('\uFEFF# 方案\n\n一、总体要求'))).resolves.toEqual({ format: 'md', text: '# 方案\n\n一、总体要求' });
  });

  it('refuses an empty file, a file over the limit and binary text', async () => {
    await expect(readPlanDocument('plan.pdf', Buffer.alloc(0))).rejects.toMatchObject({ code: PlanErrorCode.FILE_EMPTY, status: 400 });
    await expect(readPlanDocument('plan.pdf', Buffer.alloc(5 * 1024 * 1024 + 1))).rejects.toMatchObject({ code: PlanErrorCode.FILE_TOO_LARGE, status: 413 });
    await expect(readPlanDocument('plan.txt', Buffer.from([0x41, 0x00, 0x42]))).rejects.toMatchObject({ code: PlanErrorCode.FILE_BINARY });
  });
});
