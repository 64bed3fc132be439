import { calendarDaysBetween, dateOfInstant, isoDateToDayNumber } from './iso-date';

describe(dateOfInstant.name, () => {
  it('returns a plain date unchanged', () => {
    expect(dateOfInstant('2025-03-01')).toBe('2025-03-01');
  });

  it('converts a UTC instant to the Beijing date', () => {
    expect(dateOfInstant('2025-03-01T15:59:59Z')).toBe('2025-03-01');
    expect(dateOfInstant('2025-03-01T16:00:00.000Z')).toBe('2025-03-02');
    expect(dateOfInstant('2025-03-02T07:00:00+08:00')).toBe('2025-03-02');
  });

  it('takes the date part of a zone-less local timestamp', () => {
    expect(dateOfInstant('2025-03-01T23:30:00')).toBe('2025-03-01');
  });

  it.each([['yesterday'], ['2025-13-01'], ['2025-02-29T10:00:00'], ['']])('rejects %p with INVALID_DATE', (value) => {
    expect(() => dateOfInstant(value)).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe(calendarDaysBetween.name, () => {
  it('counts calendar days across months and leap days', () => {
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(isoDateToDayNumber('1970-01-02')).toBe(1);
  });
});
