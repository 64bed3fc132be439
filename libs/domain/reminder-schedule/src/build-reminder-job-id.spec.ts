import { buildReminderJobId } from './build-reminder-job-id';
import { ReminderScheduleError } from './reminder-schedule-error';

describe(buildReminderJobId.name, () => {
  it('joins subject, deadline and key without any colon, which BullMQ rejects in job ids', () => {
    expect(buildReminderJobId('task-42', '2025-06-30', 'offset:-5')).toBe('reminder.task-42.2025-06-30.offset.-5');
    expect(buildReminderJobId('a:b', '2025-06-30', 'escalation:3')).not.toContain(':');
  });

  it('differs when only the deadline differs', () => {
    expect(buildReminderJobId('t', '2025-06-30', 'offset:0')).not.toBe(buildReminderJobId('t', '2025-07-15', 'offset:0'));
  });

  it('rejects an empty subject or a bad deadline', () => {
    expect(() => buildReminderJobId(' ', '2025-06-30', 'offset:0')).toThrow(ReminderScheduleError);
    expect(() => buildReminderJobId('t', '2025-6-30', 'offset:0')).toThrow(ReminderScheduleError);
  });
});
