import type { TextsOf } from '@luoshi/web/core';
import type { UI_ZH } from './ui.translations.zh';

export const UI_EN: TextsOf<typeof UI_ZH> = {
  calendar: {
    bannerTitle: 'The {years} holiday schedule is not confirmed',
    bannerOffice: 'Check it against the State Council notice and confirm it, or import the official schedule; until then working-day deadlines are provisional.',
    bannerOther: 'Until the office confirms it, working-day deadlines are provisional.',
    bannerAction: 'Review',
  },
  daily: {
    holidayMark: 'Off',
    workdayMark: 'Work',
    holidayTitle: '{name} (holiday)',
    workdayTitle: '{name} (make-up workday)',
    holidayDeadline: '{date} is a {name} holiday, not a working day.',
    weekendDeadline: '{date} is a weekend day, not a working day.',
    useNextWorkingDay: 'Use the next working day, {date}',
  },
};
