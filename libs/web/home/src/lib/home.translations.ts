import { registerTranslations } from '@luoshi/web/core';
import { HOME_EN } from './home.translations.en';
import { HOME_ZH } from './home.translations.zh';

declare module '@luoshi/web/core' {
  /** The home area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    home: typeof HOME_ZH;
  }
}

registerTranslations(HOME_ZH, HOME_EN);
