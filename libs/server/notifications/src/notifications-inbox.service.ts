import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  NotificationDeliveryResponse,
  NotificationPageResponse,
  NotificationPreferenceRequest,
  NotificationPreferenceResponse,
  WebhookEndpointResponse,
} from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { UserDirectory } from '@luoshi/server/identity';
import {
  APP_CONFIG,
  type AppConfig,
  cappedCountSql,
  cappedTotal,
  COUNT_CAP,
  DomainException,
  type KeysetSort,
  keysetPage,
  type RequestActor,
  SqlParams,
} from '@luoshi/server/platform';
import { NotificationsService } from './notifications.service';
import { checkWebhookTarget, parseWebhookAllowList, type WebhookAllowList } from './webhook-address';

/** A person's notifications and preferences; the office's webhooks and failed deliveries. */
@Injectable()
export class NotificationsInboxService {
  private readonly webhookAllowList: WebhookAllowList;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly users: UserDirectory,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.webhookAllowList = parseWebhookAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  /**
   * One page of my notifications, newest first: from notification_user_order_idx (user, created_at,
   * id) after the `after` cursor (page numbers for the first 10,000); total capped at COUNT_CAP.
   */
  async list(userId: string, options: { unreadOnly: boolean; page: number; pageSize: number; after?: string }): Promise<NotificationPageResponse> {
    const { values: params, p } = new SqlParams([userId]);
    // created_at > now(): a reminder written ahead, not yet due (see NotifyInput.visibleAt).
    const where = [`n.user_id = $1`, `n.created_at <= now()`];
    if (options.unreadOnly) where.push(`n.read_at IS NULL`);
    const countSql = cappedCountSql(`SELECT 1 FROM notification n WHERE ${where.join(' AND ')}`, '$2');
    const keyset = keysetPage(NOTIFICATION_SORT_NAME, NOTIFICATION_SORT, options, p);
    if (keyset.afterCursor) where.push(keyset.afterCursor);
    const [rows, [{ n }], unread] = await Promise.all([
      this.dataSource.query(
        `SELECT n.id, n.kind, n.title, n.body, n.link, n.level, n.subject_type AS "subjectType", n.subject_id AS "subjectId",
                n.created_at AS "createdAt", n.read_at AS "readAt", ${keyset.columns}
           FROM notification n WHERE ${where.join(' AND ')}
          ${keyset.orderAndLimit}`,
        params,
      ) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(countSql, [userId, COUNT_CAP + 1]) as Promise<{ n: number }[]>,
      this.unreadCount(userId),
    ]);
    const { items, nextCursor } = keyset.cut(rows);
    return {
      items: items.map(({ k0: _k0, k1: _k1, ...r }) => ({
        ...r,
        createdAt: new Date(r['createdAt'] as string).toISOString(),
        readAt: r['readAt'] ? new Date(r['readAt'] as string).toISOString() : null,
      })) as NotificationPageResponse['items'],
      ...cappedTotal(n),
      unread,
      page: options.page,
      pageSize: options.pageSize,
      nextCursor,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL AND created_at <= now()`, [userId]);
    return row.n;
  }

  async markRead(userId: string, ids: string[] | 'all'): Promise<{ unread: number }> {
    if (ids === 'all') {
      await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND created_at <= now()`, [userId]);
    } else {
      await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL AND created_at <= now()`, [userId, ids]);
    }
    return { unread: await this.unreadCount(userId) };
  }

  async preferences(userId: string): Promise<NotificationPreferenceResponse> {
    // The phone number lives on the user profile (identity); the rest is this capability's.
    const [[row], phone] = await Promise.all([
      this.dataSource.query(
        `SELECT p.email, coalesce(p.email_enabled, false) AS "emailEnabled", coalesce(p.daily_digest, false) AS "dailyDigest",
                coalesce(p.sms_enabled, false) AS "smsEnabled",
                to_char(p.quiet_start, 'HH24:MI') AS "quietStart", to_char(p.quiet_end, 'HH24:MI') AS "quietEnd"
           FROM notification_preference p WHERE p.user_id = $1`,
        [userId],
      ),
      this.users.phoneOf(this.dataSource, userId),
    ]);
    return row
      ? { email: row.email, emailEnabled: row.emailEnabled, dailyDigest: row.dailyDigest, phone, smsEnabled: row.smsEnabled, quietStart: row.quietStart, quietEnd: row.quietEnd }
      : { email: null, emailEnabled: false, dailyDigest: false, phone, smsEnabled: false, quietStart: null, quietEnd: null };
  }

  /** E-mail and SMS preferences; SMS fields left out stay as they are. The phone number lives on the user profile. */
  async updatePreferences(actor: RequestActor & { user: { id: string } }, input: NotificationPreferenceRequest): Promise<NotificationPreferenceResponse> {
    if (input.emailEnabled && !input.email) {
      throw new DomainException(400, 'EMAIL_REQUIRED', '开启邮件提醒需要填写邮箱', 'An e-mail address is needed for e-mail reminders');
    }
    const before = await this.preferences(actor.user.id);
    const after: NotificationPreferenceResponse = {
      email: input.email,
      emailEnabled: input.emailEnabled,
      dailyDigest: input.dailyDigest,
      phone: input.phone === undefined ? before.phone : input.phone,
      smsEnabled: input.smsEnabled ?? before.smsEnabled,
      quietStart: input.quietStart === undefined ? before.quietStart : input.quietStart,
      quietEnd: input.quietEnd === undefined ? before.quietEnd : input.quietEnd,
    };
    if (after.smsEnabled && !after.phone) {
      throw new DomainException(400, 'PHONE_REQUIRED', '开启短信提醒需要填写手机号码', 'A mobile number is needed for SMS reminders', { field: 'phone' });
    }
    if ((after.quietStart === null) !== (after.quietEnd === null)) {
      throw new DomainException(400, 'QUIET_HOURS_INCOMPLETE', '免打扰时段需要同时填写开始和结束时间', 'Quiet hours need both a start and an end', { field: 'quietEnd' });
    }
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO notification_preference (user_id, email, email_enabled, daily_digest, sms_enabled, quiet_start, quiet_end)
         VALUES ($1, $2, $3, $4, $5, $6::time, $7::time)
         ON CONFLICT (user_id) DO UPDATE SET email = $2, email_enabled = $3, daily_digest = $4, sms_enabled = $5,
                quiet_start = $6::time, quiet_end = $7::time, updated_at = now()`,
        [actor.user.id, after.email, after.emailEnabled, after.dailyDigest, after.smsEnabled, after.quietStart, after.quietEnd],
      );
      if (after.phone !== before.phone) await this.users.setPhone(m, actor.user.id, after.phone);
      await this.audit.record(m, actor, { action: 'notification_preference.update', subjectType: 'user', subjectId: actor.user.id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  async webhooks(): Promise<WebhookEndpointResponse[]> {
    const rows: Omit<WebhookEndpointResponse, 'departmentName'>[] = await this.dataSource.query(
      `SELECT w.id, w.department_id AS "departmentId", w.name, w.url, w.enabled FROM webhook_endpoint w ORDER BY w.created_at`,
    );
    const departments = await this.users.departments(this.dataSource, rows.map((w) => w.departmentId));
    return rows.map((w) => ({ id: w.id, departmentId: w.departmentId, departmentName: (w.departmentId && departments.get(w.departmentId)?.name) || null, name: w.name, url: w.url, enabled: w.enabled }));
  }

  async addWebhook(actor: RequestActor, input: { departmentCode?: string; name: string; url: string; secret: string }): Promise<WebhookEndpointResponse> {
    const refused = await checkWebhookTarget(input.url, this.webhookAllowList, false);
    if (refused) {
      throw new DomainException(
        400,
        'WEBHOOK_ADDRESS_REFUSED',
        `机器人地址不能指向内部网络地址（${refused}）；如确需使用，请在 WEBHOOK_ALLOWED_HOSTS 中放行`,
        `Webhooks may not target internal addresses (${refused}); allow them in WEBHOOK_ALLOWED_HOSTS if intended`,
        { field: 'url' },
      );
    }
    return this.dataSource.transaction(async (m) => {
      let departmentId: string | null = null;
      if (input.departmentCode) {
        const d = await this.users.departmentByCode(m, input.departmentCode);
        if (!d) throw new DomainException(400, 'UNKNOWN_DEPARTMENT', `部门不存在：${input.departmentCode}`, `Unknown department: ${input.departmentCode}`);
        departmentId = d.id;
      }
      const [row] = await m.query(
        `INSERT INTO webhook_endpoint (department_id, name, url, secret) VALUES ($1, $2, $3, $4) RETURNING id`,
        [departmentId, input.name, input.url, input.secret],
      );
      await this.audit.record(m, actor, { action: 'webhook.create', subjectType: 'webhook_endpoint', subjectId: row.id, after: { name: input.name, url: input.url, departmentId } });
      return { id: row.id, departmentId, departmentName: null, name: input.name, url: input.url, enabled: true };
    });
  }

  async removeWebhook(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [rows, count] = await m.query(`UPDATE webhook_endpoint SET enabled = false WHERE id = $1 RETURNING name, url`, [id]);
      if (!count) throw new DomainException(404, 'WEBHOOK_NOT_FOUND', '机器人地址不存在', 'Webhook endpoint not found');
      await this.audit.record(m, actor, { action: 'webhook.disable', subjectType: 'webhook_endpoint', subjectId: id, before: rows[0] });
    });
  }

  async deliveries(status: 'failed' | 'pending' | 'sent' | 'held', limit = 100): Promise<NotificationDeliveryResponse[]> {
    const rows = await this.dataSource.query(
      `SELECT id, channel, target, title, status, attempts, last_error AS "lastError", created_at AS "createdAt", sent_at AS "sentAt"
         FROM notification_delivery WHERE status = $1 ORDER BY created_at DESC LIMIT $2`,
      [status, limit],
    );
    return rows.map((r: NotificationDeliveryResponse) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      sentAt: r.sentAt ? new Date(r.sentAt).toISOString() : null,
    }));
  }

  async retryDelivery(actor: RequestActor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const [, count] = await m.query(`UPDATE notification_delivery SET status = 'pending', attempts = 0 WHERE id = $1 AND status = 'failed' RETURNING id`, [id]);
      if (!count) throw new DomainException(409, 'DELIVERY_NOT_FAILED', '只能重试发送失败的消息', 'Only failed deliveries can be retried');
      await this.audit.record(m, actor, { action: 'notification_delivery.retry', subjectType: 'notification_delivery', subjectId: id });
    });
    await this.notifications.enqueueDeliveries([id]);
  }
}

const NOTIFICATION_SORT_NAME = '-createdAt';
const NOTIFICATION_SORT: KeysetSort = { keys: ['n.created_at', 'n.id'], types: ['timestamptz', 'uuid'], direction: 'DESC' };
