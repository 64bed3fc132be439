import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DELIVERY_ATTEMPTS, JobHandler } from '@luoshi/server/platform';
import { ChannelRegistry } from './channels/channel-registry';
import { type DeliveryRow, PermanentDeliveryError } from './channels/delivery-channel';
import { EmailChannel } from './channels/email.channel';
import { NOTIFICATIONS_QUEUE, type NotificationJobs } from './notifications.service';

/**
 * Sends queued deliveries through their channel's provider. A delivery row is locked while it is
 * sent, so two workers never send it twice; failures retry with backoff and end as 'failed' for
 * the office to retry (at once when the channel says retrying cannot help). A delivery held back
 * by quiet hours is not sent before its time.
 */
@Injectable()
export class NotificationDeliveryWorker {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelRegistry,
    private readonly email: EmailChannel,
  ) {}

  @JobHandler(NOTIFICATIONS_QUEUE, 'send-delivery')
  async handleSendDelivery({ deliveryId }: NotificationJobs['send-delivery']): Promise<string> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `SELECT id, channel, target, title, body, attempts, not_before > now() AS held FROM notification_delivery
          WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
        [deliveryId],
      )) as (DeliveryRow & { held: boolean | null })[];
      if (!row) return 'skipped';
      // Quiet hours: the delayed job comes back at their end (a reconciled job too, see enqueueDeliveries).
      if (row.held) return 'deferred';
      try {
        await this.channels.get(row.channel).send(m, row);
        await m.query(`UPDATE notification_delivery SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`, [row.id]);
        return 'sent';
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = (error as Error).message.slice(0, 500);
        const failed = attempts >= DELIVERY_ATTEMPTS || error instanceof PermanentDeliveryError;
        await m.query(`UPDATE notification_delivery SET attempts = $2, last_error = $3, status = $4 WHERE id = $1`, [
          row.id,
          attempts,
          message,
          failed ? 'failed' : 'pending',
        ]);
        return failed ? 'failed' : `retry: ${message}`;
      }
    });
    // The attempt count is committed; throwing now lets BullMQ retry with backoff.
    if (outcome.startsWith('retry: ')) throw new Error(outcome.slice(7));
    return outcome;
  }

  /** Merges each person's held e-mails into one message; daily at 09:00 Beijing time. */
  @JobHandler(NOTIFICATIONS_QUEUE, 'send-digests', { schedule: { pattern: '0 9 * * *', tz: 'Asia/Shanghai' } })
  async handleSendDigests(): Promise<string> {
    const users: { user_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT user_id FROM notification_delivery WHERE status = 'held' AND channel = 'email'`,
    );
    for (const { user_id } of users) {
      await this.dataSource.transaction(async (m) => {
        const rows = (await m.query(
          `SELECT id, target, title, body FROM notification_delivery
            WHERE status = 'held' AND channel = 'email' AND user_id = $1 ORDER BY created_at FOR UPDATE SKIP LOCKED`,
          [user_id],
        )) as DeliveryRow[];
        if (rows.length === 0) return;
        const body = rows.map((r, i) => `${i + 1}. ${r.title}\n${r.body}`).join('\n\n');
        await this.email.send(m, { target: rows[rows.length - 1].target, title: `落实每日提醒汇总（${rows.length} 条）`, body });
        await m.query(`UPDATE notification_delivery SET status = 'sent', sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      });
    }
    return `digests: ${users.length}`;
  }
}
