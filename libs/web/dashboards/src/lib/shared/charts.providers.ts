import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/** ngx-echarts with echarts imported on first use (a lazy chunk of its own). */
export function provideLuoshiCharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.echarts) });
}
