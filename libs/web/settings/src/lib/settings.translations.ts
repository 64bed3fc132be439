import { registerTranslations } from '@luoshi/web/core';
import { SETTINGS_EN } from './settings.translations.en';
import { SETTINGS_ZH } from './settings.translations.zh';

declare module '@luoshi/web/core' {
  /** The settings area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    settings: typeof SETTINGS_ZH;
  }
}

registerTranslations(SETTINGS_ZH, SETTINGS_EN);
