import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { CompletionPoint } from '@luoshi/contracts';
import { I18nService } from '@luoshi/web/core';
import { completionOption } from './chart-options';
import { provideLuoshiCharts } from './charts.providers';

/** Completions per week or month (bars) and their running total (line). */
@Component({
  selector: 'luoshi-completion-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideLuoshiCharts()],
  template: `<div echarts class="chart" [options]="option()" [initOpts]="svg" [attr.data-testid]="testId()"></div>`,
  styles: `.chart { width: 100%; height: 280px; }`,
})
export class CompletionChartComponent {
  private readonly i18n = inject(I18nService);
  protected readonly svg = { renderer: 'svg' };
  readonly points = input.required<readonly CompletionPoint[]>();
  readonly testId = input('chart-completion');
  protected readonly option = computed(() => {
    this.i18n.lang();
    return completionOption(this.points(), { completed: this.i18n.t('dashboard.completedInPeriod'), cumulative: this.i18n.t('dashboard.cumulative') });
  });
}
