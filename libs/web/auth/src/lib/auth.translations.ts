import { registerTranslations } from '@luoshi/web/core';
import { AUTH_EN } from './auth.translations.en';
import { AUTH_ZH } from './auth.translations.zh';

declare module '@luoshi/web/core' {
  /** The auth area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    auth: typeof AUTH_ZH;
  }
}

registerTranslations(AUTH_ZH, AUTH_EN);
