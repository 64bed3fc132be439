import { registerTranslations } from '@luoshi/web/core';
import { REPORTS_EN } from './reports.translations.en';
import { REPORTS_ZH } from './reports.translations.zh';

declare module '@luoshi/web/core' {
  /** The reports area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    reports: typeof REPORTS_ZH;
  }
}

registerTranslations(REPORTS_ZH, REPORTS_EN);
