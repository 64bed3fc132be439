import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  NotificationDeliveryResponse,
  NotificationPageResponse,
  NotificationPreferenceResponse,
  WebhookEndpointResponse,
} from '@luoshi/contracts';
import { AuditService } from '@luoshi/server/audit';
import { APP_CONFIG, type AppConfig, DomainException, type RequestActor } from '@luoshi/server/platform';
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
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.webhookAllowList = parseWebhookAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async list(userId: string, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPageResponse> {
    const rows = await this.dataSource.query(
      `SELECT id, kind, title, body, link, level, subject_type AS "subjectType", subject_id AS "subjectId",
              created_at AS "createdAt", read_at AS "readAt", count(*) OVER () AS total
         FROM notification WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
        ORDER BY created_at DESC LIMIT $3 OFFSET $4`,
      [userId, options.unreadOnly, options.pageSize, (options.page - 1) * options.pageSize],
    );
    const unread = await this.unreadCount(userId);
    return {
      items: rows.map(({ total: _total, ...r }: Record<string, unknown>) => ({
        ...r,
        createdAt: new Date(r['createdAt'] as string).toISOString(),
        readAt: r['readAt'] ? new Date(r['readAt'] as string).toISOString() : null,
      })) as NotificationPageResponse['items'],
      total: rows.length ? Number(rows[0].total) : 0,
      unread,
      page: options.page,
      pageSize: options.pageSize,
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return row.n;
  }

  async markRead(userId: string, ids: string[] | 'all'): Promise<{ unread: number }> {
    if (ids === 'all') {
      await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    } else {
      await this.dataSource.query(`UPDATE notification SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, ids]);
    }
    return { unread: await this.unreadCount(userId) };
  }

  async preferences(userId: string): Promise<NotificationPreferenceResponse> {
    const [row] = await this.dataSource.query(
      `SELECT email, email_enabled AS "emailEnabled", daily_digest AS "dailyDigest" FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    return row ?? { email: null, emailEnabled: false, dailyDigest: false };
  }

  async updatePreferences(actor: RequestActor & { user: { id: string } }, input: NotificationPreferenceResponse): Promise<NotificationPreferenceResponse> {
    if (input.emailEnabled && !input.email) {
      throw new DomainException(400, 'EMAIL_REQUIRED', '开启邮件提醒需要填写邮箱', 'An e-mail address is needed for e-mail reminders');
    }
    return this.dataSource.transaction(async (m) => {
      const before = await this.preferences(actor.user.id);
      await m.query(
        `INSERT INTO notification_preference (user_id, email, email_enabled, daily_digest) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET email = $2, email_enabled = $3, daily_digest = $4, updated_at = now()`,
        [actor.user.id, input.email, input.emailEnabled, input.dailyDigest],
      );
      await this.audit.record(m, actor, { action: 'notification_preference.update', subjectType: 'user', subjectId: actor.user.id, before, after: input });
      return input;
    });
  }

  async webhooks(): Promise<WebhookEndpointResponse[]> {
    return this.dataSource.query(
      `SELECT w.id, w.department_id AS "departmentId", d.name AS "departmentName", w.name, w.url, w.enabled
         FROM webhook_endpoint w LEFT JOIN department d ON d.id = w.department_id ORDER BY w.created_at`,
    );
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
        const [d] = await m.query(`SELECT id FROM department WHERE code = $1`, [input.departmentCode]);
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
