import type { IsoDate } from './iso-date';

/** 'holiday' = a day off (放假); 'makeupWorkday' = a weekend day worked instead (调休上班). */
export type HolidayKind = 'holiday' | 'makeupWorkday';

export const HOLIDAY_KINDS: readonly HolidayKind[] = ['holiday', 'makeupWorkday'];

export interface HolidayEntry {
  date: IsoDate;
  kind: HolidayKind;
  name: string;
}

/**
 * One year's arrangement. `confirmed` is false while the State Council has not published the
 * year (or the office has not checked it): the UI warns, and deadlines in it are provisional.
 */
export interface HolidayYear {
  year: number;
  confirmed: boolean;
  source: string;
  entries: HolidayEntry[];
}
