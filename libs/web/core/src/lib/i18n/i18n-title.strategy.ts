import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { AppInfoService } from '../app-info/app-info.service';
import { I18nService } from './i18n.service';
import type { TranslationKey } from './translation-key';

/** Route `title`s are translation keys; the document title follows the language and the configured product name. */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private readonly appInfo = inject(AppInfoService);
  private readonly key = signal<TranslationKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const key = this.key();
      const app = this.appInfo.name();
      this.title.setTitle(key ? `${this.i18n.t(key)} · ${app}` : this.appInfo.title());
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as TranslationKey | undefined) ?? null);
  }
}
