export * from './reminder-rule';
export * from './reminder-schedule-error';
export { validateReminderRule, MAX_OFFSET_WORKING_DAYS } from './validate-reminder-rule';
export { moveOutOfQuietHours } from './move-out-of-quiet-hours';
export * from './compute-reminder-schedule';
export * from './digest-window';
export { SHANGHAI_OFFSET_MINUTES, toShanghaiLocal, fromShanghaiLocal, type LocalMoment } from './shanghai-time';
