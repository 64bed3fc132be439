import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiPaths, type AppInfoResponse } from '@luoshi/contracts';
import { I18nService } from '../i18n/i18n.service';
import { splitAppTitle } from './split-app-title';

/**
 * The product's name as the installation configures it (APP_TITLE / APP_TITLE_EN, GET /api/app-info),
 * for the header, the sign-in page and the browser tab; the built-in default until it has loaded.
 */
@Injectable({ providedIn: 'root' })
export class AppInfoService {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18nService);
  private readonly info = signal<AppInfoResponse | null>(null);

  /** The full title in the current language. */
  readonly title = computed(() => {
    const info = this.info();
    if (!info) return this.i18n.t('app.fullName');
    return this.i18n.isZh() ? info.title : info.titleEn;
  });
  readonly name = computed(() => splitAppTitle(this.title()).name);
  readonly tagline = computed(() => splitAppTitle(this.title()).tagline);

  /** Called once at start-up; a failure keeps the default (the page must not wait for it). */
  load(): void {
    this.http.get<AppInfoResponse>(ApiPaths.appInfo).subscribe({ next: (info) => this.info.set(info), error: () => undefined });
  }
}
