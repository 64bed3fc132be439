import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { UserDirectory } from '@luoshi/server/identity';
import { QueueFactory, type QueueJobs, type QueueName, UnitOfWork } from '@luoshi/server/platform';
import { ChannelRegistry } from './channels/channel-registry';
import type { NotifyOutcome, WrittenNotification } from './channels/delivery-channel';
import { AUDIENCES, matrixRow, type NotificationEvent } from './notification-matrix';
import { resolveTaskAudiences } from './resolve-audience';
import { TASK_DEPARTMENTS, type TaskDepartments } from './task-departments';

export type { NotifyOutcome } from './channels/delivery-channel';

export const NOTIFICATIONS_QUEUE = 'notifications' satisfies QueueName;

/** The notifications queue's jobs (the platform's job catalogue): job name → payload. */
export type NotificationJobs = QueueJobs<typeof NOTIFICATIONS_QUEUE>;

/** One notice: a row of the notification matrix, its text, and what its audience is resolved from. */
export interface NotifyInput {
  event: NotificationEvent;
  title: string;
  body: string;
  /** Stored as the notification's kind (approval reasons, 'reminder' …); the event when absent. */
  kind?: string;
  link?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  reminderId?: string | null;
  level?: string | null;
  /** The task whose departments (or the office) the row's task audiences name. */
  taskId?: string | null;
  /** Replaces the task's co-departments for the `co_departments` audience. */
  departmentIds?: string[] | null;
  /** The users of the row's other audiences (submitter, approvers, instruction author …). */
  userIds?: string[];
  /** Never told (the person who acted). */
  excludeUserIds?: (string | null | undefined)[];
  /**
   * Written ahead (a reminder due shortly): the notification is hidden until then (its created_at)
   * and its deliveries are held until then too. Absent or past: visible at once.
   */
  visibleAt?: Date | null;
}

export const EMPTY_OUTCOME: NotifyOutcome = { pushes: [], deliveryIds: [] };

export function mergeOutcomes(outcomes: NotifyOutcome[]): NotifyOutcome {
  return { pushes: outcomes.flatMap((o) => o.pushes), deliveryIds: outcomes.flatMap((o) => o.deliveryIds) };
}

/**
 * Every notice goes through here: the audience comes from the notification matrix's row, the
 * notification rows and each channel's deliveries are written in the caller's transaction; after
 * commit the channels push live and the deliveries are enqueued. In a UnitOfWork that follow-up is
 * hung on its commit; outside one the caller dispatches the returned outcome itself.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly channels: ChannelRegistry,
    private readonly queues: QueueFactory,
    private readonly unitOfWork: UnitOfWork,
    @Inject(TASK_DEPARTMENTS) private readonly tasks: TaskDepartments,
    private readonly users: UserDirectory,
  ) {}

  async notify(m: EntityManager, input: NotifyInput): Promise<NotifyOutcome> {
    return this.notifyMany(m, [input]);
  }

  /** Set-based: one audience query, one INSERT for every notification of every input, one per channel. */
  async notifyMany(m: EntityManager, inputs: NotifyInput[]): Promise<NotifyOutcome> {
    const outcome = await this.write(m, inputs);
    if (outcome.pushes.length > 0 || outcome.deliveryIds.length > 0) this.unitOfWork.afterCommit(m, () => this.dispatch(outcome));
    return outcome;
  }

  private async write(m: EntityManager, inputs: NotifyInput[]): Promise<NotifyOutcome> {
    if (inputs.length === 0) return EMPTY_OUTCOME;
    const fromTasks = await resolveTaskAudiences(
      m,
      inputs.map((i) => ({ audience: matrixRow(i.event).audience, taskId: i.taskId, departmentIds: i.departmentIds })),
      { tasks: this.tasks, users: this.users },
    );
    const rows = inputs
      .map((input, ord) => {
        const named = matrixRow(input.event).audience.some((a) => !AUDIENCES[a].fromTask) ? (input.userIds ?? []) : [];
        const excluded = new Set(input.excludeUserIds ?? []);
        return {
          ord,
          user_ids: [...new Set([...fromTasks[ord], ...named])].filter((id) => !excluded.has(id)),
          event: input.event,
          kind: input.kind ?? input.event,
          title: input.title.slice(0, 200),
          body: input.body,
          link: input.link ?? null,
          subject_type: input.subjectType ?? null,
          subject_id: input.subjectId ?? null,
          reminder_id: input.reminderId ?? null,
          level: input.level ?? null,
          visible_at: input.visibleAt?.toISOString() ?? null,
        };
      })
      .filter((r) => r.user_ids.length > 0);
    if (rows.length === 0) return EMPTY_OUTCOME;
    // With a reminder id, the unique (reminder_id, user_id) key makes a second delivery a no-op.
    const written: WrittenNotification[] = await m.query(
      `INSERT INTO notification (user_id, event, kind, title, body, link, subject_type, subject_id, reminder_id, level, created_at)
       SELECT DISTINCT ON (x.ord, u) u, x.event, x.kind, x.title, x.body, x.link, x.subject_type, x.subject_id, x.reminder_id, x.level,
              greatest(now(), x.visible_at)
         FROM jsonb_to_recordset($1::jsonb) AS x(ord int, user_ids uuid[], event text, kind text, title text, body text, link text,
                subject_type text, subject_id uuid, reminder_id uuid, level text, visible_at timestamptz)
         CROSS JOIN LATERAL unnest(x.user_ids) AS u
       ON CONFLICT (reminder_id, user_id) WHERE reminder_id IS NOT NULL DO NOTHING
       RETURNING id, user_id, event, kind, title`,
      [JSON.stringify(rows)],
    );
    if (written.length === 0) return EMPTY_OUTCOME;
    const outcome = await this.channels.plan(m, written);
    if (rows.some((r) => r.visible_at !== null) && outcome.deliveryIds.length > 0) {
      // Deliveries of notices written ahead wait for them to become visible (quiet hours may hold them longer).
      await m.query(
        `UPDATE notification_delivery d SET not_before = greatest(d.not_before, n.created_at)
           FROM notification n WHERE n.id = d.notification_id AND d.id = ANY($1::uuid[]) AND n.created_at > now()`,
        [outcome.deliveryIds],
      );
    }
    return outcome;
  }

  /** After commit: live push and delivery jobs. Failures here lose nothing (the reconciler re-enqueues). */
  async dispatch(outcome: NotifyOutcome): Promise<void> {
    await this.channels.afterCommit(outcome);
    await this.enqueueDeliveries(outcome.deliveryIds);
  }

  /** Withdraws the notices written ahead for these reminders and not yet visible (their deliveries cascade). */
  async withdrawUnseen(m: EntityManager, reminderIds: string[]): Promise<void> {
    await m.query(`DELETE FROM notification WHERE reminder_id = ANY($1::uuid[]) AND created_at > now()`, [reminderIds]);
  }

  /** The part of an outcome still standing (a notice withdrawn since it was written drops out). */
  async stillStanding(outcome: NotifyOutcome): Promise<NotifyOutcome> {
    const [kept] = (await this.dataSource.query(
      `SELECT coalesce((SELECT array_agg(id::text) FROM notification WHERE id = ANY($1::uuid[])), '{}') AS notifications,
              coalesce((SELECT array_agg(id::text) FROM notification_delivery WHERE id = ANY($2::uuid[])), '{}') AS deliveries`,
      [outcome.pushes.map((p) => p.notificationId), outcome.deliveryIds],
    )) as { notifications: string[]; deliveries: string[] }[];
    const notifications = new Set(kept.notifications);
    const deliveries = new Set(kept.deliveries);
    return { pushes: outcome.pushes.filter((p) => notifications.has(p.notificationId)), deliveryIds: outcome.deliveryIds.filter((id) => deliveries.has(id)) };
  }

  /** Pending deliveries older than a minute, which may never have got a job (the reminders' reconciler re-enqueues them). */
  async stuckDeliveries(): Promise<string[]> {
    const stuck: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_delivery WHERE status = 'pending' AND created_at < now() - interval '1 minute' LIMIT 5000`,
    );
    return stuck.map((d) => d.id);
  }

  /** One job per delivery; a delivery held back by quiet hours is delayed until they end. */
  async enqueueDeliveries(deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    const holds: { id: string; not_before: Date | null }[] = await this.dataSource
      .query(`SELECT id, not_before FROM notification_delivery WHERE id = ANY($1::uuid[]) AND not_before > now()`, [deliveryIds])
      .catch(() => []);
    const notBefore = new Map(holds.map((h) => [h.id, new Date(h.not_before as Date).getTime()]));
    const now = Date.now();
    await this.queues.enqueue(
      NOTIFICATIONS_QUEUE,
      'send-delivery',
      deliveryIds.map((deliveryId) => ({ data: { deliveryId }, jobId: `delivery.${deliveryId}`, delay: Math.max(0, (notBefore.get(deliveryId) ?? now) - now) })),
    );
  }

  /** Notifies and dispatches in one call, for changes that have no transaction of their own. */
  async notifyNow(input: NotifyInput): Promise<NotifyOutcome> {
    return this.unitOfWork.run((m) => this.notify(m, input));
  }
}
