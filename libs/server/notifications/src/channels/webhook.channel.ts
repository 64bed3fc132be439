import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserDirectory } from '@luoshi/server/identity';
import { APP_CONFIG, type AppConfig } from '@luoshi/server/platform';
import { robotMarkdownMessage, signedWebhookUrl } from '../sign-webhook';
import { checkWebhookTarget, parseWebhookAllowList, type WebhookAllowList } from '../webhook-address';
import { DELIVERY_TEXT_SQL, DeliveryChannel, type DeliveryRow, NotificationChannel, type NotifyOutcome, type WrittenNotification } from './delivery-channel';

/**
 * Signed robot webhooks of the recipients' departments (office-wide endpoints for escalations):
 * one message per endpoint, not one per person. A non-2xx answer or errcode ≠ 0 is a failure.
 */
@NotificationChannel('webhook')
@Injectable()
export class WebhookChannel extends DeliveryChannel {
  readonly enabled = true;
  private readonly allow: WebhookAllowList;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UserDirectory,
  ) {
    super();
    this.allow = parseWebhookAllowList(config.WEBHOOK_ALLOWED_HOSTS);
  }

  async plan(m: EntityManager, notifications: WrittenNotification[], publicBaseUrl: string): Promise<Partial<NotifyOutcome>> {
    // Each recipient's department, from identity: a department's webhook hears its members' notices.
    const recipients = await this.users.profiles(m, notifications.map((n) => n.user_id));
    const rows: { id: string }[] = await m.query(
      `INSERT INTO notification_delivery (reminder_id, channel, target, title, body)
       SELECT DISTINCT n.reminder_id, 'webhook', w.id::text, n.title, ${DELIVERY_TEXT_SQL}
         FROM notification n
         JOIN jsonb_to_recordset($3::jsonb) AS u(id uuid, department_id uuid) ON u.id = n.user_id
         JOIN webhook_endpoint w ON w.enabled AND (w.department_id = u.department_id OR (w.department_id IS NULL AND n.level = 'escalation'))
        WHERE n.id = ANY($1::uuid[])
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [notifications.map((n) => n.id), publicBaseUrl, JSON.stringify([...recipients.values()].map((u) => ({ id: u.id, department_id: u.departmentId })))],
    );
    return { deliveryIds: rows.map((d) => d.id) };
  }

  override async send(m: EntityManager, row: DeliveryRow): Promise<void> {
    const [endpoint] = (await m.query(`SELECT url, secret FROM webhook_endpoint WHERE id = $1 AND enabled`, [row.target])) as { url: string; secret: string }[];
    if (!endpoint) throw new Error('webhook endpoint removed or disabled');
    // Checked at every delivery too: a name may resolve elsewhere than when it was registered.
    const refused = await checkWebhookTarget(endpoint.url, this.allow, true);
    if (refused) throw new Error(`webhook target refused: ${refused} (WEBHOOK_ALLOWED_HOSTS)`);
    const url = endpoint.secret ? signedWebhookUrl(endpoint.url, endpoint.secret) : endpoint.url;
    const response = await fetch(url, {
      method: 'POST',
      // A redirect could lead anywhere, internal addresses included.
      redirect: 'error',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(robotMarkdownMessage(row.title, row.body)),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`webhook answered ${response.status}: ${text.slice(0, 200)}`);
    let parsed: { errcode?: number; errmsg?: string } = {};
    try {
      parsed = JSON.parse(text) as typeof parsed;
    } catch {
      /* a 2xx without JSON counts as delivered */
    }
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) throw new Error(`webhook errcode ${parsed.errcode}: ${parsed.errmsg ?? ''}`);
  }
}
