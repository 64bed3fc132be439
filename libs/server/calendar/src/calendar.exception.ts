import { CalendarError, DATE_WINDOW } from '@luoshi/domain/calendar';
import { DomainException } from '@luoshi/server/platform';

/** Refusals of the holiday calendar: its CSV import, dates and years. */
export class CalendarException extends DomainException {
  /** A rejected CSV upload: the message names every bad line (第3行: …), `details` lists them. */
  static badCsv(error: CalendarError) {
    return new CalendarException(
      400,
      'CALENDAR_BAD_CSV',
      `节假日文件有误：${error.message}`,
      `Holiday CSV rejected: ${error.details.length || 1} problem(s), see details`,
      { problems: error.details.length ? error.details : [error.message] },
    );
  }
  static badDate(field: string, value: string) {
    return CalendarException.badField(
      'CALENDAR_BAD_DATE',
      field,
      `日期无效“${value}”，应为 ${DATE_WINDOW.min} 至 ${DATE_WINDOW.max} 之间的 YYYY-MM-DD 日期`,
      `invalid date "${value}", expected YYYY-MM-DD between ${DATE_WINDOW.min} and ${DATE_WINDOW.max}`,
      { value },
    );
  }
  /** Any other CalendarError from the domain library, passed through with its Chinese message. */
  static fromDomain(error: CalendarError) {
    return new CalendarException(400, 'CALENDAR_BAD_DATA', error.message, `Calendar: ${error.code}`, {
      reason: error.code,
      problems: error.details,
    });
  }
  static yearNotFound(year: number) {
    return new CalendarException(404, 'CALENDAR_YEAR_NOT_FOUND', `没有 ${year} 年的节假日安排`, `No holiday schedule for ${year}`);
  }
}
