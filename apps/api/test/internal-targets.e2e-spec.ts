import { loadConfig } from '@luoshi/server/platform';
import { acceptTask, draftTasks, openReport, useTemporaryUploadDir } from './approvals-fixture';
import { startTestApp, type TestApp } from './test-app';

/** Issue 12 row 14: webhooks refuse internal addresses unless allowed; file names with bidi controls are refused. */
describe('Internal webhook targets and disguised file names', () => {
  let t: TestApp;
  const uploads = useTemporaryUploadDir();
  const saved = process.env['WEBHOOK_ALLOWED_HOSTS'];
  beforeAll(async () => {
    // This suite runs with the production default: nothing internal allowed.
    delete process.env['WEBHOOK_ALLOWED_HOSTS'];
    t = await startTestApp();
  });
  afterAll(async () => {
    process.env['WEBHOOK_ALLOWED_HOSTS'] = saved;
    await t.close();
    uploads.cleanup();
  });

  it('refuses webhooks to loopback, private and metadata addresses and writes nothing', async () => {
    expect(loadConfig().WEBHOOK_ALLOWED_HOSTS).toBe('');
    const office = await t.login('office');
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM webhook_endpoint`);
    for (const url of ['http://127.0.0.1:6379/robot', 'http://localhost:5432/', 'http://[::1]:3000/api', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.8/send', 'http://192.168.1.1/']) {
      const res = await t.http().post('/api/notifications/webhooks').set('Authorization', office).send({ name: '内部地址', url, secret: 'SEC1234567' });
      expect([url, res.status, res.body.code]).toEqual([url, 400, 'WEBHOOK_ADDRESS_REFUSED']);
    }
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM webhook_endpoint`);
    expect(after).toBe(before);
  });

  it('refuses evidence and plan files whose names carry bidi control characters', async () => {
    const liaison = await t.login('office');
    const disguised = '进展报告\u202Efdp.exe';
    const plan = await t
      .http()
      .post('/api/plans/import')
      .set('Authorization', liaison)
      .attach('file', Buffer.from('一、总体要求\n（一）指导思想\n坚持统筹推进。\n', 'utf8'), `方案\u2066x\u2069.txt`);
    expect([plan.status, plan.body.code]).toEqual([400, 'FILE_NAME_INVALID']);
    const [draft] = await draftTasks(t, 'BIDI-NAMES');
    const report = await openReport(t, await acceptTask(t, draft, { lead: 'jtt' }));
    const evidence = await t
      .http()
      .post('/api/evidence')
      .query({ ownerType: 'progress_report', ownerId: report.id })
      .set('Authorization', await t.login('jtt.liaison'))
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), disguised);
    expect(evidence.status).toBe(400);
    expect(JSON.stringify(evidence.body)).toMatch(/双向|bidirectional/);
  });
});
