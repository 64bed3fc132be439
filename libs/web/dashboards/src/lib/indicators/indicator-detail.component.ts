import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import type { IndicatorDetailResponse, IndicatorValueStatus } from '@luoshi/contracts';
import { AuthService, I18nService, TranslatePipe } from '@luoshi/web/core';
import { LoadErrorComponent } from '@luoshi/web/ui';
import { IndicatorsApi } from '../api/indicators.api';
import { figure } from '../shared/health';
import { pointText, targetsText } from '../shared/indicator-format';
import { IndicatorStatusTagComponent } from '../shared/indicator-status-tag.component';
import { IndicatorChartComponent } from './indicator-chart.component';

const VALUE_COLORS: Readonly<Record<IndicatorValueStatus, string>> = { submitted: 'processing', approved: 'success', returned: 'error' };

/** The drawer's content: figures, the trend chart, each target year's judgement and the reported values. */
@Component({
  selector: 'luoshi-indicator-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    NzButtonModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzIconModule,
    NzSkeletonModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    LoadErrorComponent,
    IndicatorChartComponent,
    IndicatorStatusTagComponent,
  ],
  template: `
    @if (detail.error(); as error) {
      <luoshi-load-error [error]="error" (retry)="detail.reload()" />
    } @else if (detail.hasValue() && detail.value(); as d) {
      <div class="head">
        <luoshi-indicator-status-tag [status]="d.status" testId="indicator-detail-status" />
        <span class="spacer"></span>
        @if (canEdit()) {
          <button nz-button (click)="edit.emit(d)" data-testid="indicator-edit"><nz-icon nzType="edit" />{{ 'indicators.edit' | t }}</button>
        }
        @if (canReport(d)) {
          <button nz-button nzType="primary" (click)="report.emit(d)" data-testid="indicator-report"><nz-icon nzType="form" />{{ 'indicators.report' | t }}</button>
        }
      </div>
      <nz-descriptions nzSize="small" [nzColumn]="2" nzBordered>
        <nz-descriptions-item [nzTitle]="'indicators.responsible' | t">{{ d.responsibleDepartment?.name ?? ('indicators.noResponsible' | t) }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'indicators.unit' | t">{{ d.unit }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'indicators.baseline' | t">{{ point(d.baseline) }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'indicators.latest' | t">{{ point(d.latest) }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="'indicators.targets' | t" [nzSpan]="2">{{ targets(d) }}</nz-descriptions-item>
        @if (d.sourceSentence) {
          <nz-descriptions-item [nzTitle]="'indicators.source' | t" [nzSpan]="2">
            <span class="source">{{ d.sourceSentence }}</span>
            @if (d.nodeCode) {
              <span class="muted">（{{ d.nodeCode }}）</span>
            }
          </nz-descriptions-item>
        }
      </nz-descriptions>

      <h3 class="section">{{ 'indicators.chartTitle' | t }}</h3>
      @if (d.observations.length > 0) {
        <luoshi-indicator-chart [indicator]="d" />
      } @else {
        <nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'indicators.noChart' | t" data-testid="indicator-no-chart" />
      }

      <h3 class="section">{{ 'indicators.horizons' | t }}</h3>
      <nz-table nzSize="small" [nzData]="d.horizons" [nzShowPagination]="false" [nzFrontPagination]="false" data-testid="indicator-horizons">
        <thead>
          <tr>
            <th>{{ 'indicators.year' | t }}</th>
            <th nzAlign="right">{{ 'indicators.target' | t }}</th>
            <th nzAlign="right">{{ 'indicators.projected' | t }}</th>
            <th>{{ 'indicators.basis' | t }}</th>
            <th>{{ 'indicators.status' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (h of d.horizons; track h.year) {
            <tr>
              <td class="num">
                {{ h.year }}
                @if (h.year === d.currentHorizonYear) {
                  <nz-tag class="current">{{ 'indicators.current' | t }}</nz-tag>
                }
              </td>
              <td nzAlign="right" class="num">{{ fig(h.target) }}</td>
              <td nzAlign="right" class="num">{{ fig(h.projected) }}</td>
              <td class="muted">{{ basisKey(h.basis) | t }}</td>
              <td><luoshi-indicator-status-tag [status]="h.status" testId="indicator-horizon-status" /></td>
            </tr>
          }
        </tbody>
      </nz-table>

      <h3 class="section">{{ 'indicators.values' | t }}</h3>
      <nz-table nzSize="small" [nzData]="d.values" [nzShowPagination]="false" [nzFrontPagination]="false" [nzNoResult]="noValues" data-testid="indicator-values">
        <thead>
          <tr>
            <th>{{ 'indicators.year' | t }}</th>
            <th nzAlign="right">{{ 'indicators.value' | t }}</th>
            <th>{{ 'indicators.note' | t }}</th>
            <th>{{ 'indicators.valueStatus' | t }}</th>
            <th>{{ 'indicators.reportedBy' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (v of d.values; track v.id) {
            <tr data-testid="indicator-value-row">
              <td class="num">{{ v.year }}</td>
              <td nzAlign="right" class="num">{{ fig(v.value) }}</td>
              <td>
                {{ v.note }}
                @if (v.reviewComment) {
                  <div class="comment">{{ 'indicators.reviewComment' | t }}：{{ v.reviewComment }}</div>
                }
              </td>
              <td><nz-tag [nzColor]="valueColors[v.status]">{{ valueLabel(v.status) }}</nz-tag></td>
              <td class="muted">{{ v.department.name }} · {{ v.reportedBy.displayName }}<br />{{ v.reportedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    } @else {
      <nz-skeleton [nzActive]="true" [nzParagraph]="{ rows: 10 }" />
    }
    <ng-template #noValues><nz-empty nzNotFoundImage="simple" [nzNotFoundContent]="'indicators.noValues' | t" /></ng-template>
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; margin-bottom: 12px; }
    .spacer { flex: 1; }
    .section { margin: 20px 0 8px; font-size: 15px; font-weight: 600; }
    .num { font-variant-numeric: tabular-nums; white-space: nowrap; }
    .muted { color: rgba(0, 0, 0, 0.6); }
    .source { color: rgba(0, 0, 0, 0.75); }
    .comment { margin-top: 2px; font-size: 12px; color: #cf1322; }
    .current { margin-left: 6px; }
  `,
})
export class IndicatorDetailComponent {
  private readonly api = inject(IndicatorsApi);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  readonly indicatorId = input.required<string>();
  /** Bumped by the page after an edit or a report, to load again. */
  readonly version = input(0);
  readonly edit = output<IndicatorDetailResponse>();
  readonly report = output<IndicatorDetailResponse>();

  protected readonly detail = rxResource({
    params: () => ({ id: this.indicatorId(), version: this.version() }),
    stream: ({ params }) => this.api.get(params.id),
  });
  protected readonly valueColors = VALUE_COLORS;
  protected readonly canEdit = computed(() => this.auth.hasAnyRole(['office_admin']));
  protected readonly point = pointText;
  protected readonly fig = figure;

  protected canReport(d: IndicatorDetailResponse): boolean {
    const mine = this.auth.user()?.department.code;
    return this.auth.hasAnyRole(['dept_liaison', 'dept_head']) && !!mine && d.responsibleDepartment?.code === mine;
  }

  protected targets(d: IndicatorDetailResponse): string {
    return targetsText(d.comparison, d.targets);
  }

  protected basisKey(basis: 'observed' | 'projected' | 'none') {
    return basis === 'observed' ? 'indicators.basisObserved' : basis === 'projected' ? 'indicators.basisProjected' : 'indicators.basisNone';
  }

  protected valueLabel(status: IndicatorValueStatus): string {
    return this.i18n.t(`indicatorValueStatus.${status}`);
  }
}
