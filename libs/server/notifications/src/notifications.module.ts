import { Global, Module } from '@nestjs/common';
import { EmailChannel, WebhookChannel } from './delivery-channels';
import { NotificationDeliveryWorker } from './notification-delivery.worker';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsInboxService } from './notifications-inbox.service';
import { NotificationsService } from './notifications.service';

/** Global: tasks (urge), reminders and approvals all notify through it. */
@Global()
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsInboxService, NotificationStreamService, EmailChannel, WebhookChannel, NotificationDeliveryWorker],
  exports: [NotificationsService, NotificationDeliveryWorker],
})
export class NotificationsModule {}
