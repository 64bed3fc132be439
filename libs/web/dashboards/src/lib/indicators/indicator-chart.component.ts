import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { IndicatorTrackingResponse } from '@luoshi/contracts';
import { I18nService } from '@luoshi/web/core';
import { indicatorOption } from '../shared/chart-options';
import { provideLuoshiCharts } from '../shared/charts.providers';
import { INDICATOR_STATUS_HEX } from '../shared/health';

/** Observed values, the projection to each target year and the target markers of one indicator. */
@Component({
  selector: 'luoshi-indicator-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective],
  providers: [provideLuoshiCharts()],
  template: `<div echarts class="chart" [options]="option()" [initOpts]="svg" data-testid="indicator-chart"></div>`,
  styles: `.chart { width: 100%; height: 280px; }`,
})
export class IndicatorChartComponent {
  private readonly i18n = inject(I18nService);
  readonly indicator = input.required<IndicatorTrackingResponse>();
  protected readonly svg = { renderer: 'svg' };
  protected readonly option = computed(() => {
    this.i18n.lang();
    const i = this.indicator();
    return indicatorOption(
      { unit: i.unit, baseline: i.baseline, observations: i.observations, trend: i.trend, horizons: i.horizons, color: INDICATOR_STATUS_HEX[i.status] },
      {
        observed: this.i18n.t('indicators.chartObserved'),
        baseline: this.i18n.t('indicators.chartBaseline'),
        projection: this.i18n.t('indicators.chartProjection'),
        target: this.i18n.t('indicators.chartTarget'),
      },
    );
  });
}
