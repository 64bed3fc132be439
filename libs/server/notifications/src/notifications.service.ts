import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, QueueFactory } from '@luoshi/server/platform';
import { EmailChannel } from './delivery-channels';
import { type NotificationPush, NotificationStreamService } from './notification-stream.service';

export const NOTIFICATIONS_QUEUE = 'notifications';

/** Job catalogue of the notifications queue: job name → payload. */
export interface NotificationJobs {
  'send-delivery': { deliveryId: string };
  'send-digests': Record<string, never>;
}

export interface NotifyInput {
  userIds: string[];
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  reminderId?: string | null;
  level?: string | null;
}

/** What a transaction produced, to hand over once it has committed. */
export interface NotifyOutcome {
  pushes: NotificationPush[];
  deliveryIds: string[];
}

export const EMPTY_OUTCOME: NotifyOutcome = { pushes: [], deliveryIds: [] };

export function mergeOutcomes(outcomes: NotifyOutcome[]): NotifyOutcome {
  return { pushes: outcomes.flatMap((o) => o.pushes), deliveryIds: outcomes.flatMap((o) => o.deliveryIds) };
}

/**
 * Stores in-app notifications and plans their e-mail and webhook deliveries in the caller's
 * transaction; after commit, pushes them live and enqueues the deliveries.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stream: NotificationStreamService,
    private readonly queues: QueueFactory,
    private readonly email: EmailChannel,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(m: EntityManager, input: NotifyInput): Promise<NotifyOutcome> {
    return this.notifyMany(m, [input]);
  }

  /**
   * Set-based: one INSERT for every notification of every input, one for e-mails, one for
   * webhooks, whatever the number of inputs (a batch of reminders costs three statements).
   */
  async notifyMany(m: EntityManager, inputs: NotifyInput[]): Promise<NotifyOutcome> {
    const rows = inputs
      .map((input, ord) => ({
        ord,
        user_ids: [...new Set(input.userIds)],
        kind: input.kind,
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        subject_type: input.subjectType ?? null,
        subject_id: input.subjectId ?? null,
        reminder_id: input.reminderId ?? null,
        level: input.level ?? null,
      }))
      .filter((r) => r.user_ids.length > 0);
    if (rows.length === 0) return EMPTY_OUTCOME;
    // With a reminder id, the unique (reminder_id, user_id) key makes a second delivery a no-op.
    const created: { id: string; user_id: string; title: string; kind: string }[] = await m.query(
      `INSERT INTO notification (user_id, kind, title, body, link, subject_type, subject_id, reminder_id, level)
       SELECT DISTINCT ON (x.ord, u) u, x.kind, x.title, x.body, x.link, x.subject_type, x.subject_id, x.reminder_id, x.level
         FROM jsonb_to_recordset($1::jsonb) AS x(ord int, user_ids uuid[], kind text, title text, body text, link text,
                subject_type text, subject_id uuid, reminder_id uuid, level text)
         CROSS JOIN LATERAL unnest(x.user_ids) AS u
       ON CONFLICT (reminder_id, user_id) WHERE reminder_id IS NOT NULL DO NOTHING
       RETURNING id, user_id, title, kind`,
      [JSON.stringify(rows)],
    );
    if (created.length === 0) return EMPTY_OUTCOME;
    const ids = created.map((c) => c.id);
    const text = `n.body || CASE WHEN n.link IS NULL THEN '' ELSE E'\n\n' || $2 || n.link END`;
    const deliveries: { id: string; status: string }[] = [];
    if (this.email.enabled) {
      deliveries.push(
        ...(await m.query(
          `INSERT INTO notification_delivery (notification_id, reminder_id, channel, target, title, body, status, digest_key, user_id)
           SELECT n.id, n.reminder_id, 'email', p.email, n.title, ${text},
                  CASE WHEN p.daily_digest THEN 'held' ELSE 'pending' END,
                  CASE WHEN p.daily_digest THEN to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END,
                  n.user_id
             FROM notification n JOIN notification_preference p ON p.user_id = n.user_id
            WHERE n.id = ANY($1::uuid[]) AND p.email_enabled AND p.email IS NOT NULL
           ON CONFLICT DO NOTHING
           RETURNING id, status`,
          [ids, this.config.PUBLIC_BASE_URL],
        )),
      );
    }
    // One robot message per department endpoint (office-wide endpoints for escalations), not one per person.
    deliveries.push(
      ...(await m.query(
        `INSERT INTO notification_delivery (reminder_id, channel, target, title, body)
         SELECT DISTINCT n.reminder_id, 'webhook', w.id::text, n.title, ${text}
           FROM notification n
           JOIN app_user u ON u.id = n.user_id
           JOIN webhook_endpoint w ON w.enabled AND (w.department_id = u.department_id OR (w.department_id IS NULL AND n.level = 'escalation'))
          WHERE n.id = ANY($1::uuid[])
         ON CONFLICT DO NOTHING
         RETURNING id, status`,
        [ids, this.config.PUBLIC_BASE_URL],
      )),
    );
    return {
      pushes: created.map((c) => ({ userId: c.user_id, notificationId: c.id, title: c.title, kind: c.kind })),
      deliveryIds: deliveries.filter((d) => d.status !== 'held').map((d) => d.id),
    };
  }

  /** After commit: live push and delivery jobs. Failures here lose nothing (the reconciler re-enqueues). */
  async dispatch(outcome: NotifyOutcome): Promise<void> {
    await this.stream.publish(outcome.pushes);
    await this.enqueueDeliveries(outcome.deliveryIds);
  }

  async enqueueDeliveries(deliveryIds: string[]): Promise<void> {
    await this.queues.addBulkSafely(
      NOTIFICATIONS_QUEUE,
      deliveryIds.map((deliveryId) => ({
        name: 'send-delivery',
        data: { deliveryId } satisfies NotificationJobs['send-delivery'],
        opts: { jobId: `delivery.${deliveryId}`, attempts: 5, backoff: { type: 'exponential', delay: this.config.DELIVERY_BACKOFF_MS }, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }

  /** Notifies and dispatches in one call, for changes that have no transaction of their own. */
  async notifyNow(input: NotifyInput): Promise<NotifyOutcome> {
    const outcome = await this.dataSource.transaction((m) => this.notify(m, input));
    await this.dispatch(outcome);
    return outcome;
  }
}
