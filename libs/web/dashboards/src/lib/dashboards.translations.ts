import { registerTranslations } from '@luoshi/web/core';
import { DASHBOARDS_EN } from './dashboards.translations.en';
import { DASHBOARDS_ZH } from './dashboards.translations.zh';

declare module '@luoshi/web/core' {
  /** The dashboards area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    dashboards: typeof DASHBOARDS_ZH;
  }
}

registerTranslations(DASHBOARDS_ZH, DASHBOARDS_EN);
