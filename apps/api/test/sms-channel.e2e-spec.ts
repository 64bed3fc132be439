import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationDeliveryWorker } from '@luoshi/server/notifications';
import { ReminderDeliveryWorker } from '@luoshi/server/reminders';
import { acceptTask, draftTasks } from './approvals-fixture';
import { waitFor } from './fixtures';
import type { TaskSummary } from './tasks-fixture';
import { startTestApp, type TestApp } from './test-app';

const KEY_ID = 'LTAI-luoshi-test';
const KEY_SECRET = 'sms-secret-for-tests-1234';

interface Sent {
  phone: string;
  title: string;
  signName: string;
  templateCode: string;
}

/**
 * The gateway's own check of the signature, written from the API's description and not from the
 * client's code: canonical request → SHA-256 → HMAC-SHA256 with the key secret.
 */
function verify(req: IncomingMessage, url: URL, body: string): boolean {
  const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(req.headers['authorization'] ?? '');
  if (!auth || auth[1] !== KEY_ID) return false;
  const enc = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const query = [...url.searchParams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
  const signed = auth[2].split(';');
  if (!signed.includes('host') || !signed.includes('x-acs-date') || !signed.includes('x-acs-signature-nonce')) return false;
  const headers = signed.map((h) => `${h}:${String(req.headers[h] ?? '').trim()}\n`).join('');
  const payloadHash = createHash('sha256').update(body).digest('hex');
  if (req.headers['x-acs-content-sha256'] !== payloadHash) return false;
  const canonical = ['POST', url.pathname, query, headers, auth[2], payloadHash].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  return createHmac('sha256', KEY_SECRET).update(toSign).digest('hex') === auth[3];
}

describe('SMS channel (local gateway)', () => {
  let t: TestApp;
  let gateway: Server;
  let drafts: TaskSummary[];
  const sent: Sent[] = [];
  const badSignatures: string[] = [];
  /** Phones whose next requests the gateway answers 503. */
  const failNext = new Map<string, number>();
  const savedEnv = { ...process.env };
  const as = (user: string) => t.login(user);
  const smsOf = (phone: string) => sent.filter((s) => s.phone === phone);
  const deliveries = (phone: string) =>
    t.dataSource.query(`SELECT id, status, attempts, last_error, not_before FROM notification_delivery WHERE channel = 'sms' AND target = $1 ORDER BY created_at`, [phone]) as Promise<
      { id: string; status: string; attempts: number; last_error: string | null; not_before: Date | null }[]
    >;
  const optIn = async (user: string, phone: string, quiet: { quietStart: string | null; quietEnd: string | null } = { quietStart: null, quietEnd: null }) => {
    const res = await t.http().put('/api/notifications/preferences').set('Authorization', await as(user)).send({ email: null, emailEnabled: false, dailyDigest: false, phone, smsEnabled: true, ...quiet });
    expect([res.status, res.body.message]).toEqual([200, undefined]);
  };
  const urge = async (taskId: string) => t.http().post(`/api/tasks/${taskId}/urge`).set('Authorization', await as('office')).send({ message: '请尽快填报进展' }).expect(200);

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
        const phone = url.searchParams.get('PhoneNumbers') ?? '';
        const answer = (status: number, json: object) => {
          res.writeHead(status, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(json));
        };
        if (!verify(req, url, body)) {
          badSignatures.push(phone);
          return answer(403, { Code: 'SignatureDoesNotMatch', Message: 'bad signature' });
        }
        const failures = failNext.get(phone) ?? 0;
        if (failures > 0) {
          failNext.set(phone, failures - 1);
          return answer(503, { Code: 'ServiceUnavailable', Message: 'try later' });
        }
        if (phone.endsWith('0000')) return answer(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' });
        sent.push({
          phone,
          title: (JSON.parse(url.searchParams.get('TemplateParam') ?? '{}') as { title: string }).title,
          signName: url.searchParams.get('SignName') ?? '',
          templateCode: url.searchParams.get('TemplateCode') ?? '',
        });
        return answer(200, { Code: 'OK', Message: 'OK', BizId: `biz-${sent.length}`, RequestId: 'r' });
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', () => resolve()));
    process.env['SMS_GATEWAY_URL'] = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/`;
    process.env['SMS_ACCESS_KEY_ID'] = KEY_ID;
    process.env['SMS_ACCESS_KEY_SECRET'] = KEY_SECRET;
    process.env['SMS_SIGN_NAME'] = '落实督办';
    process.env['SMS_TEMPLATE_CODE'] = 'SMS_900001';
    process.env['DELIVERY_BACKOFF_MS'] = '50';
    t = await startTestApp();
    drafts = await draftTasks(t, 'SMS-CHANNEL');
  });

  afterAll(async () => {
    await t.close();
    process.env = savedEnv;
    await new Promise((r) => gateway.close(() => r(undefined)));
  });

  it('refuses SMS without a phone number, and a malformed number', async () => {
    const res = await t.http().put('/api/notifications/preferences').set('Authorization', await as('viewer')).send({ email: null, emailEnabled: false, dailyDigest: false, smsEnabled: true }).expect(400);
    expect(res.body.code).toBe('PHONE_REQUIRED');
    await t.http().put('/api/notifications/preferences').set('Authorization', await as('viewer')).send({ email: null, emailEnabled: false, dailyDigest: false, phone: '12345', smsEnabled: true }).expect(400);
  });

  it('delivers 催办 and a reminder by signed SMS to users who opted in, and to nobody else', async () => {
    const taskId = await acceptTask(t, drafts[0], { lead: 'jtt' });
    await optIn('jtt.liaison', '13800000001');
    const prefs = await t.http().get('/api/notifications/preferences').set('Authorization', await as('jtt.liaison')).expect(200);
    expect(prefs.body).toMatchObject({ phone: '13800000001', smsEnabled: true, quietStart: null });
    await urge(taskId);
    await waitFor(async () => smsOf('13800000001'), (s) => s.length >= 1, 15000, 'the urge SMS');
    expect(smsOf('13800000001')).toEqual([{ phone: '13800000001', signName: '落实督办', templateCode: 'SMS_900001', title: expect.stringContaining('催办') }]);
    // jtt.head was told in-app but never opted in to SMS.
    expect(await t.dataSource.query(`SELECT 1 FROM notification_delivery d JOIN app_user u ON u.id = d.user_id WHERE d.channel = 'sms' AND u.username = 'jtt.head'`)).toEqual([]);

    const [r] = await t.dataSource.query(
      `INSERT INTO reminder (subject_type, subject_id, deadline, key, fire_at, level, recipients, title)
       VALUES ('task', $1, '2027-06-30', 'sms:overdue', now(), 'overdue', ARRAY['lead_liaison'], '短信提醒任务') RETURNING id`,
      [taskId],
    );
    expect(await t.app.get(ReminderDeliveryWorker).handleDeliverReminder({ reminderId: r.id })).toMatch(/^delivered/);
    await waitFor(async () => smsOf('13800000001'), (s) => s.some((x) => x.title.includes('逾期提醒')), 15000, 'the reminder SMS');
    expect(badSignatures).toEqual([]);
  });

  it('retries when the gateway answers 5xx, then delivers once', async () => {
    const taskId = await acceptTask(t, drafts[1], { lead: 'hz' });
    await optIn('hz.liaison', '13800000002');
    failNext.set('13800000002', 2);
    await urge(taskId);
    const [row] = await waitFor(() => deliveries('13800000002'), (d) => d[0]?.status === 'sent', 20000, 'the retried SMS');
    expect(row.attempts).toBe(3);
    expect(smsOf('13800000002')).toHaveLength(1);
  });

  it('a number the gateway refuses fails at once and is listed among the failed deliveries, where the office can retry it', async () => {
    const taskId = await acceptTask(t, drafts[2], { lead: 'fgw' });
    await optIn('fgw.liaison', '13900000000');
    await urge(taskId);
    const [row] = await waitFor(() => deliveries('13900000000'), (d) => d[0]?.status === 'failed', 20000, 'the failed SMS');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain('MOBILE_NUMBER_ILLEGAL');
    const office = await as('office');
    const failed = await t.http().get('/api/notifications/deliveries').query({ status: 'failed' }).set('Authorization', office).expect(200);
    expect(failed.body).toEqual(expect.arrayContaining([expect.objectContaining({ id: row.id, channel: 'sms', target: '13900000000', status: 'failed' })]));
    await t.http().post(`/api/notifications/deliveries/${row.id}/retry`).set('Authorization', office).expect(204);
    await waitFor(() => deliveries('13900000000'), (d) => d[0]?.status === 'failed' && d[0].attempts === 1, 20000, 'the retried SMS to fail again');
  });

  it('holds an SMS due in the quiet hours until they end', async () => {
    // Quiet hours from an hour ago to an hour ahead, Beijing time.
    const hhmm = (offsetHours: number) => new Date(Date.now() + (8 + offsetHours) * 3_600_000).toISOString().slice(11, 16);
    const taskId = await acceptTask(t, drafts[3], { lead: 'jtt' });
    await optIn('jtt.head', '13800000003', { quietStart: hhmm(-1), quietEnd: hhmm(1) });
    await urge(taskId);
    const [row] = await waitFor(() => deliveries('13800000003'), (d) => d.length === 1, 15000, 'the held SMS');
    expect(row.status).toBe('pending');
    const wait = new Date(row.not_before as Date).getTime() - Date.now();
    expect(wait).toBeGreaterThan(50 * 60_000);
    expect(wait).toBeLessThanOrEqual(60 * 60_000);
    const worker = t.app.get(NotificationDeliveryWorker);
    expect(await worker.handleSendDelivery({ deliveryId: row.id })).toBe('deferred');
    expect(smsOf('13800000003')).toEqual([]);
    // The quiet hours end.
    await t.dataSource.query(`UPDATE notification_delivery SET not_before = now() - interval '1 second' WHERE id = $1`, [row.id]);
    expect(await worker.handleSendDelivery({ deliveryId: row.id })).toBe('sent');
    expect(smsOf('13800000003')).toHaveLength(1);
  });
});
