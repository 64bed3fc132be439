export { NotificationsModule } from './notifications.module';
export {
  NotificationsService,
  NOTIFICATIONS_QUEUE,
  EMPTY_OUTCOME,
  mergeOutcomes,
  type NotifyInput,
  type NotifyOutcome,
  type NotificationJobs,
} from './notifications.service';
export { NotificationDeliveryWorker } from './notification-delivery.worker';
export { signWebhook, signedWebhookUrl } from './sign-webhook';
