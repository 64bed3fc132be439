/** The working-day calendar (工作日历): China's public holidays and 调休 make-up working days. */

export type HolidayKind = 'holiday' | 'makeupWorkday';

/** One year's arrangement. An unconfirmed year is shown with a warning until the office confirms it. */
export interface HolidayYearResponse {
  year: number;
  confirmed: boolean;
  source: string;
  /** 'seed' = shipped with the application; 'office' = uploaded or confirmed by the office. */
  origin: 'seed' | 'office';
  holidays: number;
  makeupWorkdays: number;
  confirmedAt: string | null;
  updatedAt: string;
}

export interface HolidayResponse {
  date: string;
  kind: HolidayKind;
  name: string;
  year: number;
  confirmed: boolean;
}

/** POST /api/calendar/import: CSV lines `date,kind,name[,confirmed]` (kind: holiday | makeupWorkday | 休 | 班). */
export interface ImportHolidaysRequest {
  csv: string;
  /** Stored as the year's source; defaults to an "uploaded by the office" note. */
  source?: string;
}

export interface ImportHolidaysResponse {
  years: HolidayYearResponse[];
}

/** GET /api/calendar/working-days?from=&n= */
export interface WorkingDaysResponse {
  from: string;
  n: number;
  /** n > 0: the n-th working day after `from`; n < 0: before; n = 0: `from` or the next working day. */
  date: string;
  /** Holidays and make-up days between `from` and `date` (both included), for showing why. */
  specialDays: HolidayResponse[];
  /** True when a year between `from` and `date` is unknown or unconfirmed: the answer is provisional. */
  provisional: boolean;
}

export const CalendarApiPaths = {
  years: '/api/calendar/years',
  holidays: '/api/calendar/holidays',
  confirmYear: (year: number) => `/api/calendar/years/${year}/confirm`,
  import: '/api/calendar/import',
  workingDays: '/api/calendar/working-days',
} as const;
