import { CalendarError } from './calendar-error';
import { parseDeadlinePhrase } from './parse-deadline-phrase';
import { seedCalendar } from './testing';


const calendar = seedCalendar();
const date = (d: string) => ({ kind: 'date', date: d });

describe(parseDeadlinePhrase.name, () => {
  describe('without a calendar, period phrases mean the last calendar day of the period', () => {
    it.each([
      ['2027年6月底', '2027-06-30'],
      ['2027年6月', '2027-06-30'],
      ['2027年6月末', '2027-06-30'],
      ['2027年六月底', '2027-06-30'],
      ['2027年2月底', '2027-02-28'],
      ['2028年2月底', '2028-02-29'],
      ['2027年12月', '2027-12-31'],
      ['2027年十二月底', '2027-12-31'],
      ['2027年底', '2027-12-31'],
      ['2027年年底', '2027-12-31'],
      ['2027年末', '2027-12-31'],
      ['2027年', '2027-12-31'],
      ['2027年内', '2027-12-31'],
      ['2027年上半年', '2027-06-30'],
      ['2027年下半年', '2027-12-31'],
      ['2027年第一季度', '2027-03-31'],
      ['2027年第二季度', '2027-06-30'],
      ['2027年第三季度', '2027-09-30'],
      ['2027年第四季度', '2027-12-31'],
      ['2027年三季度', '2027-09-30'],
      ['2027年第3季度', '2027-09-30'],
      ['2027年Q3', '2027-09-30'],
    ])('reads %s as %s', (text, expected) => {
      expect(parseDeadlinePhrase(text)).toEqual(date(expected));
    });
  });

  describe('explicit dates', () => {
    it.each([
      ['2027-06-30', '2027-06-30'],
      ['2027-6-5', '2027-06-05'],
      ['2027/06/30', '2027-06-30'],
      ['2027.6.30', '2027-06-30'],
      ['2027年6月30日', '2027-06-30'],
      ['2027年6月30号', '2027-06-30'],
      ['２０２７年６月３０日', '2027-06-30'],
    ])('reads %s as %s', (text, expected) => {
      expect(parseDeadlinePhrase(text)).toEqual(date(expected));
    });

    it('returns an explicit date unchanged even when it is a rest day and a calendar is given', () => {
      expect(parseDeadlinePhrase('2026-02-15', calendar)).toEqual(date('2026-02-15'));
      expect(parseDeadlinePhrase('2025年10月1日', calendar)).toEqual(date('2025-10-01'));
    });

    it('rejects an impossible date', () => {
      expect(() => parseDeadlinePhrase('2027-02-30')).toThrow(CalendarError);
      expect(() => parseDeadlinePhrase('2027年13月')).toThrow(CalendarError);
    });
  });

  describe('with a calendar, period phrases mean the last working day on or before the period end', () => {
    it.each([
      ['2025年9月底', '2025-09-30'], // a Tuesday: unchanged
      ['2025年5月底', '2025-05-30'], // 5/31 is 端午 (a Saturday)
      ['2026年1月', '2026-01-30'], // 1/31 is a Saturday
      ['2026年2月底', '2026-02-28'], // Saturday, but a make-up working day
      ['2025年底', '2025-12-31'],
      ['2026年第三季度', '2026-09-30'],
      ['2026年上半年', '2026-06-30'],
      ['2027年6月底', '2027-06-30'], // unconfirmed year: weekends only plus statutory days
      ['2027年第一季度', '2027-03-31'],
      ['2028年4月', '2028-04-28'], // unknown year, 4/30 is a Sunday
    ])('reads %s as %s', (text, expected) => {
      expect(parseDeadlinePhrase(text, calendar)).toEqual(date(expected));
    });
  });

  describe('plan wording around the date', () => {
    it.each([
      ['2027年底前', '2027-12-31'],
      ['2027年6月底前完成', '2027-06-30'],
      ['2027年6月底之前', '2027-06-30'],
      ['于2027年6月底前', '2027-06-30'],
      [' 2027年 6月底 。', '2027-06-30'],
      ['2027年第三季度末', '2027-09-30'],
      ['2027年上半年完成', '2027-06-30'],
    ])('reads %p as %s', (text, expected) => {
      expect(parseDeadlinePhrase(text)).toEqual(date(expected));
    });
  });

  describe('recurring deadlines', () => {
    it.each([
      ['每季度', 'quarterly'],
      ['按季度', 'quarterly'],
      ['每季', 'quarterly'],
      ['每季度报送', 'quarterly'],
      ['每月', 'monthly'],
      ['按月', 'monthly'],
      ['每个月', 'monthly'],
      ['每半年', 'half_yearly'],
      ['按半年', 'half_yearly'],
      ['每年', 'yearly'],
      ['每年度', 'yearly'],
      ['按年度报送', 'yearly'],
    ])('reads %s as %s', (text, cycle) => {
      expect(parseDeadlinePhrase(text)).toEqual({ kind: 'recurring', cycle });
    });
  });

  describe('long-term deadlines', () => {
    it.each(['长期坚持', '长期', '持续推进', '持续', '常态化推进', '长期坚持。'])('reads %s as long-term', (text) => {
      expect(parseDeadlinePhrase(text)).toEqual({ kind: 'long_term' });
    });
  });

  describe('unrecognised phrases', () => {
    it.each(['尽快', '', '2027年6月中旬', '明年', '6月底', '2027年第五季度', '2027-06'])('rejects %p with UNKNOWN_DEADLINE_PHRASE', (text) => {
      try {
        parseDeadlinePhrase(text);
        throw new Error('expected a CalendarError');
      } catch (e) {
        expect(e).toBeInstanceOf(CalendarError);
        expect((e as CalendarError).code).toBe('UNKNOWN_DEADLINE_PHRASE');
        expect((e as CalendarError).message).toContain('无法识别的完成时限');
      }
    });
  });
});
