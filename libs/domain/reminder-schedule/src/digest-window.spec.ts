import { digestWindow } from './digest-window';
import { ReminderScheduleError } from './reminder-schedule-error';

describe(digestWindow.name, () => {
  it('buckets by the Shanghai calendar day, not the UTC day', () => {
    expect(digestWindow(new Date('2025-06-10T15:59:00Z'), 'Asia/Shanghai').key).toBe('2025-06-10'); // 23:59 local
    expect(digestWindow(new Date('2025-06-10T16:01:00Z'), 'Asia/Shanghai').key).toBe('2025-06-11'); // 00:01 local
    expect(digestWindow(new Date('2025-12-31T16:00:00Z')).key).toBe('2026-01-01');
  });

  it('gives the local-midnight bounds of the day', () => {
    expect(digestWindow(new Date('2025-06-10T03:00:00Z'))).toEqual({
      key: '2025-06-10',
      start: new Date('2025-06-10T00:00:00+08:00'),
      end: new Date('2025-06-11T00:00:00+08:00'),
    });
  });

  it('rejects another time zone and an invalid instant', () => {
    expect(() => digestWindow(new Date(), 'Europe/Paris' as 'Asia/Shanghai')).toThrow(ReminderScheduleError);
    expect(() => digestWindow(new Date(Number.NaN))).toThrow(ReminderScheduleError);
  });
});
