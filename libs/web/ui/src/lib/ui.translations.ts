import { registerTranslations } from '@luoshi/web/core';
import { UI_EN } from './ui.translations.en';
import { UI_ZH } from './ui.translations.zh';

declare module '@luoshi/web/core' {
  /** The ui area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    ui: typeof UI_ZH;
  }
}

registerTranslations(UI_ZH, UI_EN);
