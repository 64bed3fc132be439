import { registerTranslations } from '@luoshi/web/core';
import { ADMIN_EN } from './admin.translations.en';
import { ADMIN_ZH } from './admin.translations.zh';

declare module '@luoshi/web/core' {
  /** The admin area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    admin: typeof ADMIN_ZH;
  }
}

registerTranslations(ADMIN_ZH, ADMIN_EN);
