import { registerTranslations } from '@luoshi/web/core';
import { SHELL_EN } from './shell.translations.en';
import { SHELL_ZH } from './shell.translations.zh';

declare module '@luoshi/web/core' {
  /** The shell area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    shell: typeof SHELL_ZH;
  }
}

registerTranslations(SHELL_ZH, SHELL_EN);
