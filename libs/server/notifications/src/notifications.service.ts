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
    const userIds = [...new Set(input.userIds)];
    if (userIds.length === 0) return EMPTY_OUTCOME;
    // With a reminder id, the unique (reminder_id, user_id) key makes a second delivery a no-op.
    const created: { id: string; user_id: string }[] = await m.query(
      `INSERT INTO notification (user_id, kind, title, body, link, subject_type, subject_id, reminder_id, level)
       SELECT u, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (reminder_id, user_id) WHERE reminder_id IS NOT NULL DO NOTHING
       RETURNING id, user_id`,
      [userIds, input.kind, input.title, input.body, input.link ?? null, input.subjectType ?? null, input.subjectId ?? null, input.reminderId ?? null, input.level ?? null],
    );
    if (created.length === 0) return EMPTY_OUTCOME;
    const text = `${input.body}${input.link ? `\n\n${this.config.PUBLIC_BASE_URL}${input.link}` : ''}`;
    const deliveries: { id: string }[] = [];
    if (this.email.enabled) {
      deliveries.push(
        ...(await m.query(
          `INSERT INTO notification_delivery (notification_id, reminder_id, channel, target, title, body, status, digest_key, user_id)
           SELECT n.id, $2, 'email', p.email, $3, $4,
                  CASE WHEN p.daily_digest THEN 'held' ELSE 'pending' END,
                  CASE WHEN p.daily_digest THEN to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') END,
                  n.user_id
             FROM notification n JOIN notification_preference p ON p.user_id = n.user_id
            WHERE n.id = ANY($1::uuid[]) AND p.email_enabled AND p.email IS NOT NULL
           ON CONFLICT DO NOTHING
           RETURNING id, status`,
          [created.map((c) => c.id), input.reminderId ?? null, input.title, text],
        )),
      );
    }
    // One robot message per department endpoint (and office-wide endpoints), not one per person.
    deliveries.push(
      ...(await m.query(
        `INSERT INTO notification_delivery (reminder_id, channel, target, title, body)
         SELECT DISTINCT $2::uuid, 'webhook', w.id::text, $3, $4
           FROM webhook_endpoint w
          WHERE w.enabled AND (w.department_id IS NULL AND $5::boolean
                 OR w.department_id IN (SELECT department_id FROM app_user WHERE id = ANY($1::uuid[])))
         ON CONFLICT DO NOTHING
         RETURNING id, status`,
        [created.map((c) => c.user_id), input.reminderId ?? null, input.title, text, input.level === 'escalation'],
      )),
    );
    return {
      pushes: created.map((c) => ({ userId: c.user_id, notificationId: c.id, title: input.title, kind: input.kind })),
      deliveryIds: (deliveries as { id: string; status?: string }[]).filter((d) => d.status !== 'held').map((d) => d.id),
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
