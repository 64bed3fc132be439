import { CalendarError } from './calendar-error';
import { formatIsoDate, isIsoDate, lastDayOfMonth, type IsoDate } from './iso-date';
import type { ReportingCycle } from './reporting-cycle';
import type { WorkingDayCalendar } from './working-day-calendar';

/** What a 完成时限 cell in an action plan means. */
export type DeadlinePhrase =
  | { kind: 'date'; date: IsoDate }
  | { kind: 'recurring'; cycle: ReportingCycle }
  | { kind: 'long_term' };

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12,
};

// Plans write the same deadline many ways; these trailing words do not change the date.
const IGNORED_SUFFIX = /(?:完成|之前|以前|前|止|为止)$/;
const IGNORED_PREFIX = /^(?:于|在|到|至)/;

const NUM = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const EXACT_DASHED = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/;
const EXACT_CN = new RegExp(`^(\\d{4})年${NUM}月(\\d{1,2})[日号]$`);
const MONTH = new RegExp(`^(\\d{4})年${NUM}月(?:份)?(?:底|末|末尾)?$`);
const YEAR_END = /^(\d{4})年(?:度)?(?:年底|年末|底|末|内|全年)?$/;
const HALF = /^(\d{4})年(上|下)半年(?:底|末)?$/;
const QUARTER = /^(\d{4})年(?:第)?([一二三四1-4])季度(?:底|末)?$/;
const QUARTER_Q = /^(\d{4})年?Q([1-4])$/i;
const RECURRING = /^(?:每|按|逐)(?:个)?(季度|季|半年|月|年度|年)/;
const LONG_TERM = /^(?:长期|持续|常态化)/;

const CYCLE_WORDS: Readonly<Record<string, ReportingCycle>> = {
  月: 'monthly',
  季: 'quarterly',
  季度: 'quarterly',
  半年: 'half_yearly',
  年: 'yearly',
  年度: 'yearly',
};

/**
 * Reads a deadline phrase from an action plan.
 *
 * Period phrases ('2027年6月底', '2027年6月', '2027年底', '2027年上半年', '2027年第三季度',
 * '2027年') mean the last day of that period. Without a calendar that is the calendar date
 * (2027-06-30). With a calendar it is the last WORKING day on or before it — a report due
 * "by the end of June" has to reach the office while it is open, so a Sunday 30th means Friday
 * the 28th. Explicit dates ('2027-06-30', '2027年6月30日') are returned exactly as written.
 *
 * '每月' / '每季度' / '按季度' / '每半年' / '每年' (and text following them, e.g. '每季度报送')
 * are recurring; '长期' / '长期坚持' / '持续推进' / '常态化…' are long-term.
 * Trailing '前' / '之前' / '完成' are ignored ('2027年底前完成' = '2027年底').
 * Anything else throws CalendarError('UNKNOWN_DEADLINE_PHRASE') rather than guessing.
 */
export function parseDeadlinePhrase(text: string, calendar?: WorkingDayCalendar): DeadlinePhrase {
  const s = normalize(text);
  const periodEnd = (date: IsoDate): DeadlinePhrase => ({
    kind: 'date',
    date: calendar ? calendar.workingDayOnOrBefore(date) : date,
  });

  let m = EXACT_DASHED.exec(s);
  if (m) return { kind: 'date', date: exactDate(text, m[1], m[2], m[3]) };
  m = EXACT_CN.exec(s);
  if (m) return { kind: 'date', date: exactDate(text, m[1], m[2], m[3]) };
  m = MONTH.exec(s);
  if (m) return periodEnd(lastDayOfMonth(Number(m[1]), readMonth(text, m[2])));
  m = HALF.exec(s);
  if (m) return periodEnd(lastDayOfMonth(Number(m[1]), m[2] === '上' ? 6 : 12));
  m = QUARTER.exec(s) ?? QUARTER_Q.exec(s);
  if (m) return periodEnd(lastDayOfMonth(Number(m[1]), readNumber(m[2]) * 3));
  m = YEAR_END.exec(s);
  if (m) return periodEnd(formatIsoDate(Number(m[1]), 12, 31));

  m = RECURRING.exec(s);
  if (m) return { kind: 'recurring', cycle: CYCLE_WORDS[m[1]] };
  if (LONG_TERM.test(s)) return { kind: 'long_term' };

  throw unknown(text);
}

function normalize(text: string): string {
  if (typeof text !== 'string') throw unknown(String(text));
  let s = text
    // Full-width digits and separators are common in Word documents.
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–]/g, '-')
    .replace(/[／]/g, '/')
    .replace(/[．]/g, '.')
    .replace(/[Ｑｑ]/g, 'Q')
    .replace(/\s+/g, '')
    .replace(/[。；;，,、]+$/, '');
  s = s.replace(IGNORED_PREFIX, '');
  // Strip repeatedly: '前完成' is two suffixes.
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(IGNORED_SUFFIX, '');
  }
  return s;
}

function readNumber(token: string): number {
  return /^\d+$/.test(token) ? Number(token) : CN_DIGITS[token] ?? NaN;
}

function readMonth(text: string, token: string): number {
  const month = readNumber(token);
  if (!(month >= 1 && month <= 12)) throw unknown(text);
  return month;
}

function exactDate(text: string, y: string, mo: string, d: string): IsoDate {
  const month = readNumber(mo);
  const iso = `${y}-${String(month).padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (!isIsoDate(iso)) {
    throw new CalendarError('UNKNOWN_DEADLINE_PHRASE', `完成时限“${text}”不是有效日期`);
  }
  return iso;
}

function unknown(text: string): CalendarError {
  return new CalendarError(
    'UNKNOWN_DEADLINE_PHRASE',
    `无法识别的完成时限：“${text}”。请填写具体日期（如 2027-06-30、2027年6月底、2027年第三季度），或“每季度”“长期坚持”等`,
  );
}
