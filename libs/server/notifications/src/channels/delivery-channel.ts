import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { ChannelName, NotificationEvent } from '../notification-matrix';
import type { NotificationPush } from '../notification-stream.service';

/** A notification just written, as the channels plan their deliveries of it. */
export interface WrittenNotification {
  id: string;
  user_id: string;
  event: NotificationEvent;
  kind: string;
  title: string;
}

/** What planning produced in the writing transaction, to hand over once it has committed. */
export interface NotifyOutcome {
  pushes: NotificationPush[];
  deliveryIds: string[];
}

/** A queued delivery (notification_delivery row) as a channel sends it. */
export interface DeliveryRow {
  id: string;
  channel: ChannelName;
  target: string;
  title: string;
  body: string;
  attempts: number;
}

/** A failure that retrying cannot fix (refused number, bad signature): the delivery fails at once. */
export class PermanentDeliveryError extends Error {}

/**
 * One delivery channel. A provider class extends this and carries `@NotificationChannel('name')`;
 * the ChannelRegistry finds it, so adding a channel touches no other code (docs/decisions.md).
 */
export abstract class DeliveryChannel {
  /** Off when not configured (no SMTP_URL, no SMS gateway …): nothing is planned for it. */
  abstract readonly enabled: boolean;

  /** Plans this channel's part for the notifications just written, in the writing transaction. */
  abstract plan(m: EntityManager, notifications: WrittenNotification[], publicBaseUrl: string): Promise<Partial<NotifyOutcome>>;

  /** Sends one queued delivery; channels without a queue (in-app) never get one. */
  async send(_m: EntityManager, row: DeliveryRow): Promise<void> {
    throw new PermanentDeliveryError(`channel ${row.channel} does not queue deliveries`);
  }

  /** After commit: work outside the database (the in-app live push). */
  async afterCommit(_outcome: NotifyOutcome): Promise<void> {
    /* most channels only queue deliveries */
  }
}

/** Marks a DeliveryChannel provider with its channel name. */
export const NotificationChannel = DiscoveryService.createDecorator<ChannelName>();

/** The text a queued delivery carries: the notification body and its link. */
export const DELIVERY_TEXT_SQL = `n.body || CASE WHEN n.link IS NULL THEN '' ELSE E'\\n\\n' || $2 || n.link END`;
