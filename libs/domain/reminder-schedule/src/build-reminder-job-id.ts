import { isIsoDate, type IsoDate } from '@luoshi/domain/calendar';
import { ReminderScheduleError } from './reminder-schedule-error';

/**
 * A queue job id for one planned reminder: 'reminder.<subject>.<deadline>.<key>'.
 * The deadline is part of the id so that moving a deadline yields new jobs instead of
 * colliding with the old ones. ':' is replaced by '.' because BullMQ rejects custom job ids
 * containing ':' (it reserves the character for its Redis keys).
 */
export function buildReminderJobId(subjectId: string, deadline: IsoDate, key: string): string {
  if (typeof subjectId !== 'string' || subjectId.trim() === '') {
    throw new ReminderScheduleError('BAD_SUBJECT_ID', 'subjectId（提醒对象编号）不能为空');
  }
  if (!isIsoDate(deadline)) {
    throw new ReminderScheduleError('BAD_DEADLINE', `deadline（截止日期）格式错误：${String(deadline)}`);
  }
  return ['reminder', subjectId, deadline, key].join('.').replace(/:/g, '.');
}
