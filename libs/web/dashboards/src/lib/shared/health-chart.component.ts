import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { ECElementEvent } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import type { DashboardRow, TaskHealthColor } from '@luoshi/contracts';
import { I18nService, TranslatePipe } from '@luoshi/web/core';
import { healthBarOption, healthChartHeight } from './chart-options';
import { provideLuoshiCharts } from './charts.providers';

export interface HealthSegment {
  row: DashboardRow;
  health: TaskHealthColor;
}

const isHealth = (value: unknown): value is TaskHealthColor => value === 'red' || value === 'amber' || value === 'green';

/**
 * Stacked health bars (red, amber, green) of dashboard rows; a click on a segment emits the row and
 * the colour (the page opens the task list with row.filters[colour]). SVG, so it prints and scales crisply.
 */
@Component({
  selector: 'luoshi-health-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgxEchartsDirective, NzEmptyModule, TranslatePipe],
  providers: [provideLuoshiCharts()],
  template: `
    @if (hasTasks()) {
      <div
        echarts
        class="chart"
        [options]="option()"
        [initOpts]="svg"
        [style.height.px]="height()"
        [attr.data-testid]="testId()"
        [attr.data-rows]="rows().length"
        (chartClick)="clicked($event)"
      ></div>
    } @else {
      <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'dashboard.noRows' | t" [attr.data-testid]="testId()" />
    }
  `,
  styles: `.chart { width: 100%; }`,
})
export class HealthChartComponent {
  private readonly i18n = inject(I18nService);
  protected readonly svg = { renderer: 'svg' };
  readonly rows = input.required<readonly DashboardRow[]>();
  readonly orientation = input<'horizontal' | 'vertical'>('horizontal');
  /** Axis labels with the row's code (parts and sections) or the name only (departments, cities). */
  readonly withCode = input(false);
  readonly testId = input.required<string>();
  /** Height of an upright chart; a horizontal one grows with its rows. */
  readonly fixedHeight = input(300);
  readonly segment = output<HealthSegment>();

  /** Rows with no task at all (every city at zero) show the empty state rather than bare axes. */
  protected readonly hasTasks = computed(() => this.rows().some((row) => row.total > 0));
  protected readonly height = computed(() => (this.orientation() === 'horizontal' ? healthChartHeight(this.rows().length) : this.fixedHeight()));

  protected readonly option = computed(() => {
    this.i18n.lang();
    const t = (key: Parameters<I18nService['t']>[0]) => this.i18n.t(key);
    const withCode = this.withCode();
    return healthBarOption(this.rows(), {
      orientation: this.orientation(),
      axisLabel: (row) => (withCode ? `${row.key} ${row.label}` : (row.department?.name ?? row.label)),
      fullLabel: (row) => (withCode ? `${row.key} ${row.label}` : row.label),
      text: {
        health: { red: t('taskHealth.red'), amber: t('taskHealth.amber'), green: t('taskHealth.green') },
        total: t('dashboard.total'),
        completed: t('dashboard.completed'),
        completionRate: t('dashboard.completionRate'),
        clickHint: t('dashboard.clickHint'),
      },
    });
  });

  protected clicked(event: ECElementEvent): void {
    const row = this.rows()[event.dataIndex];
    const health = event.seriesId;
    if (row && isHealth(health)) this.segment.emit({ row, health });
  }
}
