import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => {
  // Bootstrap failed before Angular could render anything: show a plain message instead of a blank page.
  const root = document.querySelector('luoshi-root');
  if (root) root.textContent = '系统加载失败，请刷新页面重试 / The app failed to load; please reload.';
  throw error;
});
