export { RemindersModule } from './reminders.module';
export { ReminderPlanner, NO_REMINDER_CHANGES, type ReminderChanges } from './reminder-planner.service';
export { ReminderDeliveryWorker } from './reminder-delivery.worker';
export { REMINDERS_QUEUE, reminderJobDelay, type ReminderJobs } from './reminder-queue';
export { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board.constants';
export { REMINDER_TASKS, type ReminderTasks, type ReminderTaskRow } from './reminder-tasks';
