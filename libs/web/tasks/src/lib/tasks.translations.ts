import { registerTranslations } from '@luoshi/web/core';
import { TASKS_EN } from './tasks.translations.en';
import { TASKS_ZH } from './tasks.translations.zh';

declare module '@luoshi/web/core' {
  /** The tasks area's keys join TranslationKey wherever this lib is compiled. */
  interface TranslationTree {
    tasks: typeof TASKS_ZH;
  }
}

registerTranslations(TASKS_ZH, TASKS_EN);
