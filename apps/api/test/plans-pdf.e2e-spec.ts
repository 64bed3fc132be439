import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimalPdf } from '@luoshi/server/platform/testing';
import { usePlanImport } from './plan-import';

/** A small spun plan with duty annotations, printed to PDF by LibreOffice (see apps/web-e2e/fixtures). */
const PORT_PLAN_PDF = readFileSync(join(__dirname, '../../web-e2e/fixtures/port-plan.pdf'));

/** A valid one-page PDF without any text, as a scanner makes them (an image would change nothing). */
const pdfWithoutText = () => minimalPdf(['']);

interface Duty {
  deliverable: string;
  leadNames: string[];
  leadDepartmentCodes: (string | null)[];
  collectiveNames: string[];
  unresolvedNames: string[];
}

describe('Plan import: PDF', () => {
  const { upload, expectRefused, countVersions } = usePlanImport();

  it('reads a PDF: the plan, its spun words judged and corrected, its duties with several leads and unknown names', async () => {
    const res = await upload(PORT_PLAN_PDF, '港口协同方案.pdf', { dryRun: 'true' }).expect(200);
    expect(res.body.format).toBe('pdf');
    expect(res.body.title).toBe('海湾市推进港口协同发展行动方案');
    expect(res.body.preamble).toContain('结合本市实际');
    expect(res.body.stats.measures).toBe(4);
    expect(res.body.corruption).toMatchObject({ corrupted: true, applied: true });
    expect(res.body.corruption.evidence.map((e: { term: string }) => e.term)).toEqual(expect.arrayContaining(['沉点', '收撑']));
    expect(res.body.corrections.map((c: { wrong: string; right: string }) => `${c.wrong}→${c.right}`)).toEqual(
      expect.arrayContaining(['鞭策→推动', '扶植→建设']),
    );
    const rail = res.body.duties.find((d: Duty) => d.deliverable.includes('城际铁路')) as Duty;
    expect(rail.leadNames).toEqual(['省交通运输厅', '省发展改革委']);
    expect(rail.leadDepartmentCodes).toEqual(['jtt', 'fgw']);
    expect(res.body.unresolvedDepartmentNames.map((u: { name: string }) => u.name)).toEqual(['省港航集团']);
    const coordination = res.body.duties.find((d: Duty) => d.deliverable.includes('统筹协调')) as Duty;
    expect(coordination.collectiveNames).toContain('有关部门');
  });

  it('refuses a PDF without text (a scan) with 422, naming OCR, and writes nothing', async () => {
    const before = await countVersions();
    const res = await upload(pdfWithoutText(), '扫描件.pdf', { dryRun: 'false' }).expect(422);
    expect(res.body).toMatchObject({ statusCode: 422, code: 'PLAN_PDF_NO_TEXT' });
    expect(`${res.body.message} ${res.body.messageEn}`).toMatch(/OCR/);
    expect(res.body.requestId).toEqual(expect.any(String));
    expect(await countVersions()).toBe(before);
  });

  it.each([
    ['a file named .pdf that is not one', Buffer.from('这不是PDF文件'), 'plan.pdf', 400, 'PLAN_PDF_INVALID'],
    ['a corrupt .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]), 'plan.doc', 400, 'PLAN_DOC_INVALID'],
  ])('refuses %s with a 4xx and writes nothing', async (_label, buffer, name, status, code) => {
    await expectRefused(buffer, name, status, code);
  });
});
