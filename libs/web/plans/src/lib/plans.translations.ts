import { registerTranslations } from '@luoshi/web/core';
import { PLANS_EN } from './plans.translations.en';
import { PLANS_ZH } from './plans.translations.zh';

declare module '@luoshi/web/core' {
  /** The plans area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    plans: typeof PLANS_ZH;
  }
}

registerTranslations(PLANS_ZH, PLANS_EN);
