import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdentityModule } from '@luoshi/server/identity';
import { ChannelRegistry } from './channels/channel-registry';
import { EmailChannel } from './channels/email.channel';
import { InAppChannel } from './channels/in-app.channel';
import { SmsChannel } from './channels/sms.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { NotificationDeliveryWorker } from './notification-delivery.worker';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsInboxService } from './notifications-inbox.service';
import { NotificationsService } from './notifications.service';

/** Delivery channels: one provider each, found by @NotificationChannel (channels/). */
const CHANNELS = [InAppChannel, EmailChannel, WebhookChannel, SmsChannel];

/** Global: tasks, reminders, reports and approvals all notify through it. */
@Global()
@Module({
  imports: [DiscoveryModule, IdentityModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsInboxService, NotificationStreamService, ChannelRegistry, ...CHANNELS, NotificationDeliveryWorker],
  exports: [NotificationsService, NotificationDeliveryWorker],
})
export class NotificationsModule {}
