import { inject, Pipe, type PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';
import type { TranslationKey, TranslationParams } from './translation-key';

/**
 * `{{ 'nav.users' | t }}`. Impure so a language switch re-renders; the current-language signal it
 * reads also marks OnPush views for refresh.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
