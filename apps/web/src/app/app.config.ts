import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling, withNavigationErrorHandler } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideLuoshiCore } from '@luoshi/web/core';
import { APP_ICONS } from './app.icons';
import { appRoutes, redirectToErrorPage } from './app.routes';

// ng-zorro formats dates with the active locale's id (zh-cn); English locale data is built in.
registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideZonelessChangeDetection(),
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'top' }),
      withNavigationErrorHandler(redirectToErrorPage),
    ),
    provideLuoshiCore(),
    provideNzIcons(APP_ICONS),
  ],
};
