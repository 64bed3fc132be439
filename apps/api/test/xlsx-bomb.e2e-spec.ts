import { zip } from '@luoshi/server/platform/testing';
import { useTestApp } from './test-app';

/** Issue 12 row 1 for the task Excel import: decompressed size is capped before the sheet is read. */
describe('Task Excel import against decompression bombs', () => {
  const t = useTestApp();

  it('refuses a small .xlsx that inflates to hundreds of MB, before reading it, and stays up', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20), declaredSize: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const office = await t.login('office');
    const res = await t.http().post('/api/tasks/import-assignments').set('Authorization', office).attach('file', bomb, '台账.xlsx');
    expect([res.status, res.body.code]).toEqual([400, 'TASK_IMPORT_FILE_INVALID']);
    expect(res.body.messageEn).toMatch(/decompresses to more than 40 MB/);
    await t.http().get('/api/health').expect(200);
  });
});
