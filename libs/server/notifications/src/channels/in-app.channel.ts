import { Injectable } from '@nestjs/common';
import { NotificationStreamService } from '../notification-stream.service';
import { DeliveryChannel, NotificationChannel, type NotifyOutcome, type WrittenNotification } from './delivery-channel';

/** In-app: the notification row itself, pushed live over server-sent events after commit. */
@NotificationChannel('in_app')
@Injectable()
export class InAppChannel extends DeliveryChannel {
  readonly enabled = true;

  constructor(private readonly stream: NotificationStreamService) {
    super();
  }

  async plan(_m: unknown, notifications: WrittenNotification[]): Promise<Partial<NotifyOutcome>> {
    return { pushes: notifications.map((n) => ({ userId: n.user_id, notificationId: n.id, title: n.title, kind: n.kind })) };
  }

  override async afterCommit(outcome: NotifyOutcome): Promise<void> {
    await this.stream.publish(outcome.pushes);
  }
}
