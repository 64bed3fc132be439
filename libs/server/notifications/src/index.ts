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
export { NOTIFICATION_MATRIX, type NotificationEvent, type ChannelName, renderNotificationMatrix } from './notification-matrix';
export { DeliveryChannel, NotificationChannel, PermanentDeliveryError, type DeliveryRow, type WrittenNotification } from './channels/delivery-channel';
export { ChannelRegistry, assertProviders } from './channels/channel-registry';
export { NotificationDeliveryWorker } from './notification-delivery.worker';
export { signWebhook, signedWebhookUrl } from './sign-webhook';
export { smsSignature, canonicalSmsRequest, sha256Hex } from './channels/sms-signature';
export { TASK_DEPARTMENTS, type TaskDepartments, type TaskDepartmentsRow } from './task-departments';
