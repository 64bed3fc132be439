import { quietHoursEnd } from './quiet-hours';

/** A Beijing wall-clock time as a Date. */
const bj = (iso: string) => new Date(`${iso}+08:00`);

describe(quietHoursEnd.name, () => {
  it('is null without quiet hours, or when start equals end', () => {
    expect(quietHoursEnd(bj('2026-03-02T23:00:00'), null, null)).toBeNull();
    expect(quietHoursEnd(bj('2026-03-02T23:00:00'), '22:00', '22:00')).toBeNull();
  });

  it('holds an overnight window until its end the next morning', () => {
    expect(quietHoursEnd(bj('2026-03-02T22:00:00'), '22:00', '08:00')).toEqual(bj('2026-03-03T08:00:00'));
    expect(quietHoursEnd(bj('2026-03-02T23:59:00'), '22:00', '08:00')).toEqual(bj('2026-03-03T08:00:00'));
  });

  it('holds the early morning of an overnight window until its end that day', () => {
    expect(quietHoursEnd(bj('2026-03-03T00:30:00'), '22:00', '08:00')).toEqual(bj('2026-03-03T08:00:00'));
    expect(quietHoursEnd(bj('2026-03-03T07:59:00'), '22:00', '08:00')).toEqual(bj('2026-03-03T08:00:00'));
  });

  it('lets through what lies outside an overnight window, its end included', () => {
    expect(quietHoursEnd(bj('2026-03-03T08:00:00'), '22:00', '08:00')).toBeNull();
    expect(quietHoursEnd(bj('2026-03-03T21:59:00'), '22:00', '08:00')).toBeNull();
  });

  it('handles a window within one day', () => {
    expect(quietHoursEnd(bj('2026-03-03T12:10:00'), '12:00', '14:00')).toEqual(bj('2026-03-03T14:00:00'));
    expect(quietHoursEnd(bj('2026-03-03T11:59:00'), '12:00', '14:00')).toBeNull();
    expect(quietHoursEnd(bj('2026-03-03T14:00:00'), '12:00', '14:00')).toBeNull();
  });

  it('uses Beijing time whatever the UTC date', () => {
    // 2026-03-02 16:30 UTC is 00:30 on the 3rd in Beijing.
    expect(quietHoursEnd(new Date('2026-03-02T16:30:00Z'), '22:00', '08:00')).toEqual(new Date('2026-03-03T00:00:00Z'));
  });
});
