import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideAccessibleNames } from './a11y/accessible-names';
import { AppInfoService } from './app-info/app-info.service';
import { authInterceptor } from './auth/auth.interceptor';
import { I18nService } from './i18n/i18n.service';
import { I18nTitleStrategy } from './i18n/i18n-title.strategy';

/** HTTP with auth, the UI language (ng-zorro locale, <html lang>, document title), names for ng-zorro's inner controls. */
export function provideLuoshiCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    provideNzI18n(zh_CN),
    { provide: TitleStrategy, useExisting: I18nTitleStrategy },
    provideAppInitializer(() => {
      inject(I18nService).init();
      inject(AppInfoService).load();
    }),
    provideAccessibleNames(),
  ]);
}
