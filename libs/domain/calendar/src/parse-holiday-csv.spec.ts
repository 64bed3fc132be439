import { CalendarError } from './calendar-error';
import { parseHolidayCsv } from './parse-holiday-csv';
import { WorkingDayCalendar } from './working-day-calendar';

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error('expected a CalendarError');
}

describe(parseHolidayCsv.name, () => {
  it('reads rows with a header, English and Chinese kinds, into one HolidayYear', () => {
    const csv = ['date,kind,name', '2026-02-15,holiday,春节', '2026-02-16,休,春节', '2026-02-14,makeupWorkday,春节调休上班', '2026-02-28,班,春节调休上班'].join('\n');
    expect(parseHolidayCsv(csv, { source: '国务院办公厅通知' })).toEqual([
      {
        year: 2026,
        confirmed: true,
        source: '国务院办公厅通知',
        entries: [
          { date: '2026-02-14', kind: 'makeupWorkday', name: '春节调休上班' },
          { date: '2026-02-15', kind: 'holiday', name: '春节' },
          { date: '2026-02-16', kind: 'holiday', name: '春节' },
          { date: '2026-02-28', kind: 'makeupWorkday', name: '春节调休上班' },
        ],
      },
    ]);
  });

  it('splits rows into years, reads the confirmed column, and feeds a calendar', () => {
    const csv = '\uFEFFdate,kind,name,confirmed\r\n2027-01-01,holiday,元旦,false\r\n\r\n# comment\r\n2026-01-01,holiday,元旦,true\r\n2026-01-04,班,元旦调休上班,是\r\n';
    const years = parseHolidayCsv(csv);
    expect(years.map((y) => [y.year, y.confirmed, y.entries.length])).toEqual([
      [2026, true, 2],
      [2027, false, 1],
    ]);
    const calendar = new WorkingDayCalendar(years);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
    expect(calendar.unconfirmedYears()).toEqual([2027]);
  });

  it('accepts files without a header, quoted names and a Chinese header in another order', () => {
    expect(parseHolidayCsv('2025-10-01,holiday,"国庆节、中秋节"')[0].entries[0].name).toBe('国庆节、中秋节');
    expect(parseHolidayCsv('2025-10-01,holiday,"名称,含逗号"')[0].entries[0].name).toBe('名称,含逗号');
    const zh = parseHolidayCsv('名称,日期,类型\n国庆节,2025-10-01,休');
    expect(zh[0].entries).toEqual([{ date: '2025-10-01', kind: 'holiday', name: '国庆节' }]);
  });

  it('uses defaultConfirmed when the column is absent', () => {
    expect(parseHolidayCsv('2027-01-01,holiday,元旦')[0].confirmed).toBe(true);
    expect(parseHolidayCsv('2027-01-01,holiday,元旦', { defaultConfirmed: false })[0].confirmed).toBe(false);
    expect(parseHolidayCsv('2027-01-01,holiday,元旦')[0].source).toContain('CSV');
  });

  it('names the line of a bad date, counting the header as line 1', () => {
    const err = errorOf(() => parseHolidayCsv('date,kind,name\n2025-10-01,holiday,国庆节\n2025/10/02,holiday,国庆节'));
    expect(err.code).toBe('BAD_HOLIDAY_ROW');
    expect(err.message).toMatch(/^第3行: 日期格式错误/);
    expect(err.details).toHaveLength(1);
  });

  it('reports every bad row at once, each with its line number', () => {
    const csv = [
      'date,kind,name,confirmed',
      '2025-02-30,holiday,无效', // 2
      '2025-10-01,vacation,国庆节', // 3
      '2025-10-02,holiday,', // 4
      '2025-10-03,holiday,国庆节,maybe', // 5
      '2025-10-06,班,周一补班', // 6: a Monday
      '2025-10-07,holiday,国庆节', // 7
      '2025-10-07,holiday,国庆节', // 8: duplicate
      '2025-10-08,holiday,国庆节,false', // 9: disagrees with line 7
      '2025-10-09,holiday', // 10: too few columns
      '2025-10-10,holiday,"未闭合', // 11
    ].join('\n');
    const err = errorOf(() => parseHolidayCsv(csv));
    expect(err.code).toBe('BAD_HOLIDAY_ROW');
    expect(err.details).toEqual([
      expect.stringMatching(/^第2行: 日期格式错误/),
      expect.stringMatching(/^第3行: 类型错误/),
      expect.stringMatching(/^第4行: 名称不能为空/),
      expect.stringMatching(/^第5行: confirmed 取值错误/),
      expect.stringMatching(/^第6行: 调休上班日 2025-10-06 不是周六或周日/),
      expect.stringMatching(/^第8行: 日期 2025-10-07 与第7行重复/),
      expect.stringMatching(/^第9行: 2025 年的 confirmed 与第7行不一致/),
      expect.stringMatching(/^第10行: 列数应为 3–4，实际为 2/),
      expect.stringMatching(/^第11行: 引号不匹配/),
    ]);
  });

  it('rejects a header without the required columns', () => {
    expect(errorOf(() => parseHolidayCsv('date,name\n2025-10-01,国庆节')).details[0]).toMatch(/^第1行: 表头应为/);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseHolidayCsv('date,kind,name\n\n')).message).toContain('没有节假日数据');
  });
});
