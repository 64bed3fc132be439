import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { acceptTask, count, draftTasks, openReport, PDF, useTemporaryUploadDir } from './approvals-fixture';
import { docxOf } from './documents';
import type { TaskSummary } from './tasks-fixture';
import { binaryBody, startTestApp, type TestApp } from './test-app';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('Evidence uploads: types by content, size, names, scope, checksum', () => {
  let t: TestApp;
  let drafts: TaskSummary[];
  let reportId: string;
  let taskId: string;
  const uploads = useTemporaryUploadDir();
  const as = (user: string) => t.login(user);
  const tokens = new Map<string, string>();
  const upload = (file: Buffer, name: string, user = 'jtt.liaison', owner = { ownerType: 'progress_report', ownerId: reportId }) =>
    // filepath: form-data would otherwise send only the base name of a name with slashes.
    t.http().post('/api/evidence').query(owner).set('Authorization', tokens.get(user) ?? '').attach('file', file, { filepath: name } as unknown as string);
  const stored = async () => ({ rows: await count(t, 'evidence_file'), files: uploads.files().length });

  beforeAll(async () => {
    t = await startTestApp();
    drafts = await draftTasks(t, 'REPORTS-EVIDENCE');
    taskId = await acceptTask(t, drafts[0], { lead: 'jtt', co: ['fgw'] });
    reportId = (await openReport(t, taskId)).id;
    for (const user of ['jtt.liaison', 'fgw.liaison', 'hz.liaison', 'reviewer']) tokens.set(user, await as(user));
  });
  afterAll(async () => {
    await t.close();
    uploads.cleanup();
  });

  it('round-trips a file: upload, download with its content type, the same SHA-256', async () => {
    const docx = await docxOf(['第四季度工作总结']);
    const res = await upload(docx, '第四季度工作总结.docx').expect(201);
    expect(res.body).toMatchObject({
      fileName: '第四季度工作总结.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: docx.length,
      sha256: sha256(docx),
      uploadedBy: { displayName: '陈联络员（省交通运输厅）' },
    });
    const [row] = await t.dataSource.query(`SELECT storage_key FROM evidence_file WHERE id = $1`, [res.body.id]);
    expect(row.storage_key).not.toContain('第四季度');
    // Whoever sees the task may download: the co-department and the office too.
    for (const user of ['jtt.liaison', 'fgw.liaison', 'reviewer']) {
      const got = await t.http().get(res.body.downloadUrl).set('Authorization', await as(user)).buffer(true).parse(binaryBody).expect(200);
      expect(got.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(got.headers['content-disposition']).toContain(encodeURIComponent('第四季度工作总结.docx'));
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(sha256(got.body as Buffer)).toBe(res.body.sha256);
    }
    const list = await t.http().get('/api/evidence').query({ ownerType: 'progress_report', ownerId: reportId }).set('Authorization', await as('fgw.head')).expect(200);
    expect(list.body.map((e: { id: string }) => e.id)).toContain(res.body.id);
    // A department that neither leads nor co-handles the task sees nothing.
    const denied = await t.http().get(res.body.downloadUrl).set('Authorization', await as('hz.liaison')).expect(403);
    expect(denied.body.code).toBe('REPORT_FORBIDDEN');
  });

  it('accepts PNG and JPEG images and xlsx sheets by their bytes', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]);
    expect((await upload(png, '现场.png').expect(201)).body.contentType).toBe('image/png');
    expect((await upload(jpg, '现场.JPEG').expect(201)).body.contentType).toBe('image/jpeg');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('投资完成情况').addRow(['项目', '完成投资（亿元）']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await upload(xlsx, '投资完成情况.xlsx').expect(201)).body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // A Word document is not a spreadsheet, whatever its name says.
    const docx = await docxOf(['x']);
    expect((await upload(docx, '投资.xlsx').expect(415)).body.code).toBe('EVIDENCE_TYPE_MISMATCH');
  });

  describe('refuses bad input with a specific 4xx and stores nothing (rows and files counted)', () => {
    it('an .exe renamed .pdf → 415', async () => {
      const before = await stored();
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
      const res = await upload(exe, '进展报告.pdf').expect(415);
      expect(res.body.code).toBe('EVIDENCE_TYPE_UNSUPPORTED');
      expect(await stored()).toEqual(before);
    });

    it('a PNG named .pdf → 415 (content and name disagree)', async () => {
      const before = await stored();
      const res = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), '报告.pdf').expect(415);
      expect(res.body.code).toBe('EVIDENCE_TYPE_MISMATCH');
      expect(res.body.message).toContain('PNG');
      expect(await stored()).toEqual(before);
    });

    it('an .exe → 415', async () => {
      const before = await stored();
      expect((await upload(Buffer.from('MZ....'), 'setup.exe').expect(415)).body.code).toBe('EVIDENCE_TYPE_UNSUPPORTED');
      expect(await stored()).toEqual(before);
    });

    it('a 100 MB upload → 413', async () => {
      const before = await stored();
      const big = Buffer.concat([PDF, Buffer.alloc(100 * 1024 * 1024, 0x20)]);
      const res = await upload(big, 'huge.pdf').catch((e: { response?: Response }) => e.response);
      expect(res?.status).toBe(413);
      expect(res?.body.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await stored()).toEqual(before);
    });

    it.each([['../../etc/passwd'], ['..\\..\\windows\\win.ini'], ['/etc/passwd.pdf'], ['.hidden.pdf']])('a path-traversal file name %j → 400', async (name) => {
      const before = await stored();
      const res = await upload(PDF, name).expect(400);
      expect(res.body.code).toBe('EVIDENCE_BAD_FILE_NAME');
      expect(await stored()).toEqual(before);
    });

    it('an empty file or no file → 400', async () => {
      const before = await stored();
      expect((await upload(Buffer.alloc(0), 'empty.pdf').expect(400)).body.code).toMatch(/^EVIDENCE_(EMPTY|FILE_MISSING)$/);
      const none = await t.http().post('/api/evidence').query({ ownerType: 'progress_report', ownerId: reportId }).set('Authorization', await as('jtt.liaison')).expect(400);
      expect(none.body.code).toBe('EVIDENCE_FILE_MISSING');
      expect(await stored()).toEqual(before);
    });

    it('an upload by a department that does not lead the task → 403', async () => {
      const before = await stored();
      expect((await upload(PDF, 'x.pdf', 'fgw.liaison').expect(403)).body.code).toBe('REPORT_FORBIDDEN');
      expect((await upload(PDF, 'x.pdf', 'hz.liaison').expect(403)).body.code).toBe('REPORT_FORBIDDEN');
      await upload(PDF, 'x.pdf', 'reviewer').expect(403);
      expect(await stored()).toEqual(before);
    });

    it('an unknown owner → 404, a bad owner type → 400', async () => {
      const before = await stored();
      await upload(PDF, 'x.pdf', 'jtt.liaison', { ownerType: 'progress_report', ownerId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      await upload(PDF, 'x.pdf', 'jtt.liaison', { ownerType: 'approval', ownerId: reportId }).expect(400);
      expect(await stored()).toEqual(before);
    });
  });
});
