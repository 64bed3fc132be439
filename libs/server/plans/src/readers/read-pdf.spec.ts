import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { minimalPdf as minimalPdfOf } from '@luoshi/server/platform/testing';
import { PlanErrorCode } from '../plan.exception';
import { readPlanDocument } from '../read-plan-document';
import { inflatedPdfSize } from './read-pdf';

// Fixtures: testing/make-fixtures.mjs (docx package → LibreOffice PDF export).
const fixture = (name: string) => readFileSync(join(__dirname, 'testing', name));

/** A minimal PDF: one page per entry of `pages`, each with its text at the top left (Helvetica). */
const minimalPdf = (pages: string[], extraFlateStream?: Buffer) => minimalPdfOf(pages, { extraFlateStream, mediaBox: '[0 0 300 300]' });

// pdfjs loads in a worker thread; on the shared two-core machine that takes seconds, not milliseconds.
jest.setTimeout(120_000);

describe('readPlanDocument (.pdf)', () => {
  it('reads a LibreOffice PDF: header and page-number footer dropped, wrapped lines joined, the annex table as TAB rows', async () => {
    const { format, text } = await readPlanDocument('方案.pdf', fixture('plan-with-header-footer.pdf'));
    expect(format).toBe('pdf');
    expect(text).not.toContain('测试省人民政府办公厅文件');
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    const paragraphs = text.split('\n\n');
    expect(paragraphs[0]).toBe('测试省优化营商环境三年行动方案');
    expect(paragraphs).toContain('一、总体要求');
    const first = paragraphs.find((p) => p.startsWith('（一）深化“放管服”改革。'));
    expect(first).toContain('到2025年，政务服务事项网上可办率达到95%以上，企业开办时间压缩至1个工作日以内。');
    expect(first).toMatch(/（省政务服务办牵头，省市场监管局、省公安厅配合）$/);
    expect(first).not.toContain('\n');
    expect(text).toContain(
      [
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t全面推行证明事项告知承诺制，建设一网通办平台\t省政务服务办\t省市场监管局、省公安厅\t2025年底前',
        '2\t建成全省统一的涉企政策服务平台\t省发展改革委\t各设区市政府\t2024年底前',
        '3\t实施高层次人才引进计划\t省委组织部、省人力社保厅\t省教育厅、省科技厅\t长期坚持',
      ].join('\n'),
    );
  });

  it('reads several PDFs at once (workers queue) with the same result', async () => {
    const texts = await Promise.all([1, 2, 3].map(() => readPlanDocument('方案.pdf', fixture('plan-with-header-footer.pdf')).then((r) => r.text)));
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain('二、重点任务');
  });

  it('refuses a PDF without text (a scan) with 422, naming OCR', async () => {
    await expect(readPlanDocument('扫描件.pdf', fixture('scan-without-text.pdf'))).rejects.toMatchObject({
      code: PlanErrorCode.PDF_NO_TEXT,
      status: 422,
      message: expect.stringContaining('OCR'),
      messageEn: expect.stringContaining('OCR'),
    });
  });

  it('refuses a password-protected PDF with 422', async () => {
    await expect(readPlanDocument('加密.pdf', fixture('encrypted.pdf'))).rejects.toMatchObject({ code: PlanErrorCode.PDF_ENCRYPTED, status: 422 });
  });

  it('refuses a PDF past the page limit with 413', async () => {
    const pages = Array.from({ length: 501 }, (_, i) => `Page ${i + 1} of the plan text`);
    await expect(readPlanDocument('长文件.pdf', minimalPdf(pages))).rejects.toMatchObject({ code: PlanErrorCode.PDF_TOO_MANY_PAGES, status: 413 });
  });

  it('refuses a PDF whose streams inflate past the limit before pdfjs reads it', async () => {
    const bomb = deflateSync(Buffer.alloc(60 * 1024 * 1024), { level: 9 });
    const pdf = minimalPdf(['One page of real text here'], bomb);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    expect(inflatedPdfSize(pdf)).toBeGreaterThan(50 * 1024 * 1024);
    await expect(readPlanDocument('炸弹.pdf', pdf)).rejects.toMatchObject({ code: PlanErrorCode.UNCOMPRESSED_TOO_LARGE, status: 413 });
  });

  it('counts the inflated size of an ordinary PDF', () => {
    expect(inflatedPdfSize(minimalPdf(['Hello plan text'], deflateSync(Buffer.alloc(1000, 65))))).toBeGreaterThanOrEqual(1000);
  });

  it('refuses a file that is not a PDF and a broken PDF with 400', async () => {
    await expect(readPlanDocument('x.pdf', Buffer.from('not a pdf at all'))).rejects.toMatchObject({ code: PlanErrorCode.PDF_INVALID, status: 400 });
    await expect(readPlanDocument('x.pdf', Buffer.from('%PDF-1.4\n1 0 obj garbage'))).rejects.toMatchObject({ status: 400 });
  });
});
