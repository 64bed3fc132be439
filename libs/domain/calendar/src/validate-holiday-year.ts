import { DATE_WINDOW } from './date-window';
import { CalendarError } from './calendar-error';
import { HOLIDAY_KINDS, type HolidayEntry, type HolidayKind, type HolidayYear } from './holiday-types';
import { compareIsoDates, isIsoDate, isWeekend } from './iso-date';

/**
 * Checks a HolidayYear that came from outside (a seed JSON file, the database, an upload) and
 * returns a clean copy with entries sorted by date. Throws CalendarError('BAD_HOLIDAY_YEAR')
 * listing every problem, so a bad file is fixed in one round rather than one error at a time.
 *
 * A make-up working day must fall on a Saturday or Sunday: on a weekday it would change
 * nothing, so it is almost certainly a typo in the date.
 */
export function validateHolidayYear(value: unknown): HolidayYear {
  const errors: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CalendarError('BAD_HOLIDAY_YEAR', '节假日数据必须是对象', ['节假日数据必须是对象']);
  }
  const v = value as Record<string, unknown>;
  const year = v['year'];
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= DATE_WINDOW.minYear && year <= DATE_WINDOW.maxYear;
  if (!yearOk) errors.push(`year（年份）必须是 ${DATE_WINDOW.minYear}–${DATE_WINDOW.maxYear} 之间的整数，实际为 ${JSON.stringify(year)}`);
  if (typeof v['confirmed'] !== 'boolean') errors.push('confirmed（是否已确认）必须是 true 或 false');
  if (typeof v['source'] !== 'string' || v['source'].trim() === '') errors.push('source（来源）不能为空');
  const label = yearOk ? `${year}年` : '';

  const entries: HolidayEntry[] = [];
  if (!Array.isArray(v['entries'])) {
    errors.push('entries（节假日列表）必须是数组');
  } else {
    const seen = new Set<string>();
    v['entries'].forEach((raw: unknown, i: number) => {
      const where = `${label}entries[${i}]`;
      if (typeof raw !== 'object' || raw === null) {
        errors.push(`${where} 必须是对象`);
        return;
      }
      const e = raw as Record<string, unknown>;
      const date = e['date'];
      const kind = e['kind'];
      const name = e['name'];
      let ok = true;
      if (typeof date !== 'string' || !isIsoDate(date)) {
        errors.push(`${where}.date 日期格式错误：${JSON.stringify(date)}，应为 YYYY-MM-DD`);
        ok = false;
      } else if (yearOk && Number(date.slice(0, 4)) !== year) {
        errors.push(`${where}.date ${date} 不属于 ${year} 年`);
        ok = false;
      } else if (seen.has(date)) {
        errors.push(`${where}.date ${date} 重复出现`);
        ok = false;
      }
      if (typeof kind !== 'string' || !HOLIDAY_KINDS.includes(kind as HolidayKind)) {
        errors.push(`${where}.kind 类型错误：${JSON.stringify(kind)}，应为 holiday 或 makeupWorkday`);
        ok = false;
      }
      if (typeof name !== 'string' || name.trim() === '') {
        errors.push(`${where}.name 名称不能为空`);
        ok = false;
      }
      if (!ok) return;
      const d = date as string;
      seen.add(d);
      if (kind === 'makeupWorkday' && !isWeekend(d)) {
        errors.push(`${where} 调休上班日 ${d} 不是周六或周日`);
        return;
      }
      entries.push({ date: d, kind: kind as HolidayKind, name: (name as string).trim() });
    });
  }

  if (errors.length > 0) {
    throw new CalendarError('BAD_HOLIDAY_YEAR', `节假日数据有误：${errors.join('；')}`, errors);
  }
  entries.sort((a, b) => compareIsoDates(a.date, b.date));
  return { year: year as number, confirmed: v['confirmed'] as boolean, source: (v['source'] as string).trim(), entries };
}
