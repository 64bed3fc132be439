export * from './calendar-error';
export {
  type IsoDate,
  type Weekday,
  type DateParts,
  isIsoDate,
  parseIsoDate,
  formatIsoDate,
  addDays,
  weekdayOf,
  isWeekend,
  daysInMonth,
  lastDayOfMonth,
  compareIsoDates,
} from './iso-date';
export * from './date-window';
export * from './holiday-types';
export * from './validate-holiday-year';
export * from './working-day-calendar';
export * from './reporting-cycle';
export * from './list-reporting-periods';
export * from './parse-deadline-phrase';
export * from './parse-holiday-csv';
