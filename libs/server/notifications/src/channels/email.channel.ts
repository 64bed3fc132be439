import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@luoshi/server/platform';
import { DELIVERY_TEXT_SQL, DeliveryChannel, type DeliveryRow, NotificationChannel, type NotifyOutcome, type WrittenNotification } from './delivery-channel';

/** E-mail over SMTP (nodemailer), to users who opted in; held for the daily digest when they asked for it. Off unless SMTP_URL is set. */
@NotificationChannel('email')
@Injectable()
export class EmailChannel extends DeliveryChannel {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  get enabled(): boolean {
    return Boolean(this.config.SMTP_URL);
  }

  async plan(m: EntityManager, notifications: WrittenNotification[], publicBaseUrl: string): Promise<Partial<NotifyOutcome>> {
    const rows: { id: string; status: string }[] = await m.query(
      `INSERT INTO notification_delivery (notification_id, reminder_id, channel, target, title, body, status, digest_key, user_id)
       SELECT n.id, n.reminder_id, 'email', p.email, n.title, ${DELIVERY_TEXT_SQL},
              CASE WHEN p.daily_digest THEN 'held' ELSE 'pending' END,
              CASE WHEN p.daily_digest THEN to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END,
              n.user_id
         FROM notification n JOIN notification_preference p ON p.user_id = n.user_id
        WHERE n.id = ANY($1::uuid[]) AND p.email_enabled AND p.email IS NOT NULL
       ON CONFLICT DO NOTHING
       RETURNING id, status`,
      [notifications.map((n) => n.id), publicBaseUrl],
    );
    return { deliveryIds: rows.filter((d) => d.status !== 'held').map((d) => d.id) };
  }

  override async send(_m: EntityManager, row: Pick<DeliveryRow, 'target' | 'title' | 'body'>): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not configured');
    this.transport ??= createTransport(this.config.SMTP_URL, { from: this.config.SMTP_FROM });
    await this.transport.sendMail({ to: row.target, subject: row.title, text: row.body });
  }
}
